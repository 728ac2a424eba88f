// The history as data: a pure function of (seed, historyEnd) that says which transactions
// go into which block at which timestamp. No I/O here, so it is unit-testable and the
// executor (simulate.ts) stays a dumb loop. Each kind of record has its planner in plan/;
// this file walks the days and calls them in a fixed order, since several share a random
// stream and the chain, block hash for block hash, depends on the order of its draws.
import type { DevnetAccounts } from './accounts';
import { registryAddress } from './deploy';
import { phase2Schedule } from './phase2';
import { SCENARIOS } from './catalogue';
import { stream } from './rng';
import { dayBlockTimes, fillBlocks } from './plan/blocks';
import { DAY, FIRST_DAY, LAUNCH_TIMESTAMP, planDay } from './plan/calendar';
import { membershipPlanner, scheduleMembership } from './plan/membership';
import { outputPlanner } from './plan/output';
import { patentPlanner } from './plan/patents';
import { revertPlanner } from './plan/reverts';
import { scenarioPlanner, scheduleScenarios } from './plan/scenarios';
import { phase1Targets } from './plan/targets';
import { trafficPlanner } from './plan/traffic';
import { planContext } from './plan/tx';
import type { HistoryPlan, PlannedBlock, PlannedTx } from './plan/types';

export { GENESIS_DATE, LAUNCH_TIMESTAMP, PHASE1 } from './plan/calendar';
export { encodeTx } from './plan/tx';
export type { HistoryPlan, PlannedTx } from './plan/types';

export interface PlanOptions {
  seed: number;
  accounts: DevnetAccounts;
  /** Exclusive end of the history. */
  historyEnd: Date;
}

export function planHistory({ seed, accounts, historyEnd }: PlanOptions): HistoryPlan {
  const end = Math.floor(historyEnd.getTime() / 1000);
  const owner = accounts.owner.address;
  const registry = registryAddress(owner);
  const ctx = planContext(accounts, registry);

  // The schedule stream: the membership's draws, then the scenarios'.
  const rSchedule = stream(seed, 'schedule');
  const membership = membershipPlanner(scheduleMembership(rSchedule), ctx);
  const scenarioSchedule = scheduleScenarios(rSchedule);
  // The days stream, drawn from each day by scenario launches, then a revert, then the blocks' times.
  const rDay = stream(seed, 'days');
  const scenarios = scenarioPlanner(scenarioSchedule, rDay, ctx);
  const reverts = revertPlanner(rDay, ctx);
  const patents = patentPlanner(stream(seed, 'patents'), ctx);
  const output = outputPlanner(stream(seed, 'output'), ctx);
  const traffic = trafficPlanner(stream(seed, 'transfers'), ctx);
  const phase2Day = phase2Schedule(seed, FIRST_DAY, ctx.members, SCENARIOS.length);

  const blocks: PlannedBlock[] = [];
  for (let index = 0; FIRST_DAY + index * DAY < end; index++) {
    const d = planDay(index);
    // The owner's calls first, then members' records, then the day's mistake.
    const calls: PlannedTx[] = index === 0 ? phase1Targets(ctx) : [];
    calls.push(...membership.day(index));
    const active = membership.active(index);
    calls.push(...scenarios.day(index, active));
    for (const c of phase2Day({ day: index, activeMembers: active })) calls.push(ctx.call(owner, c.gas, c.data));
    calls.push(...patents.day(d, active), ...output.day(d, active));
    calls.push(...reverts.day(d, active, patents.numbers));

    const times = dayBlockTimes(rDay, d, calls.length, blocks.at(-1)?.timestamp ?? LAUNCH_TIMESTAMP, end);
    blocks.push(...fillBlocks(calls, times, traffic.block));
  }

  return {
    owner,
    registry,
    blocks,
    finalMembers: membership.current().map((m) => ctx.members[m]!),
    counts: {
      blocks: blocks.length,
      txs: blocks.reduce((n, b) => n + b.txs.length, 0),
      admissions: membership.counts.admissions,
      removals: membership.counts.removals,
      patents: patents.counts.patents,
      patentsInPhase1: patents.counts.inPhase1,
      scenarios: scenarios.launched(),
      inDepthAtPhase1End: scenarios.inDepthAtPhase1End(),
      outputReports: output.counts.reports,
      corrections: output.counts.corrections,
      outputInPhase1: output.inPhase1(),
      transfers: traffic.counts.transfers,
      deployments: traffic.counts.deployments,
      reverts: reverts.counts.reverts,
    },
  };
}
