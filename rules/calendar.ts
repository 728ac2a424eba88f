// UTC calendar buckets: where a day, ISO week, month or quarter starts. Pure; unix seconds.
// Shared by the API's charts (api/kpi/time.ts) and the indexer, which keeps exact distinct
// counts per bucket (indexer/active-accounts.ts): both must cut the calendar the same way.
import type { Interval } from '../api/generated/enums';

const DAY = 86_400;

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
