// The devnet's history planners, each on its own, and the plan they make together: pure, no
// node. Each planner gets a real seeded stream and the seed's real accounts.
import { decodeFunctionData, isAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { allianceRegistryAbi as abi, kpiFromKey } from '../contracts/registry';
import { deriveAccounts } from '../devnet/accounts';
import { ENTERPRISES, NAMED_MEMBER_COUNT, patentNumber, SCENARIOS } from '../devnet/catalogue';
import { encodeTx, PHASE1, planHistory, type PlannedTx } from '../devnet/plan';
import { dayBlockTimes, fillBlocks } from '../devnet/plan/blocks';
import { DAY, FIRST_DAY, LAUNCH_TIMESTAMP, PHASE1_END_DAY, planDay } from '../devnet/plan/calendar';
import { DayMap } from '../devnet/plan/day-map';
import { membershipPlanner, scheduleMembership } from '../devnet/plan/membership';
import { outputPlanner } from '../devnet/plan/output';
import { patentPlanner } from '../devnet/plan/patents';
import { revertPlanner } from '../devnet/plan/reverts';
import { scenarioPlanner, scheduleScenarios, STAGE } from '../devnet/plan/scenarios';
import { phase1Targets } from '../devnet/plan/targets';
import { TINY_CONTRACTS, trafficPlanner } from '../devnet/plan/traffic';
import { planContext } from '../devnet/plan/tx';
import type { Hex } from '../devnet/plan/types';
import { stream } from '../devnet/rng';

const REGISTRY: Hex = '0x00000000000000000000000000000000000beef1';
const accounts = deriveAccounts(1);
const ctx = planContext(accounts, REGISTRY);
/** The call a planned tx makes, addresses in the plan's lower case. */
const decode = (tx: PlannedTx): { functionName: string; args: readonly unknown[] } => {
  const { functionName, args } = decodeFunctionData({ abi, data: tx.data! });
  return { functionName, args: (args ?? []).map((a) => (typeof a === 'string' && isAddress(a) ? a.toLowerCase() : a)) };
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
/** A schedule built by hand: [day, item] pairs. */
const dayMap = <T>(entries: [number, T][]) => {
  const m = new DayMap<T>();
  for (const [day, item] of entries) m.add(day, item);
  return m;
};
/** Days whose midnight falls in Chongqing's 2020 Q3 start: 2020-07-01 is day 78. */
const Q3_2020 = 78;

describe('plan calendar and transactions', () => {
  it('counts days from launch day, a Tuesday, with weekends off', () => {
    expect(planDay(0)).toEqual({ index: 0, start: FIRST_DAY, workday: true });
    expect(new Date(planDay(0).start * 1000).toISOString()).toBe('2020-04-14T00:00:00.000Z');
    expect([4, 5, 6].map((i) => planDay(i).workday)).toEqual([false, false, true]);
    expect(planDay(Q3_2020).start).toBe(Date.parse('2020-07-01T00:00:00Z') / 1000);
    // Phase 1 ends at midnight in Chongqing, 16:00 UTC on the plan day before.
    const end = planDay(PHASE1_END_DAY);
    expect(PHASE1.periodEnd).toBeGreaterThan(end.start);
    expect(PHASE1.periodEnd).toBeLessThan(end.start + DAY);
  });

  it('sends every field fixed: type 2 with a fee cap, or type 0 with a gas price', () => {
    const call = ctx.call(ctx.owner, 100_000n, '0x1234');
    expect(call).toEqual({ from: ctx.owner, to: REGISTRY, data: '0x1234', gas: 100_000n, legacy: false, tip: 100_000_000n, expectRevert: false });
    expect(encodeTx(call)).toEqual({ from: ctx.owner, to: REGISTRY, data: '0x1234', gas: '0x186a0', maxFeePerGas: '0x7d2b7500', maxPriorityFeePerGas: '0x5f5e100' });
    expect(encodeTx({ from: ctx.owner, value: 5n, gas: 21_000n, legacy: true, tip: 1n })).toEqual({ from: ctx.owner, value: '0x5', gas: '0x5208', gasPrice: '0x3b9aca01' });
    expect(ctx.call(ctx.users[0]!, 1n, '0x', true).expectRevert).toBe(true);
  });

  it('keeps a day schedule in the order it was made, and forgets a day once taken', () => {
    const m = dayMap([[3, 'a'], [1, 'b'], [3, 'c']]);
    expect(m.on(3)).toEqual(['a', 'c']);
    expect(m.on(2)).toEqual([]);
    expect(m.take(3)).toEqual(['a', 'c']);
    expect(m.on(3)).toEqual([]);
    expect(m.on(1)).toEqual(['b']);
  });

  it("sets phase 1's four targets from the owner", () => {
    const txs = phase1Targets(ctx);
    expect(txs.map((t) => t.from)).toEqual(Array(4).fill(ctx.owner));
    const set = Object.fromEntries(txs.map((t) => decode(t).args as readonly [Hex, bigint, bigint, bigint]).map(([k, target, from, to]) => [kpiFromKey(k), [target, from, to]]));
    const period = [BigInt(PHASE1.periodStart), BigInt(PHASE1.periodEnd)];
    expect(set).toEqual({ patents: [1000n, ...period], scenarios: [20n, ...period], outputValue: [5_000_000_000n, ...period], members: [100n, ...period] });
  });
});

describe('membership planner', () => {
  it('schedules the named members and 53 founders on launch day, everyone once, four leavers and one return', () => {
    const { admissions, removals } = scheduleMembership(stream(1, 'schedule'));
    const launch = admissions.on(0);
    expect(launch.slice(0, NAMED_MEMBER_COUNT)).toEqual(range(0, NAMED_MEMBER_COUNT));
    expect(launch).toHaveLength(NAMED_MEMBER_COUNT + 53);
    const byMember = new Map<number, number[]>();
    const leaving = new Map<number, number>();
    for (let day = 0; day <= 2200; day++) {
      for (const m of admissions.on(day)) byMember.set(m, [...(byMember.get(m) ?? []), day]);
      for (const m of removals.on(day)) leaving.set(m, day);
    }
    expect([...byMember.keys()].sort((a, b) => a - b)).toEqual(range(0, ENTERPRISES.length));
    expect([...leaving.values()].every((day) => day >= 500 && day <= 1700)).toBe(true);
    expect(leaving.size).toBe(4);
    const twice = [...byMember].filter(([, days]) => days.length === 2);
    expect(twice).toHaveLength(1);
    const [member, [joined, rejoined]] = twice[0]! as [number, [number, number]];
    expect(joined).toBeLessThan(leaving.get(member)!);
    expect(rejoined - leaving.get(member)!).toBeGreaterThanOrEqual(300);
  });

  it('admits from the owner, counts a member as active from the next day, and removes only members', () => {
    const schedule = { admissions: dayMap([[2, 0], [2, 9], [5, 9]]), removals: dayMap([[3, 4], [4, 9]]) };
    const planner = membershipPlanner(schedule, ctx);
    expect(planner.day(1)).toEqual([]);
    const admitted = planner.day(2);
    expect(admitted.map((t) => [t.from, t.gas])).toEqual([[ctx.owner, 400_000n], [ctx.owner, 400_000n]]);
    const e = ENTERPRISES[9]!;
    expect(decode(admitted[1]!)).toEqual({ functionName: 'admitMember', args: [ctx.members[9], e.name, e.country, e.sector] });
    expect(planner.active(2)).toEqual([]);
    expect(planner.current()).toEqual([0, 9]);
    expect(planner.day(3)).toEqual([]); // member 4 was never admitted
    expect(planner.active(3)).toEqual([0, 9]);
    const removed = planner.day(4);
    expect(removed.map(decode)).toEqual([{ functionName: 'removeMember', args: [ctx.members[9]] }]);
    expect(planner.active(4)).toEqual([0]);
    planner.day(5);
    expect(planner.active(5)).toEqual([0]);
    expect(planner.active(6)).toEqual([0, 9]);
    expect(planner.counts).toEqual({ admissions: 3, removals: 1 });
  });
});

describe('scenario planner', () => {
  it('launches every scenario once, promotes 25 and retires five', () => {
    const { launches, stages } = scheduleScenarios(stream(1, 'schedule'));
    const launched: number[] = [];
    const moves: [number, number][] = [];
    for (let day = 0; day <= 3000; day++) {
      for (const s of launches.on(day)) {
        expect(day - 30 - s * 48).toBeGreaterThanOrEqual(0);
        expect(day - 30 - s * 48).toBeLessThanOrEqual(30);
        launched.push(s);
      }
      moves.push(...stages.on(day));
    }
    expect(launched).toEqual(range(0, SCENARIOS.length));
    expect(moves.filter(([, stage]) => stage === STAGE.inDepth)).toHaveLength(25);
    const retired = moves.filter(([, stage]) => stage === STAGE.retired).map(([s]) => s);
    expect(retired).toHaveLength(5);
    expect(new Set(retired).size).toBe(5);
  });

  it('numbers launches in order, led by an active member of the sector, and moves launched scenarios only', () => {
    const sector = SCENARIOS[1]!.sector;
    const inSector = range(0, ENTERPRISES.length).filter((m) => ENTERPRISES[m]!.sector === sector).slice(0, 3);
    const elsewhere = range(0, ENTERPRISES.length).filter((m) => ENTERPRISES[m]!.sector !== sector).slice(0, 3);
    const schedule = {
      launches: dayMap([[1, 1], [1, 0], [9, 2]]),
      stages: dayMap<[number, number]>([[2, [3, STAGE.inDepth]], [2, [1, STAGE.inDepth]], [PHASE1_END_DAY, [0, STAGE.inDepth]]]),
    };
    const planner = scenarioPlanner(schedule, stream(1, 'days'), ctx);
    const day1 = planner.day(1, [...elsewhere, ...inSector]);
    expect(day1.every((t) => t.from === ctx.owner)).toBe(true);
    const first = decode(day1[0]!);
    expect(first.functionName).toBe('launchScenario');
    expect(first.args.slice(0, 2)).toEqual([SCENARIOS[1]!.name, sector]);
    expect(inSector.map((m) => ctx.members[m])).toContain(first.args[2]);
    const day2 = planner.day(2, inSector);
    expect(day2.map(decode)).toEqual([{ functionName: 'setScenarioStage', args: [1n, STAGE.inDepth] }]); // scenario 3 not launched
    expect(planner.launched()).toBe(2);
    // Counted before phase 1's last day moves anything.
    planner.day(PHASE1_END_DAY, inSector);
    expect(planner.inDepthAtPhase1End()).toBe(1);
    expect(scenarioPlanner(schedule, stream(1, 'days'), ctx).inDepthAtPhase1End()).toBe(0);
  });
});

describe('patent planner', () => {
  it('files nothing, and draws nothing, on a weekend or without members', () => {
    const r = stream(7, 'patents');
    const planner = patentPlanner(r, ctx);
    expect(planner.day(planDay(4), [0, 1])).toEqual([]);
    expect(planner.day(planDay(6), [])).toEqual([]);
    expect(r()).toBe(stream(7, 'patents')());
  });

  it('files from active members, unique numbers dated up to six weeks back and never before phase 1', () => {
    const planner = patentPlanner(stream(1, 'patents'), ctx);
    const active = [0, 1, 2, 30];
    const txs = range(0, 400).flatMap((i) => planner.day(planDay(i), active).map((tx) => ({ tx, d: planDay(i) })));
    expect(txs.length).toBeGreaterThan(100);
    expect(planner.counts.patents).toBe(txs.length);
    expect(planner.numbers).toHaveLength(txs.length);
    expect(new Set(planner.numbers).size).toBe(txs.length);
    for (const { tx, d } of txs) {
      expect(d.workday).toBe(true);
      expect(active.map((m) => ctx.members[m])).toContain(tx.from);
      const { functionName, args } = decode(tx) as { functionName: string; args: readonly [Hex, string, bigint] };
      expect(functionName).toBe('filePatent');
      const filedAt = Number(args[2]);
      expect(filedAt).toBeGreaterThanOrEqual(Math.max(PHASE1.periodStart, d.start - 42 * DAY));
      expect(filedAt).toBeLessThan(d.start + 30_001);
    }
    expect(planner.counts.inPhase1).toBe(txs.length);
  });
});

describe('output planner', () => {
  const reportsOf = (txs: PlannedTx[]) =>
    txs.map((t) => {
      const { functionName, args } = decode(t);
      expect(functionName).toBe('reportOutput');
      return { from: t.from, period: args[0] as number, amount: args[1] as bigint };
    });

  it('schedules reports of a closed quarter for active members, sends them weeks later, and counts corrections', () => {
    const planner = outputPlanner(stream(3, 'output'), ctx);
    const active = range(0, 40);
    const byDay = range(0, 200).map((i) => reportsOf(planner.day(planDay(i), active)));
    expect(byDay.slice(0, Q3_2020 + 3).flat()).toEqual([]);
    const q2 = byDay.slice(Q3_2020 + 3, Q3_2020 + 71).flat();
    expect(q2.length).toBeGreaterThan(30);
    expect(q2.every((r) => r.period === 20202 && r.amount > 0n && r.amount % 1000n === 0n)).toBe(true);
    const latest = new Map<string, bigint>();
    let corrections = 0;
    for (const r of byDay.flat()) {
      expect(active.map((m) => ctx.members[m])).toContain(r.from);
      const key = `${r.from}/${r.period}`;
      if (latest.has(key)) corrections++;
      latest.set(key, r.amount);
    }
    expect(planner.counts).toEqual({ reports: byDay.flat().length, corrections });
    expect(planner.inPhase1()).toBe([...latest.values()].reduce((a, b) => a + b, 0n));
    // 2020 Q2's latest figures add up to about the alliance's 107.6 million of that quarter.
    const q2Total = [...latest].filter(([key]) => key.endsWith('/20202')).reduce((a, [, v]) => a + v, 0n);
    expect(q2Total).toBeGreaterThan(80_000_000n);
    expect(q2Total).toBeLessThan(140_000_000n);
  });

  it('drops the reports of members who have left by the day they are due', () => {
    const planner = outputPlanner(stream(3, 'output'), ctx);
    range(0, Q3_2020 + 1).forEach((i) => planner.day(planDay(i), [0, 1, 2]));
    const later = range(Q3_2020 + 1, Q3_2020 + 80).flatMap((i) => planner.day(planDay(i), [1]));
    expect(new Set(later.map((t) => t.from))).toEqual(new Set([ctx.members[1]]));
    expect(planner.counts.reports).toBe(later.length);
  });
});

describe('revert planner', () => {
  it('plans nothing on launch day or without members', () => {
    const planner = revertPlanner(() => 0, ctx);
    expect(planner.day(planDay(0), [0], [])).toEqual([]);
    expect(planner.day(planDay(1), [], [])).toEqual([]);
    expect(planner.counts.reverts).toBe(0);
  });

  it('sends one of four mistakes on some days, each meant to fail', () => {
    const planner = revertPlanner(stream(1, 'days'), ctx);
    const patent = patentNumber(2021, 123456).bytes32;
    const txs = range(1, 1500).flatMap((i) => planner.day(planDay(i), [0, 1, 2], [patent]));
    expect(txs.length).toBeGreaterThan(40);
    expect(txs.length).toBeLessThan(150);
    expect(planner.counts.reverts).toBe(txs.length);
    expect(txs.every((t) => t.expectRevert && t.to === REGISTRY)).toBe(true);
    const member = new Set([0, 1, 2].map((m) => ctx.members[m]));
    const kinds = new Set(
      txs.map((t) => {
        const { functionName, args } = decode(t);
        if (functionName === 'filePatent' && args[0] === patent) return member.has(t.from) && 'duplicate patent';
        if (functionName === 'filePatent') return ctx.users.includes(t.from) && 'not a member';
        if (functionName === 'admitMember') return ctx.users.includes(t.from) && 'not the owner';
        return member.has(t.from) && (args[0] as number) % 10 === 5 && 'bad period';
      }),
    );
    expect(kinds).toEqual(new Set(['duplicate patent', 'not a member', 'not the owner', 'bad period']));
  });

  it('never duplicates a patent before one is registered', () => {
    const planner = revertPlanner(stream(1, 'days'), ctx);
    const txs = range(1, 800).flatMap((i) => planner.day(planDay(i), [0], []));
    expect(txs.filter((t) => decode(t).functionName === 'filePatent').every((t) => ctx.users.includes(t.from))).toBe(true);
  });
});

describe('traffic planner', () => {
  it('adds up to two transfers a block, never to oneself, of both types, and rarely a tiny contract', () => {
    const planner = trafficPlanner(stream(1, 'transfers'), ctx);
    const txs = range(0, 2000).flatMap(() => {
      const block = planner.block();
      expect(block.filter((t) => t.to).length).toBeLessThanOrEqual(2);
      return block;
    });
    const transfers = txs.filter((t) => t.to);
    const deployments = txs.filter((t) => !t.to);
    expect(planner.counts).toEqual({ transfers: transfers.length, deployments: deployments.length });
    expect(transfers.length).toBeGreaterThan(1500);
    expect(transfers.every((t) => t.from !== t.to && t.gas === 21_000n && t.value! > 0n)).toBe(true);
    expect(new Set(transfers.map((t) => t.legacy))).toEqual(new Set([true, false]));
    expect(deployments.length).toBeGreaterThan(0);
    expect(deployments.every((t) => TINY_CONTRACTS.includes(t.data!) && ctx.users.includes(t.from))).toBe(true);
  });
});

describe('day blocks', () => {
  const tx = (n: number): PlannedTx => ({ from: ctx.owner, gas: BigInt(n), legacy: false, tip: 0n });

  it('has a block on a working day, one more per thirty calls, in office hours and in order', () => {
    const d = planDay(1);
    const one = dayBlockTimes(stream(1, 'days'), d, 0, 0, Infinity);
    expect(one).toHaveLength(1);
    const three = dayBlockTimes(stream(1, 'days'), d, 61, 0, Infinity);
    expect(three).toHaveLength(3);
    expect(three).toEqual([...three].sort((a, b) => a - b));
    for (const t of [...one, ...three]) {
      expect(t).toBeGreaterThanOrEqual(d.start + 1800);
      expect(t).toBeLessThanOrEqual(d.start + 37_800);
    }
    expect(dayBlockTimes(stream(1, 'days'), planDay(0), 3, 0, Infinity)[0]).toBeGreaterThanOrEqual(LAUNCH_TIMESTAMP + 600);
  });

  it('keeps only times after the last block and before the end', () => {
    const d = planDay(1);
    const all = dayBlockTimes(stream(2, 'days'), d, 90, 0, Infinity);
    expect(all).toHaveLength(3);
    expect(dayBlockTimes(stream(2, 'days'), d, 90, all[0]!, all[2]!)).toEqual([all[1]]);
  });

  it('spreads calls evenly in order, each block followed by its traffic, and drops empty blocks', () => {
    let n = 100;
    // Traffic in every other block: 100, none, 102, none.
    const traffic = () => (n++ % 2 === 0 ? [tx(n - 1)] : []);
    const blocks = fillBlocks([tx(1), tx(2), tx(3)], [10, 20, 30, 40], traffic);
    expect(blocks.map((b) => [b.timestamp, b.txs.map((t) => Number(t.gas))])).toEqual([[10, [1, 100]], [20, [2]], [30, [3, 102]]]);
    const even = fillBlocks([tx(1), tx(2), tx(3)], [10, 20], () => []);
    expect(even.map((b) => b.txs.map((t) => Number(t.gas)))).toEqual([[1, 2], [3]]);
    expect(fillBlocks([], [10, 20], () => [])).toEqual([]);
    expect(fillBlocks([tx(1)], [], traffic)).toEqual([]);
  });
});

describe('history plan', () => {
  it('is a function of the seed', () => {
    const a = planHistory({ seed: 1, accounts, historyEnd: new Date('2021-01-01T00:00:00Z') });
    const b = planHistory({ seed: 1, accounts, historyEnd: new Date('2021-01-01T00:00:00Z') });
    const other = planHistory({ seed: 2, accounts: deriveAccounts(2), historyEnd: new Date('2021-01-01T00:00:00Z') });
    expect(b).toEqual(a);
    expect(other.blocks.map((x) => x.timestamp)).not.toEqual(a.blocks.map((x) => x.timestamp));
    expect(a.counts.admissions).toBeGreaterThanOrEqual(100);
  });

  it('never plans a block at or after historyEnd', () => {
    const end = new Date('2020-06-01T00:00:00Z');
    const plan = planHistory({ seed: 1, accounts, historyEnd: end });
    expect(plan.blocks.length).toBeGreaterThan(10);
    expect(plan.blocks.at(-1)!.timestamp).toBeLessThan(end.getTime() / 1000);
  });

  it("counts what its blocks hold, and sends each day's owner calls before members' records and the mistake", () => {
    const plan = planHistory({ seed: 5, accounts: deriveAccounts(5), historyEnd: new Date('2022-07-01T00:00:00Z') });
    const txs = plan.blocks.flatMap((b) => b.txs);
    const calls = txs.filter((t) => t.to === plan.registry);
    const named = (fn: string) => calls.filter((t) => !t.expectRevert && decode(t).functionName === fn).length;
    expect(plan.counts).toMatchObject({
      blocks: plan.blocks.length,
      txs: txs.length,
      admissions: named('admitMember'),
      removals: named('removeMember'),
      patents: named('filePatent'),
      scenarios: named('launchScenario'),
      outputReports: named('reportOutput'),
      transfers: txs.filter((t) => t.to && t.to !== plan.registry).length,
      deployments: txs.filter((t) => !t.to).length,
      reverts: calls.filter((t) => t.expectRevert).length,
    });
    expect(plan.blocks.every((b, i) => i === 0 || b.timestamp > plan.blocks[i - 1]!.timestamp)).toBe(true);
    const rank = (t: PlannedTx) => (t.expectRevert ? 2 : t.from === plan.owner ? 0 : 1);
    const ranksByDay = new Map<number, number[]>();
    for (const b of plan.blocks) {
      const day = Math.floor((b.timestamp - FIRST_DAY) / DAY);
      ranksByDay.set(day, [...(ranksByDay.get(day) ?? []), ...b.txs.filter((t) => t.to === plan.registry).map(rank)]);
    }
    for (const ranks of ranksByDay.values()) expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect([...ranksByDay.values()].some((ranks) => new Set(ranks).size === 3)).toBe(true);
  });

  it('writes CNIPA-style application numbers with a valid check character', () => {
    // 2 0 2 1 1 0 1 2 3 4 5 6 weighted 2..9,2..5 sums to 117; 117 mod 11 = 7.
    expect(patentNumber(2021, 123456).text).toBe('CN2021101234567');
    expect(patentNumber(2021, 123456).bytes32).toBe(`0x${Buffer.from('CN2021101234567').toString('hex').padEnd(64, '0')}`);
    expect(patentNumber(2023, 7654321).text).toMatch(/^CN202317654321[\dX]$/);
  });
});
