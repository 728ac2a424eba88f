// UTC calendar helpers for chart buckets and quarters. Pure; unix seconds throughout.
import type { Interval } from '../generated/enums';

const DAY = 86_400;

/** YYYY-MM-DD (UTC) of a unix time. */
export function dateString(ts: number): string {
  return new Date(ts * 1000).toISOString().slice(0, 10);
}

/** Unix day number (days since the epoch), the key of daily_stats. */
export function dayNumber(ts: number): number {
  return Math.floor(ts / DAY);
}

/** Start of the bucket containing `ts`. Weeks start on Monday (ISO). */
export function bucketStart(ts: number, interval: Interval): number {
  const d = new Date(Math.floor(ts / DAY) * DAY * 1000);
  switch (interval) {
    case 'DAY':
      return d.getTime() / 1000;
    case 'WEEK': {
      const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
      return d.getTime() / 1000 - dow * DAY;
    }
    case 'MONTH':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    case 'QUARTER':
      return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1) / 1000;
  }
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, interval: Interval): number {
  const d = new Date(start * 1000);
  switch (interval) {
    case 'DAY':
      return start + DAY;
    case 'WEEK':
      return start + 7 * DAY;
    case 'MONTH':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    case 'QUARTER':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1) / 1000;
  }
}

/** Bucket boundaries [from, to) covering [start, end] (at least one bucket). */
export function buckets(start: number, end: number, interval: Interval, max = 10_000): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let from = bucketStart(start, interval);
  do {
    const to = nextBucket(from, interval);
    out.push({ from, to });
    from = to;
    if (out.length > max) throw new RangeError(`more than ${max} buckets; use a larger interval or a shorter range`);
  } while (from <= end);
  return out;
}

/** Whether a number is a valid YYYYQ quarter (year 1970–9999, quarter 1–4). */
export function isQuarter(period: number): boolean {
  return Number.isInteger(period) && period % 10 >= 1 && period % 10 <= 4 && period >= 19701 && period <= 99994;
}

/** [from, to) of a YYYYQ quarter in unix seconds. */
export function quarterRange(period: number): { from: number; to: number } {
  const year = Math.floor(period / 10);
  const q = period % 10;
  return { from: Date.UTC(year, (q - 1) * 3, 1) / 1000, to: Date.UTC(year, q * 3, 1) / 1000 };
}

/** "2020 Q2". */
export function quarterLabel(period: number): string {
  return `${Math.floor(period / 10)} Q${period % 10}`;
}

/**
 * Whether a reported quarter counts toward a plan period [start, end): most of its days fall
 * inside it (its midpoint does). Plans start and end mid-quarter (2020-04-14 to 2025-04-14),
 * so a strict "wholly inside" would drop the launch quarter, and "overlaps" would count a
 * boundary quarter in two consecutive plans; this way each quarter belongs to one plan.
 */
export function quarterInPeriod(period: number, start: number, end: number): boolean {
  if (!isQuarter(period)) return false;
  const q = quarterRange(period);
  const midpoint = (q.from + q.to) / 2;
  return midpoint >= start && midpoint < end;
}
