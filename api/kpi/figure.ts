// A KPI's figure for one plan period at one head, from its ledger: the shared rules applied
// to the records. Pure. An ended period's figure is the one at its end: its ledger holds only
// what counts toward the period (see AllianceState.ledger), and its series stops at the end.
import { expectedProgress, kpiStatus, planTime, progress, reachedAt, type KpiStatus } from '../../rules/kpi';
import type { LedgerEntry } from '../models';
import { ledgerTotal } from './ledger';

export interface KpiFigure {
  current: bigint;
  progress: number;
  expectedProgress: number;
  status: KpiStatus;
  ended: boolean;
  /** When the running total first reached the target, or null. */
  reachedAt: number | null;
  /** The time the figure stands at: asOf, or the period end once it has passed. */
  figureAt: number;
}

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
