// Phase 2 of the simulated history: the secretariat sets the next five-year plan's targets on
// chain before phase 1 ends, and launches (and later promotes) a few new scenarios during it.
// Patents and output reports carry on through plan.ts's own streams. The targets are
// invented for the demo network, simulated like every devnet figure. Pure, with its own PRNG
// stream, so nothing in plan.ts's streams shifts.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi, kpiKey } from '../contracts/registry';
import type { KpiKey } from '../config/constants';
import { ENTERPRISES, type ScenarioSpec } from './catalogue';
import { int, stream, weightedIndex } from './rng';

type Hex = `0x${string}`;
const DAY = 86_400;

/** Phase 2: 2025-04-14 to 2030-04-14, Chongqing time, with simulated targets. */
export const PHASE2 = {
  periodStart: Date.parse('2025-04-14T00:00:00+08:00') / 1000,
  periodEnd: Date.parse('2030-04-14T00:00:00+08:00') / 1000,
  /** The secretariat announces the targets a little before phase 1 ends (a Friday). */
  announcedOn: Date.parse('2025-03-28T00:00:00Z') / 1000,
  targets: { patents: 800n, scenarios: 30n, outputValue: 12_000_000_000n, members: 120n } satisfies Record<KpiKey, bigint>,
} as const;

const PHASE2_SCENARIOS: readonly ScenarioSpec[] = [
  { name: 'Low-altitude flight records / 低空飞行记录存证', sector: 'logistics' },
  { name: 'Cross-border data flow compliance / 跨境数据流动合规', sector: 'technology' },
  { name: 'Connected-vehicle data notarisation / 智能网联汽车数据存证', sector: 'manufacturing' },
  { name: 'Elderly-care subsidy payments / 养老服务补贴发放', sector: 'government' },
  { name: 'Hydrogen supply-chain traceability / 氢能供应链溯源', sector: 'energy' },
  { name: 'Digital RMB merchant settlement / 数字人民币商户结算', sector: 'finance' },
];

export interface Phase2Day {
  /** Days since the history's first day (UTC midnight). */
  day: number;
  /** Members active on that day, as indices into ENTERPRISES. */
  activeMembers: number[];
}

/** What the owner sends on a day of phase 2; plan.ts adds it to the day's transactions. */
export type Phase2Call = { gas: bigint; data: Hex };

/** Move a day off the weekend, so that it always falls on a day that has blocks anyway. */
function workday(firstDay: number, day: number): number {
  const weekday = new Date((firstDay + day * DAY) * 1000).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

/**
 * The phase-2 schedule for a history starting at `firstDay` (unix seconds, UTC midnight),
 * members' addresses by ENTERPRISES index, and the count of scenarios launched before phase 2
 * (its launches get the ids after them). Returns a function of the day that gives the owner's
 * calls for it.
 */
export function phase2Schedule(
  seed: number,
  firstDay: number,
  memberAddr: readonly Hex[],
  scenariosBefore: number,
): (d: Phase2Day) => Phase2Call[] {
  const r = stream(seed, 'phase2');
  const dayOf = (ts: number) => Math.floor((ts - firstDay) / DAY);
  const announce = dayOf(PHASE2.announcedOn);
  const start = dayOf(PHASE2.periodStart) + 1;
  const launches = new Map<number, number>(); // day -> phase-2 scenario index
  const promotions = new Map<number, number>();
  PHASE2_SCENARIOS.forEach((_, i) => {
    const day = workday(firstDay, start + 30 + i * 110 + int(r, 0, 40));
    launches.set(day, i);
    // Two of three move to in-depth after a pilot of three to ten months.
    if (i % 3 !== 2) promotions.set(workday(firstDay, day + int(r, 90, 300)), i);
  });
  const leads = PHASE2_SCENARIOS.map(() => r());
  const launched = new Set<number>();

  return ({ day, activeMembers }) => {
    const calls: Phase2Call[] = [];
    if (day === announce) {
      for (const k of Object.keys(PHASE2.targets) as KpiKey[]) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'setTarget',
          args: [kpiKey(k), PHASE2.targets[k], BigInt(PHASE2.periodStart), BigInt(PHASE2.periodEnd)],
        });
        calls.push({ gas: 100_000n, data });
      }
    }
    const launch = launches.get(day);
    if (launch !== undefined && activeMembers.length > 0) {
      const spec = PHASE2_SCENARIOS[launch]!;
      const sameSector = activeMembers.filter((m) => ENTERPRISES[m]!.sector === spec.sector);
      const pool = sameSector.length > 0 ? sameSector : activeMembers;
      const draw = leads[launch]!;
      const lead = pool[weightedIndex(() => draw, pool.map((m) => ENTERPRISES[m]!.size))]!;
      calls.push({ gas: 300_000n, data: encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'launchScenario', args: [spec.name, spec.sector, memberAddr[lead]!] }) });
      launched.add(launch);
    }
    const promote = promotions.get(day);
    if (promote !== undefined && launched.has(promote)) {
      const id = BigInt(scenariosBefore + promote + 1);
      calls.push({ gas: 100_000n, data: encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'setScenarioStage', args: [id, 1] }) });
    }
    return calls;
  };
}
