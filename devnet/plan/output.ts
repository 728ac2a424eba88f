// Quarterly output: when a quarter closes, every active member is scheduled to report it
// within the next few weeks (most do), and about one in twenty later corrects its figure. The
// alliance's output grows 8% a quarter from 107.6 million CNY in 2020 Q2: phase 1 sums to
// about 4.9 billion.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { quarterInPeriod, quarterOf, quarterRange } from '../../rules/quarter';
import { ENTERPRISES } from '../catalogue';
import { chance, int, type Rng } from '../rng';
import { DAY, LAUNCH_TIMESTAMP, PHASE1, type PlanDay } from './calendar';
import { DayMap } from './day-map';
import { sizesOf } from './membership';
import type { PlanContext, PlannedTx } from './types';

const OUTPUT_FIRST_QUARTER = 107_600_000;
const OUTPUT_GROWTH = 1.08;
const REPORTING = 0.92;
const CORRECTING = 0.05;

interface Report {
  member: number;
  period: number;
  amount: bigint;
}

const toThousands = (x: number) => BigInt(Math.round(x / 1000)) * 1000n;

/** `r` is the output stream, drawn from when a quarter closes only. */
export function outputPlanner(r: Rng, { members, call }: PlanContext) {
  let period = quarterOf(LAUNCH_TIMESTAMP);
  const due = new DayMap<Report>();
  const latest = new Map<string, bigint>(); // `${member}/${period}` -> amount
  const counts = { reports: 0, corrections: 0 };

  const schedule = (d: PlanDay, closed: number, active: readonly number[]) => {
    const k = Math.round((quarterRange(closed).from - quarterRange(20202).from) / (DAY * 91.3));
    const total = OUTPUT_FIRST_QUARTER * OUTPUT_GROWTH ** k;
    const weightSum = sizesOf(active).reduce((a, b) => a + b, 0);
    for (const member of active) {
      if (!chance(r, REPORTING)) continue;
      const share = (total * ENTERPRISES[member]!.size) / weightSum / REPORTING;
      const amount = toThousands(share * (0.6 + 0.8 * r()));
      const reportDay = d.index + int(r, 3, 40);
      due.add(reportDay, { member, period: closed, amount });
      if (chance(r, CORRECTING)) {
        const fixed = toThousands(Number(amount) * (0.85 + 0.3 * r()));
        due.add(reportDay + int(r, 3, 30), { member, period: closed, amount: fixed });
      }
    }
  };

  return {
    counts,
    /** The latest figures for phase 1's quarters, summed. */
    inPhase1(): bigint {
      let sum = 0n;
      for (const [key, amount] of latest) {
        if (quarterInPeriod(Number(key.split('/')[1]), PHASE1.periodStart, PHASE1.periodEnd)) sum += amount;
      }
      return sum;
    },
    /** Schedules the reports of a quarter that closed, then sends the day's by members still in. */
    day(d: PlanDay, active: readonly number[]): PlannedTx[] {
      if (quarterOf(d.start) !== period) {
        const closed = period;
        period = quarterOf(d.start);
        schedule(d, closed, active);
      }
      const txs: PlannedTx[] = [];
      for (const report of due.take(d.index)) {
        if (!active.includes(report.member)) continue;
        const data = encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'reportOutput', args: [report.period, report.amount] });
        txs.push(call(members[report.member]!, 120_000n, data));
        const key = `${report.member}/${report.period}`;
        if (latest.has(key)) counts.corrections++;
        latest.set(key, report.amount);
        counts.reports++;
      }
      return txs;
    },
  };
}
