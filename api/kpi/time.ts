// UTC calendar helpers for chart buckets. Pure; unix seconds throughout. (Where buckets start:
// rules/calendar.ts; quarters as YYYYQ: rules/quarter.ts.)
import type { Interval } from '../generated/enums';
import { bucketStart, nextBucket } from '../../rules/calendar';

export { bucketStart, nextBucket };

const DAY = 86_400;

/** YYYY-MM-DD (UTC) of a unix time. */
export function dateString(ts: number): string {
  return new Date(ts * 1000).toISOString().slice(0, 10);
}

/** Unix day number (days since the epoch), the key of daily_stats. */
export function dayNumber(ts: number): number {
  return Math.floor(ts / DAY);
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
