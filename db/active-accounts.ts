// Distinct active accounts (senders and recipients) per UTC day, ISO week, month and quarter,
// exact, without a (day, address) row for every day of the chain's life.
//
// A bucket's distinct count is the sum, over its days, of the accounts active that day and
// not earlier in the same bucket. So daily_stats keeps four counts per day (the day's
// distinct accounts, and of those the ones new to their week, month and quarter), and a
// chart of any interval sums them. Deciding "new to its week/month/quarter" needs an
// account's earlier days only back to the start of the oldest bucket still open, so
// daily_active_accounts keeps the (day, address) rows from `activeHorizon(head day)` on and
// no older ones. Pure: the indexer's writer, the migration and the bench feed it rows.
import { bucketStart } from '../rules/calendar';

const SECONDS_PER_DAY = 86_400;

/** The per-day counts daily_stats keeps. */
export interface ActiveCounts {
  /** Distinct accounts active that day. */
  active_accounts: number;
  /** Of those, the ones not active earlier in the same ISO week. */
  active_week: number;
  /** … the same month. */
  active_month: number;
  /** … the same quarter. */
  active_quarter: number;
}

export interface ActivePair {
  day: number;
  address: string;
}

const startDay = (day: number, interval: 'WEEK' | 'MONTH' | 'QUARTER') => bucketStart(day * SECONDS_PER_DAY, interval) / SECONDS_PER_DAY;

/**
 * The first day whose rows a day ≥ `day` can still need: the start of its ISO week or of its
 * quarter, whichever is earlier (a month starts no earlier than its quarter).
 */
export function activeHorizon(day: number): number {
  return Math.min(startDay(day, 'WEEK'), startDay(day, 'QUARTER'));
}

/**
 * The counts of `pairs`, by day. `history` holds every stored (day, address) of the pairs'
 * addresses from `activeHorizon` of the earliest pair on; it may include the pairs
 * themselves. Each pair counts for its day; for its week, month and quarter unless its
 * address has a history day before it in the same bucket.
 */
export function countActive(pairs: readonly ActivePair[], history: readonly ActivePair[]): Map<number, ActiveCounts> {
  const days = new Map<string, number[]>();
  for (const h of history) {
    const list = days.get(h.address);
    if (list) list.push(h.day);
    else days.set(h.address, [h.day]);
  }
  const out = new Map<number, ActiveCounts>();
  const starts = new Map<number, [week: number, month: number, quarter: number]>();
  for (const { day, address } of pairs) {
    let previous = -Infinity;
    for (const d of days.get(address) ?? []) if (d < day && d > previous) previous = d;
    let c = out.get(day);
    if (!c) out.set(day, (c = { active_accounts: 0, active_week: 0, active_month: 0, active_quarter: 0 }));
    let s = starts.get(day);
    if (!s) starts.set(day, (s = [startDay(day, 'WEEK'), startDay(day, 'MONTH'), startDay(day, 'QUARTER')]));
    c.active_accounts++;
    if (previous < s[0]) c.active_week++;
    if (previous < s[1]) c.active_month++;
    if (previous < s[2]) c.active_quarter++;
  }
  return out;
}
