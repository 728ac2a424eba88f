// The compact distinct-accounts counts against a brute-force count of the same pairs: for any
// bucket, the sum of its days' counts is its number of distinct addresses.
import { describe, expect, it } from 'vitest';
import { activeHorizon, countActive, type ActivePair } from '../db/active-accounts';
import { bucketStart } from '../rules/calendar';

const DAY = 86_400;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000 / DAY;
const INTERVALS = [['WEEK', 'active_week'], ['MONTH', 'active_month'], ['QUARTER', 'active_quarter']] as const;

/** Deterministic pseudo-random pairs over ~14 months, 30 addresses. */
function samplePairs(): ActivePair[] {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const seen = new Set<string>();
  const out: ActivePair[] = [];
  const start = day('2023-11-20');
  for (let i = 0; i < 3000; i++) {
    const p = { day: start + (next() % 430), address: `0x${(next() % 30).toString(16).padStart(40, '0')}` };
    const k = `${p.day}:${p.address}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}

describe('active accounts per bucket', () => {
  it('sum, over a bucket, to its distinct addresses, for weeks, months and quarters', () => {
    const pairs = samplePairs();
    const counts = countActive(pairs, pairs);
    const days = new Set(pairs.map((p) => p.day));
    for (const d of days) expect(counts.get(d)!.active_accounts).toBe(pairs.filter((p) => p.day === d).length);
    for (const [interval, column] of INTERVALS) {
      const bucketOf = (d: number) => bucketStart(d * DAY, interval);
      const distinct = new Map<number, Set<string>>();
      for (const p of pairs) {
        const b = bucketOf(p.day);
        distinct.set(b, (distinct.get(b) ?? new Set()).add(p.address));
      }
      const summed = new Map<number, number>();
      for (const [d, c] of counts) summed.set(bucketOf(d), (summed.get(bucketOf(d)) ?? 0) + c[column]);
      expect(summed).toEqual(new Map([...distinct].map(([b, s]) => [b, s.size])));
    }
  });

  it('counts a day from the history back to its horizon only, the same as from all of it', () => {
    const pairs = samplePairs();
    const all = countActive(pairs, pairs);
    const last = Math.max(...pairs.map((p) => p.day));
    const recent = pairs.filter((p) => p.day >= activeHorizon(last));
    const history = pairs.filter((p) => p.day >= activeHorizon(Math.min(...recent.map((p) => p.day))));
    const partial = countActive(recent, history);
    for (const [d, c] of partial) expect(c).toEqual(all.get(d));
  });

  it('keeps rows back to the start of the week or the quarter, whichever is earlier', () => {
    // 2024-04-03 is a Wednesday in Q2: its quarter started on Monday 2024-04-01.
    expect(activeHorizon(day('2024-04-03'))).toBe(day('2024-04-01'));
    // 2024-07-02 is a Tuesday: its week began on 2024-07-01, with the quarter.
    expect(activeHorizon(day('2024-07-02'))).toBe(day('2024-07-01'));
    // 2024-10-02 is a Wednesday whose week began in Q3, on 2024-09-30.
    expect(activeHorizon(day('2024-10-02'))).toBe(day('2024-09-30'));
    // Mid-quarter: the quarter's start is the earlier one.
    expect(activeHorizon(day('2024-05-15'))).toBe(day('2024-04-01'));
  });

  it('does not count an address again in a bucket where it was active before', () => {
    const a = '0x01';
    const pairs = [{ day: day('2024-05-06'), address: a }, { day: day('2024-05-08'), address: a }, { day: day('2024-05-13'), address: a }];
    const c = countActive(pairs, pairs);
    expect(c.get(day('2024-05-06'))).toEqual({ active_accounts: 1, active_week: 1, active_month: 1, active_quarter: 1 });
    expect(c.get(day('2024-05-08'))).toEqual({ active_accounts: 1, active_week: 0, active_month: 0, active_quarter: 0 });
    expect(c.get(day('2024-05-13'))).toEqual({ active_accounts: 1, active_week: 1, active_month: 0, active_quarter: 0 });
  });
});
