// KPI rules over registry records, as a "ledger": every record that moves (or could move) a
// KPI, with the change it made when it happened (delta), whether it counts toward today's
// figure (counted) and what it contributes to it (contribution). Pure: no I/O.
//   current = Σ delta = Σ contribution of counted entries.
import type {
  EventBase, LedgerEntry, MembershipModel, PatentModel, ReportModel, StageChangeModel,
} from '../models';
import type { ScenarioStage } from '../generated/enums';
import { quarterInPeriod } from '../../rules/quarter';

export const byChainOrder = (a: Pick<EventBase, 'blockNumber' | 'logIndex'>, b: Pick<EventBase, 'blockNumber' | 'logIndex'>) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex;
const byTime = (a: LedgerEntry, b: LedgerEntry) => a.time - b.time || byChainOrder(a.record, b.record);

/** Patents: one per PatentFiled whose filedAt falls in [start, end). */
export function patentLedger(patents: PatentModel[], start: number, end: number): LedgerEntry[] {
  return patents
    .filter((p) => p.filedAt >= start && p.filedAt < end)
    .map((p) => ({ record: p, time: p.filedAt, delta: 1n, counted: true, contribution: 1n }))
    .sort(byTime);
}

/**
 * Mark superseded reports: per (member, quarter) only the latest report (by block, log index)
 * stands. Mutates the models' superseded/supersededBy/previous links; returns them in chain order.
 */
export function linkReports(reports: ReportModel[]): ReportModel[] {
  const sorted = [...reports].sort(byChainOrder);
  const latest = new Map<string, ReportModel>();
  for (const r of sorted) {
    const key = `${r.member}:${r.period}`;
    const prev = latest.get(key) ?? null;
    r.previous = prev;
    r.superseded = false;
    r.supersededBy = null;
    if (prev) {
      prev.superseded = true;
      prev.supersededBy = r;
    }
    latest.set(key, r);
  }
  return sorted;
}

/** Output value: the latest report per (member, quarter), quarters counted by quarterInPeriod. Reports must be linked. */
export function outputLedger(reports: ReportModel[], start: number, end: number): LedgerEntry[] {
  return reports
    .filter((r) => quarterInPeriod(r.period, start, end))
    .map((r) => ({
      record: r,
      time: r.at,
      delta: r.amount - (r.previous?.amount ?? 0n),
      counted: !r.superseded,
      contribution: r.superseded ? 0n : r.amount,
    }))
    .sort(byTime);
}

/**
 * Scenarios: stage changes before `end`; a scenario counts when its latest stage then is
 * IN_DEPTH. Launches enter as PILOT, so a scenario's first change starts from PILOT even when
 * its launch is not among `changes` (an evidence file holds only the changes).
 */
export function scenarioLedger(changes: StageChangeModel[], end = Infinity): LedgerEntry[] {
  const sorted = changes.filter((c) => c.at < end).sort(byChainOrder);
  const current = new Map<number, StageChangeModel>();
  for (const c of sorted) current.set(c.scenarioId, c);
  const stageNow = new Map<number, ScenarioStage>();
  const entries: LedgerEntry[] = [];
  for (const c of sorted) {
    const before = stageNow.get(c.scenarioId) ?? 'PILOT';
    stageNow.set(c.scenarioId, c.stage);
    if (c.isLaunch) continue;
    const was = before === 'IN_DEPTH' ? 1n : 0n;
    const now = c.stage === 'IN_DEPTH' ? 1n : 0n;
    const counted = current.get(c.scenarioId) === c && c.stage === 'IN_DEPTH';
    entries.push({ record: c, time: c.at, delta: now - was, counted, contribution: counted ? 1n : 0n });
  }
  return entries.sort(byTime);
}

/** Members: admissions and removals before `end`; a member counts when its latest event then is an admission. */
export function memberLedger(events: MembershipModel[], end = Infinity): LedgerEntry[] {
  const sorted = events.filter((e) => e.at < end).sort(byChainOrder);
  const latest = new Map<string, MembershipModel>();
  for (const e of sorted) latest.set(e.member, e);
  const active = new Set<string>();
  const entries: LedgerEntry[] = [];
  for (const e of sorted) {
    const was = active.has(e.member);
    if (e.change === 'admitted') active.add(e.member);
    else active.delete(e.member);
    const delta = BigInt(Number(active.has(e.member)) - Number(was));
    const counted = latest.get(e.member) === e && e.change === 'admitted';
    entries.push({ record: e, time: e.at, delta, counted, contribution: counted ? 1n : 0n });
  }
  return entries.sort(byTime);
}

export function ledgerTotal(entries: LedgerEntry[]): bigint {
  let sum = 0n;
  for (const e of entries) sum += e.delta;
  return sum;
}
