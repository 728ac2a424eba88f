// Application scenarios: one launched about every seven weeks as a pilot, led by an active
// member of its sector; most are promoted to in-depth, a few retired.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { ENTERPRISES, SCENARIOS } from '../catalogue';
import { int, shuffled, weightedIndex, type Rng } from '../rng';
import { PHASE1_END_DAY } from './calendar';
import { DayMap } from './day-map';
import { sizesOf } from './membership';
import type { PlanContext, PlannedTx } from './types';

/** The registry's scenario stages. */
export const STAGE = { pilot: 0, inDepth: 1, retired: 2 } as const;

export interface ScenarioSchedule {
  /** Day -> SCENARIOS indices launched. */
  launches: DayMap<number>;
  /** Day -> [SCENARIOS index, stage] moves. */
  stages: DayMap<[number, number]>;
}

const PROMOTED = 25;
/** Of the promoted, the first two are later retired; of the rest, the first three retire as pilots. */
const RETIRED_IN_DEPTH = 2;
const RETIRED_PILOTS = 3;

/** Draws from the schedule stream, after the membership schedule. */
export function scheduleScenarios(r: Rng): ScenarioSchedule {
  const launches = new DayMap<number>();
  const stages = new DayMap<[number, number]>();
  const order = shuffled(r, SCENARIOS.map((_, i) => i));
  const promoted = new Set(order.slice(0, PROMOTED));
  const retiredInDepth = new Set(order.slice(0, RETIRED_IN_DEPTH));
  const retiredPilot = new Set(order.slice(PROMOTED, PROMOTED + RETIRED_PILOTS));
  SCENARIOS.forEach((_, i) => {
    const day = 30 + i * 48 + int(r, 0, 30);
    launches.add(day, i);
    if (promoted.has(i)) {
      const up = day + int(r, 90, 330);
      stages.add(up, [i, STAGE.inDepth]);
      if (retiredInDepth.has(i)) stages.add(up + int(r, 300, 600), [i, STAGE.retired]);
    } else if (retiredPilot.has(i)) {
      stages.add(day + int(r, 300, 500), [i, STAGE.retired]);
    }
  });
  return { launches, stages };
}

/**
 * The owner's launches and stage moves, day by day. `r` (the days stream) draws each launch's
 * lead among the active members of its sector (any active member if none), bigger firms first.
 */
export function scenarioPlanner(schedule: ScenarioSchedule, r: Rng, { owner, members, call }: PlanContext) {
  const ids = new Map<number, number>(); // SCENARIOS index -> on-chain id
  const stageOf = new Map<number, number>();
  let inDepthAtPhase1End: number | undefined;
  const inDepth = () => [...stageOf.values()].filter((s) => s === STAGE.inDepth).length;
  return {
    launched: () => ids.size,
    /** Scenarios in depth when phase 1 ended, or now if the history ends before. */
    inDepthAtPhase1End: () => inDepthAtPhase1End ?? inDepth(),
    /** The day's launches, then its stage moves of launched scenarios. */
    day(day: number, active: readonly number[]): PlannedTx[] {
      if (day === PHASE1_END_DAY) inDepthAtPhase1End = inDepth();
      const txs: PlannedTx[] = [];
      for (const s of schedule.launches.on(day)) {
        const spec = SCENARIOS[s]!;
        const sameSector = active.filter((m) => ENTERPRISES[m]!.sector === spec.sector);
        const pool = sameSector.length > 0 ? sameSector : active;
        const lead = pool[weightedIndex(r, sizesOf(pool))]!;
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'launchScenario',
          args: [spec.name, spec.sector, members[lead]!],
        });
        txs.push(call(owner, 300_000n, data));
        ids.set(s, ids.size + 1);
        stageOf.set(s, STAGE.pilot);
      }
      for (const [s, stage] of schedule.stages.on(day)) {
        const id = ids.get(s);
        if (id === undefined) continue;
        const data = encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'setScenarioStage', args: [BigInt(id), stage] });
        txs.push(call(owner, 100_000n, data));
        stageOf.set(s, stage);
      }
      return txs;
    },
  };
}
