// UTC calendar helpers for chart buckets. Pure; unix seconds throughout. (Quarters: rules/quarter.ts.)
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
