// A KPI's figure for one plan period at one head, from its ledger: the shared rules applied
// to the records. Pure. An ended period's figure is the one at its end: its ledger holds only
// what counts toward the period (see AllianceState.ledger), and its series stops at the end.
import { expectedProgress, kpiStatus, planTime, progress, reachedAt } from '../../rules/kpi';
import type { KpiModel, LedgerEntry } from '../models';
import { ledgerTotal } from './ledger';

/** The figure's fields of a KpiModel (documented there). */
type KpiFigure = Pick<KpiModel, 'current' | 'progress' | 'expectedProgress' | 'status' | 'ended' | 'reachedAt' | 'figureAt'>;

export function kpiFigure(entries: LedgerEntry[], target: bigint, period: { start: number; end: number }, asOf: number): KpiFigure {
  const { ended } = planTime(period.start, period.end, asOf);
  const current = ledgerTotal(entries);
  const p = progress(current, target);
  const expected = expectedProgress(asOf, period.start, period.end);
  return {
    current,
    progress: p,
    expectedProgress: expected,
    status: kpiStatus({ progress: p, expected, ended }),
    ended,
    reachedAt: reachedAt(entries, target),
    figureAt: ended ? period.end : asOf,
  };
}
