// The history as data: a pure function of (seed, historyEnd) that says which transactions
// go into which block at which timestamp. No I/O here, so it is unit-testable and the
// executor (simulate.ts) stays a dumb loop.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi, kpiKey } from '../contracts/registry';
import type { DevnetAccounts } from './accounts';
import { ENTERPRISES, NAMED_MEMBER_COUNT, patentNumber, patentTitle, SCENARIOS } from './catalogue';
import { registryAddress } from './deploy';
import { phase2Schedule } from './phase2';
import { quarterInPeriod, quarterOf, quarterRange } from '../rules/quarter';
import { chance, int, pick, poisson, shuffled, stream, weightedIndex } from './rng';

type Hex = `0x${string}`;

const DAY = 86_400;
const GWEI = 1_000_000_000n;

/** Genesis: launch morning, 09:00 in Chongqing. */
export const GENESIS_DATE = new Date('2020-04-14T01:00:00Z');
/** Block 1, the registry deployment: 10:00 in Chongqing, 02:00 UTC, the same date in both. */
export const LAUNCH_TIMESTAMP = Date.parse('2020-04-14T02:00:00Z') / 1000;
const FIRST_DAY = Date.parse('2020-04-14T00:00:00Z') / 1000;

/** Phase 1 as announced: 2020-04-14 to 2025-04-14, Chongqing time. */
export const PHASE1 = {
  periodStart: Date.parse('2020-04-14T00:00:00+08:00') / 1000,
  periodEnd: Date.parse('2025-04-14T00:00:00+08:00') / 1000,
  targets: { patents: 1000n, scenarios: 20n, outputValue: 5_000_000_000n, members: 100n },
} as const;

export interface PlannedTx {
  from: Hex;
  /** Absent: contract creation. */
  to?: Hex;
  data?: Hex;
  value?: bigint;
  gas: bigint;
  /** Type 0 with a gas price, else type 2. */
  legacy: boolean;
  /** Priority fee (type 2), or the premium over 1 gwei (type 0). */
  tip: bigint;
  /** Sent on purpose to revert, so the explorer has failures to show. */
  expectRevert?: boolean;
}

export interface PlannedBlock {
  timestamp: number;
  txs: PlannedTx[];
  /** The sealing node (anvil_setCoinbase), when sealers.ts has scheduled one. */
  coinbase?: Hex;
}

export interface HistoryPlan {
  owner: Hex;
  registry: Hex;
  /** Blocks after block 1 (the registry deployment, at LAUNCH_TIMESTAMP). */
  blocks: PlannedBlock[];
  /** Members admitted and not removed when the history ends. */
  finalMembers: Hex[];
  counts: {
    blocks: number;
    txs: number;
    admissions: number;
    removals: number;
    patents: number;
    patentsInPhase1: number;
    scenarios: number;
    inDepthAtPhase1End: number;
    outputReports: number;
    corrections: number;
    outputInPhase1: bigint;
    transfers: number;
    deployments: number;
    reverts: number;
  };
}

/** JSON-RPC eth_sendTransaction params for a planned tx. Every field fixed: no estimation, no defaults. */
export function encodeTx(tx: PlannedTx): Record<string, string> {
  const hex = (n: bigint) => `0x${n.toString(16)}`;
  const out: Record<string, string> = { from: tx.from, gas: hex(tx.gas) };
  if (tx.to) out.to = tx.to;
  if (tx.data) out.data = tx.data;
  if (tx.value) out.value = hex(tx.value);
  // Fees stay far above the base fee, which only falls on this lightly used chain.
  if (tx.legacy) out.gasPrice = hex(GWEI + tx.tip);
  else {
    out.maxFeePerGas = hex(2n * GWEI + tx.tip);
    out.maxPriorityFeePerGas = hex(tx.tip);
  }
  return out;
}

// Tiny init code deploying a contract whose code is PUSH1 1 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
// (answers every call with 1): enough for the explorer to show contract creations.
const TINY_CONTRACTS: Hex[] = [
  '0x69600160005260206000f3600052600a6016f3',
  '0x6960ff60005260206000f3600052600a6016f3',
];

/** Patents registered per year (weekdays only); the phase-1 push peaks in 2024. */
const PATENTS_PER_YEAR: Record<number, number> = { 2020: 80, 2021: 170, 2022: 210, 2023: 235, 2024: 250, 2025: 190 };
const PATENTS_PER_YEAR_LATER = 150;

/** Alliance output in 2020 Q2 (CNY), growing 8% a quarter: phase 1 sums to about 4.9 billion. */
const OUTPUT_FIRST_QUARTER = 107_600_000;
const OUTPUT_GROWTH = 1.08;

export interface PlanOptions {
  seed: number;
  accounts: DevnetAccounts;
  /** Exclusive end of the history. */
  historyEnd: Date;
}

type DayTx = { rank: number; tx: PlannedTx };

export function planHistory({ seed, accounts, historyEnd }: PlanOptions): HistoryPlan {
  const end = Math.floor(historyEnd.getTime() / 1000);
  const owner = accounts.owner.address;
  const registry = registryAddress(owner);
  const memberAddr = accounts.members.map((m) => m.address);
  const users = accounts.users.map((u) => u.address);
  const n = ENTERPRISES.length;
  const phase1EndDay = Math.floor((PHASE1.periodEnd - FIRST_DAY) / DAY);

  const call = (from: Hex, gas: bigint, data: Hex, expectRevert = false): PlannedTx => ({
    from,
    to: registry,
    data,
    gas,
    legacy: false,
    tip: GWEI / 10n,
    expectRevert,
  });

  // ---- fixed-date schedule: admissions, removals, scenarios -------------------------------
  const rSched = stream(seed, 'schedule');
  const admitDays = new Map<number, number[]>(); // day -> member indices
  const removeDays = new Map<number, number[]>();
  const addTo = (m: Map<number, number[]>, day: number, v: number) => m.set(day, [...(m.get(day) ?? []), v]);
  const others = shuffled(
    rSched,
    Array.from({ length: n - NAMED_MEMBER_COUNT }, (_, i) => i + NAMED_MEMBER_COUNT),
  );
  for (let i = 0; i < NAMED_MEMBER_COUNT; i++) addTo(admitDays, 0, i);
  others.forEach((m, i) => {
    // 53 founders on launch day, most of the rest during 2020, a trickle after.
    const day = i < 53 ? 0 : i < 98 ? int(rSched, 7, 260) : int(rSched, 270, 1700);
    addTo(admitDays, day, m);
  });
  // A few leave; one of them comes back, which the contract allows.
  const leavers = others.slice(60, 64);
  const leaveDays = [int(rSched, 500, 560), int(rSched, 780, 840), int(rSched, 1050, 1110), int(rSched, 1650, 1700)];
  leavers.forEach((m, i) => addTo(removeDays, leaveDays[i] as number, m));
  addTo(admitDays, (leaveDays[1] as number) + int(rSched, 300, 400), leavers[1] as number);

  const launchDays = new Map<number, number[]>(); // day -> scenario indices
  const stageDays = new Map<number, [number, number][]>(); // day -> [scenario index, stage]
  const scenarioLaunchDay: number[] = [];
  const promotedOrder = shuffled(rSched, SCENARIOS.map((_, i) => i));
  const promoted = new Set(promotedOrder.slice(0, 25));
  const retiredInDepth = new Set(promotedOrder.slice(0, 2));
  const retiredPilot = new Set(promotedOrder.slice(25, 28));
  SCENARIOS.forEach((_, i) => {
    const day = 30 + i * 48 + int(rSched, 0, 30);
    scenarioLaunchDay.push(day);
    addTo(launchDays, day, i);
    if (promoted.has(i)) {
      const up = day + int(rSched, 90, 330);
      stageDays.set(up, [...(stageDays.get(up) ?? []), [i, 1]]);
      if (retiredInDepth.has(i)) {
        const down = up + int(rSched, 300, 600);
        stageDays.set(down, [...(stageDays.get(down) ?? []), [i, 2]]);
      }
    } else if (retiredPilot.has(i)) {
      const down = day + int(rSched, 300, 500);
      stageDays.set(down, [...(stageDays.get(down) ?? []), [i, 2]]);
    }
  });

  // ---- the day loop --------------------------------------------------------------------------
  const rDay = stream(seed, 'days');
  const rPat = stream(seed, 'patents');
  const rOut = stream(seed, 'output');
  const rTx = stream(seed, 'transfers');
  const admittedDay: (number | undefined)[] = new Array(n).fill(undefined);
  const active = (m: number, day: number) => admittedDay[m] !== undefined && (admittedDay[m] as number) < day;
  const scenarioIds = new Map<number, number>(); // scenario index -> on-chain id
  const scenarioStage = new Map<number, number>();
  const patentNos: Hex[] = [];
  const patentSet = new Set<string>();
  const reports = new Map<number, { member: number; period: number; amount: bigint }[]>();
  const latestReport = new Map<string, bigint>();
  let period = quarterOf(LAUNCH_TIMESTAMP);
  const phase2Day = phase2Schedule(seed, FIRST_DAY, memberAddr, SCENARIOS.length);
  const counts: HistoryPlan['counts'] = {
    blocks: 0,
    txs: 0,
    admissions: 0,
    removals: 0,
    patents: 0,
    patentsInPhase1: 0,
    scenarios: 0,
    inDepthAtPhase1End: 0,
    outputReports: 0,
    corrections: 0,
    outputInPhase1: 0n,
    transfers: 0,
    deployments: 0,
    reverts: 0,
  };
  const blocks: PlannedBlock[] = [];
  let lastTimestamp = LAUNCH_TIMESTAMP;

  for (let day = 0; FIRST_DAY + day * DAY < end; day++) {
    const dayStart = FIRST_DAY + day * DAY;
    const weekday = new Date(dayStart * 1000).getUTCDay();
    const workday = weekday !== 0 && weekday !== 6;
    const txs: DayTx[] = [];

    if (day === 0) {
      for (const k of ['patents', 'scenarios', 'outputValue', 'members'] as const) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'setTarget',
          args: [kpiKey(k), PHASE1.targets[k], BigInt(PHASE1.periodStart), BigInt(PHASE1.periodEnd)],
        });
        txs.push({ rank: 0, tx: call(owner, 100_000n, data) });
      }
    }
    if (day === phase1EndDay) counts.inDepthAtPhase1End = [...scenarioStage.values()].filter((s) => s === 1).length;
    for (const m of admitDays.get(day) ?? []) {
      const e = ENTERPRISES[m]!;
      const data = encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'admitMember',
        args: [memberAddr[m]!, e.name, e.country, e.sector],
      });
      txs.push({ rank: 0, tx: call(owner, 400_000n, data) });
      admittedDay[m] = day;
      counts.admissions++;
    }
    for (const m of removeDays.get(day) ?? []) {
      if (admittedDay[m] === undefined) continue;
      const data = encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'removeMember', args: [memberAddr[m]!] });
      txs.push({ rank: 0, tx: call(owner, 100_000n, data) });
      admittedDay[m] = undefined;
      counts.removals++;
    }
    const activeNow = (): number[] => ENTERPRISES.map((_, i) => i).filter((i) => active(i, day));
    for (const s of launchDays.get(day) ?? []) {
      const spec = SCENARIOS[s]!;
      const candidates = activeNow();
      const sameSector = candidates.filter((i) => ENTERPRISES[i]!.sector === spec.sector);
      const pool = sameSector.length > 0 ? sameSector : candidates;
      const lead = pool[weightedIndex(rDay, pool.map((i) => ENTERPRISES[i]!.size))]!;
      const data = encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'launchScenario',
        args: [spec.name, spec.sector, memberAddr[lead]!],
      });
      txs.push({ rank: 0, tx: call(owner, 300_000n, data) });
      scenarioIds.set(s, scenarioIds.size + 1);
      scenarioStage.set(s, 0);
      counts.scenarios++;
    }
    for (const [s, stage] of stageDays.get(day) ?? []) {
      const id = scenarioIds.get(s);
      if (id === undefined) continue;
      const data = encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'setScenarioStage',
        args: [BigInt(id), stage],
      });
      txs.push({ rank: 0, tx: call(owner, 100_000n, data) });
      scenarioStage.set(s, stage);
    }

    for (const c of phase2Day({ day, activeMembers: activeNow() })) txs.push({ rank: 0, tx: call(owner, c.gas, c.data) });

    const members = activeNow();
    const sizes = members.map((i) => ENTERPRISES[i]!.size);

    // Patents: Poisson per working day at the year's rate; big firms file more.
    if (workday && members.length > 0) {
      const year = new Date(dayStart * 1000).getUTCFullYear();
      const perYear = PATENTS_PER_YEAR[year] ?? PATENTS_PER_YEAR_LATER;
      const count = poisson(rPat, perYear / 250);
      for (let k = 0; k < count; k++) {
        const m = members[weightedIndex(rPat, sizes)]!;
        // Filed with CNIPA up to six weeks before it is registered on chain.
        const filedAt = Math.max(PHASE1.periodStart, dayStart - int(rPat, 0, 42) * DAY + int(rPat, 3600, 30_000));
        const filedYear = new Date(filedAt * 1000).getUTCFullYear();
        let no = patentNumber(filedYear, int(rPat, 0, 8_999_999));
        while (patentSet.has(no.text)) no = patentNumber(filedYear, int(rPat, 0, 8_999_999));
        patentSet.add(no.text);
        patentNos.push(no.bytes32);
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [no.bytes32, patentTitle(rPat), BigInt(filedAt)],
        });
        txs.push({ rank: 1, tx: call(memberAddr[m]!, 250_000n, data) });
        counts.patents++;
        if (filedAt >= PHASE1.periodStart && filedAt < PHASE1.periodEnd) counts.patentsInPhase1++;
      }
    }

    // Quarterly output: when a quarter closes, every active member is scheduled to report it
    // within the next few weeks (most do), and about one in twenty later corrects its figure.
    if (quarterOf(dayStart) !== period) {
      const closed = period;
      period = quarterOf(dayStart);
      const k = Math.round((quarterRange(closed).from - quarterRange(20202).from) / (DAY * 91.3));
      const total = OUTPUT_FIRST_QUARTER * OUTPUT_GROWTH ** k;
      const weightSum = sizes.reduce((a, b) => a + b, 0);
      for (const m of members) {
        if (!chance(rOut, 0.92)) continue;
        const share = (total * ENTERPRISES[m]!.size) / weightSum / 0.92;
        const amount = BigInt(Math.round((share * (0.6 + 0.8 * rOut())) / 1000)) * 1000n;
        const reportDay = day + int(rOut, 3, 40);
        reports.set(reportDay, [...(reports.get(reportDay) ?? []), { member: m, period: closed, amount }]);
        if (chance(rOut, 0.05)) {
          const fixed = BigInt(Math.round((Number(amount) * (0.85 + 0.3 * rOut())) / 1000)) * 1000n;
          const fixDay = reportDay + int(rOut, 3, 30);
          reports.set(fixDay, [...(reports.get(fixDay) ?? []), { member: m, period: closed, amount: fixed }]);
        }
      }
    }
    for (const r of reports.get(day) ?? []) {
      if (!active(r.member, day)) continue;
      const data = encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'reportOutput',
        args: [r.period, r.amount],
      });
      txs.push({ rank: 1, tx: call(memberAddr[r.member]!, 120_000n, data) });
      const key = `${r.member}/${r.period}`;
      if (latestReport.has(key)) counts.corrections++;
      latestReport.set(key, r.amount);
      counts.outputReports++;
    }
    reports.delete(day);

    // Now and then somebody gets it wrong; the chain keeps the failed transaction.
    if (day > 0 && chance(rDay, 0.06) && members.length > 0) {
      const kind = int(rDay, 0, 3);
      const member = memberAddr[pick(rDay, members)]!;
      const user = pick(rDay, users);
      let tx: PlannedTx;
      if (kind === 0 || patentNos.length === 0) {
        const no = patentNumber(2020 + int(rDay, 0, 5), 9_500_000 + day);
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [no.bytes32, patentTitle(rDay), BigInt(dayStart)],
        });
        tx = call(user, 250_000n, data, true); // NotMember
      } else if (kind === 1) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [pick(rDay, patentNos), patentTitle(rDay), BigInt(dayStart)],
        });
        tx = call(member, 250_000n, data, true); // DuplicatePatent
      } else if (kind === 2) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'admitMember',
          args: [user, 'Unknown Trading Co. / 未知贸易公司', 'CN', 'finance'],
        });
        tx = call(user, 400_000n, data, true); // NotOwner
      } else {
        const year = new Date(dayStart * 1000).getUTCFullYear();
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'reportOutput',
          args: [year * 10 + 5, BigInt(int(rDay, 1, 900)) * 10_000n],
        });
        tx = call(member, 120_000n, data, true); // BadPeriod
      }
      txs.push({ rank: 2, tx });
      counts.reverts++;
    }

    // ---- blocks of the day -----------------------------------------------------------------
    const alliance = txs.sort((a, b) => a.rank - b.rank).map((t) => t.tx);
    // A block a working day (some weekends too), more only when a day's calls need them: the
    // node recomputes its whole state root for every block, so the time from `npm start` to an
    // indexed history grows with the number of blocks far more than with their transactions.
    const base = workday ? 1 : int(rDay, 0, 1);
    const nBlocks = Math.max(base, Math.ceil(alliance.length / 30), alliance.length > 0 ? 1 : 0);
    if (nBlocks === 0) continue;
    // Office hours in Chongqing (08:30–18:30, UTC+8); launch day starts after the deployment.
    const from = day === 0 ? LAUNCH_TIMESTAMP + 600 : dayStart + 1800;
    const to = dayStart + 37_800;
    const times = new Set<number>();
    while (times.size < nBlocks) times.add(int(rDay, from, to));
    const stamps = [...times].sort((a, b) => a - b).filter((t) => t < end && t > lastTimestamp);
    if (stamps.length === 0) continue;
    const perBlock = Math.ceil(alliance.length / stamps.length);
    stamps.forEach((timestamp, b) => {
      const blockTxs = alliance.slice(b * perBlock, (b + 1) * perBlock);
      const transfers = int(rTx, 0, 2);
      for (let t = 0; t < transfers; t++) {
        const sender = chance(rTx, 0.7) ? pick(rTx, users) : pick(rTx, memberAddr);
        let recipient = chance(rTx, 0.6) ? pick(rTx, users) : pick(rTx, memberAddr);
        if (recipient === sender) recipient = owner;
        blockTxs.push({
          from: sender,
          to: recipient,
          value: BigInt(int(rTx, 1, 200_000)) * 10n ** 14n,
          gas: 21_000n,
          legacy: chance(rTx, 0.35),
          tip: BigInt(int(rTx, 1, 30)) * (GWEI / 10n),
        });
        counts.transfers++;
      }
      if (chance(rTx, 0.004)) {
        blockTxs.push({ from: pick(rTx, users), data: pick(rTx, TINY_CONTRACTS), gas: 100_000n, legacy: chance(rTx, 0.5), tip: GWEI });
        counts.deployments++;
      }
      if (blockTxs.length === 0) return;
      blocks.push({ timestamp, txs: blockTxs });
      counts.txs += blockTxs.length;
      lastTimestamp = timestamp;
    });
  }
  if (FIRST_DAY + phase1EndDay * DAY >= end) counts.inDepthAtPhase1End = [...scenarioStage.values()].filter((s) => s === 1).length;
  for (const [key, amount] of latestReport) {
    const p = Number(key.split('/')[1]);
    if (quarterInPeriod(p, PHASE1.periodStart, PHASE1.periodEnd)) counts.outputInPhase1 += amount;
  }
  counts.blocks = blocks.length;
  return {
    owner,
    registry,
    blocks,
    finalMembers: ENTERPRISES.map((_, i) => i).filter((i) => admittedDay[i] !== undefined).map((i) => memberAddr[i]!),
    counts,
  };
}
