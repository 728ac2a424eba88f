// A KPI's figure for one plan period at one head, from its ledger: the shared rules applied
// to the records. Pure. An ended period's figure is the one at its end: its ledger holds only
// what counts toward the period (see AllianceState.ledger), and its series stops at the end.
import { expectedProgress, kpiStatus, levelAt, planTime, progress, projectedAtEnd, projectKpi, reachedAt } from '../../rules/kpi';
import type { KpiModel, LedgerEntry } from '../models';
import { ledgerTotal } from './ledger';

/** The figure's fields of a KpiModel (documented there). */
type KpiFigure = Pick<
  KpiModel,
  'current' | 'progress' | 'expectedProgress' | 'status' | 'startLevel' | 'projectedAtEnd' | 'ended' | 'reachedAt' | 'figureAt'
>;

export function kpiFigure(entries: LedgerEntry[], target: bigint, period: { start: number; end: number }, asOf: number): KpiFigure {
  const { ended } = planTime(period.start, period.end, asOf);
  const current = ledgerTotal(entries);
  const startLevel = levelAt(entries, period.start);
  const reached = reachedAt(entries, target);
  const projection = projectKpi({ current, target, startLevel, periodStart: period.start, periodEnd: period.end, now: asOf, reachedAt: reached });
  return {
    current,
    progress: progress(current, target),
    expectedProgress: expectedProgress(asOf, period.start, period.end),
    status: kpiStatus(projection, target),
    startLevel,
    projectedAtEnd: projectedAtEnd(projection),
    ended,
    reachedAt: reached,
    figureAt: ended ? period.end : asOf,
  };
}
