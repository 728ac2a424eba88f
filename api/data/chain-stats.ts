// Chain activity per calendar bucket, summed from the indexer's daily aggregates (distinct
// active accounts too: see indexer/active-accounts.ts).
import type { Kysely } from 'kysely';
import type { DailyStatsTable, Database } from '../../db/schema';
import type { ChainStatsMetric, Interval } from '../generated/enums';
import { buckets, dateString, dayNumber } from '../kpi/time';

/** The daily_stats column whose sum over a bucket's days is its distinct active accounts. */
const ACTIVE_BY_INTERVAL = {
  DAY: 'active_accounts',
  WEEK: 'active_week',
  MONTH: 'active_month',
  QUARTER: 'active_quarter',
} as const satisfies Record<Interval, keyof DailyStatsTable>;

export interface StatPoint {
  date: string;
  from: number;
  to: number;
  value: number;
}

/** Buckets in [from, to); throws RangeError when there would be more than 5,000. */
export async function chainStats(db: Kysely<Database>, metric: ChainStatsMetric, interval: Interval, from: number, to: number): Promise<StatPoint[]> {
  const list = buckets(from, to - 1, interval, 5000);
  const firstDay = dayNumber(list[0]!.from);
  const lastDay = dayNumber(list[list.length - 1]!.to) - 1;
  const points = list.map((b) => ({ date: dateString(b.from), from: b.from, to: b.to, value: 0 }));
  const indexOf = (day: number) => {
    // buckets are sorted: binary search the one holding this day
    const t = day * 86_400;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.from <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const rows = await db
    .selectFrom('daily_stats')
    .selectAll()
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .orderBy('day')
    .execute();
  const span = points.map(() => ({ time: 0, gaps: 0 }));
  for (const r of rows) {
    const i = indexOf(r.day);
    const p = points[i]!;
    switch (metric) {
      case 'TRANSACTIONS':
        p.value += Number(r.tx_count);
        break;
      case 'BLOCKS':
        p.value += Number(r.block_count);
        break;
      case 'GAS_USED':
        p.value += Number(r.gas_used);
        break;
      case 'ACTIVE_ACCOUNTS':
        // Each day's accounts new to its bucket: their sum is the bucket's distinct count.
        p.value += Number(r[ACTIVE_BY_INTERVAL[interval]]);
        break;
      case 'AVG_BLOCK_TIME':
        span[i]!.time += Number(r.last_block_time) - Number(r.first_block_time);
        span[i]!.gaps += Math.max(0, Number(r.block_count) - 1);
        break;
    }
  }
  if (metric === 'AVG_BLOCK_TIME') span.forEach((s, i) => (points[i]!.value = s.gaps ? s.time / s.gaps : 0));
  return points;
}
