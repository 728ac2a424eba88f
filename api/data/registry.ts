// Lists over the in-memory registry (api/state.ts): filters, orders and per-quarter sums,
// memoised on the state of the head they were computed at.
import type { AllianceState } from '../state';
import type { MemberOrder, Region } from '../generated/enums';
import type { MemberModel, PeriodModel, RegistryEventModel } from '../models';
import { quarterInPeriod, quarterLabel, quarterRange } from '../kpi/time';

/** Cursor key of a registry event: its position in the chain. */
export const eventKey = (e: RegistryEventModel) => `${e.blockNumber}-${e.logIndex}`;

export function memberList(
  state: AllianceState,
  filter: { country?: string; sector?: string | null; region?: Region | null; includeRemoved?: boolean | null },
  order: MemberOrder,
): MemberModel[] {
  const { country, sector, region, includeRemoved } = filter;
  return state.cached(`members:${country}:${sector}:${region}:${includeRemoved}:${order}`, () => {
    const filtered = state.membersSorted.filter(
      (m) =>
        (includeRemoved || m.active) &&
        (!country || m.country === country) &&
        (!sector || m.sector === sector) &&
        (!region || (m.country === 'CN') === (region === 'DOMESTIC')),
    );
    const cmp: Record<MemberOrder, (a: MemberModel, b: MemberModel) => number> = {
      NAME: () => 0,
      PATENTS: (a, b) => b.patentCount - a.patentCount,
      OUTPUT_VALUE: (a, b) => (b.outputValue > a.outputValue ? 1 : b.outputValue < a.outputValue ? -1 : 0),
      ADMITTED_AT: (a, b) => b.admittedAt - a.admittedAt,
    };
    return [...filtered].sort(cmp[order]); // stable: ties stay in name order
  });
}

export function patentList(state: AllianceState, who: string | undefined, from?: number | null, to?: number | null) {
  return state.cached(`patents:${who}:${from}:${to}`, () =>
    state.patents.filter((p) => (!who || p.member === who) && (from == null || p.filedAt >= from) && (to == null || p.filedAt < to)),
  );
}

export function reportList(state: AllianceState, who: string | undefined, period: number | null | undefined, includeSuperseded: boolean | null | undefined) {
  return state.cached(`reports:${who}:${period}:${includeSuperseded}`, () =>
    state.reports.filter(
      (r) => (!who || r.member === who) && (period == null || r.period === period) && (includeSuperseded !== false || !r.superseded),
    ),
  );
}

/** Reported output per quarter (superseded reports left out), within a period if given. */
export function quarterlyOutput(state: AllianceState, p: PeriodModel | undefined) {
  return state.cached(`quarterly:${p?.id}`, () => {
    const sums = new Map<number, { amount: bigint; members: Set<string> }>();
    for (const r of state.reports) {
      if (r.superseded || (p && !quarterInPeriod(r.period, p.start, p.end))) continue;
      const s = sums.get(r.period) ?? { amount: 0n, members: new Set<string>() };
      s.amount += r.amount;
      s.members.add(r.member);
      sums.set(r.period, s);
    }
    return [...sums.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([quarter, s]) => ({
        quarter, label: quarterLabel(quarter), ...quarterRange(quarter), amount: s.amount.toString(), memberCount: s.members.size,
      }));
  });
}

/** Active members per sector, largest first. */
export function sectorCounts(state: AllianceState) {
  const counts = new Map<string, number>();
  for (const m of state.membersSorted) if (m.active) counts.set(m.sector, (counts.get(m.sector) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([sector, count]) => ({ sector, count }));
}

export function scenarioPipeline(state: AllianceState) {
  return (['PILOT', 'IN_DEPTH', 'RETIRED'] as const).map((stage) => ({
    stage, count: state.scenariosSorted.filter((s) => s.stage === stage).length,
  }));
}
