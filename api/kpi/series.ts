// Cumulative KPI series with the pace line, and breakdowns. Pure.
import type { LedgerEntry, SliceModel as Slice } from '../models';
import { expectedProgress } from './maths';
import type { Interval } from '../generated/enums';
import { buckets, dateString } from './time';

export interface SeriesPoint {
  date: string;
  from: number;
  to: number;
  value: bigint;
  delta: bigint;
  expected: number;
}

/**
 * One point per bucket from the bucket holding periodStart to the one holding asOf. An entry
 * dated after asOf (a patent's declared filing date can be) is placed at asOf, so the last
 * point always equals the KPI's current figure. Entries before periodStart form the
 * starting value (members admitted before the period, for instance).
 */
export function kpiSeries(
  entries: LedgerEntry[],
  opts: { periodStart: number; periodEnd: number; asOf: number; target: bigint; interval: Interval },
): SeriesPoint[] {
  const { periodStart, periodEnd, asOf, target, interval } = opts;
  const end = Math.max(asOf, periodStart);
  const times = entries.map((e) => Math.min(e.time, end));
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const targetNum = Number(target);
  const points: SeriesPoint[] = [];
  let i = 0;
  let cumulative = 0n;
  const list = buckets(periodStart, end, interval);
  list.forEach(({ from, to }, n) => {
    const last = n === list.length - 1;
    let delta = 0n;
    while (i < order.length && (last || times[order[i]!]! < to)) {
      const e = entries[order[i]!]!;
      if (times[order[i]!]! >= from) delta += e.delta;
      cumulative += e.delta;
      i++;
    }
    const at = last ? end : to;
    points.push({
      date: dateString(from),
      from,
      to,
      value: cumulative,
      delta,
      expected: targetNum * expectedProgress(at, periodStart, periodEnd),
    });
  });
  return points;
}

/**
 * Sum the counted entries' contributions by key, largest first; with `limit`, the keys past
 * the top `limit` merge into one REST slice.
 */
export function breakdown(
  entries: LedgerEntry[],
  keyOf: (e: LedgerEntry) => { key: string; label: string; member?: string },
  limit?: number,
): Slice[] {
  const sums = new Map<string, Slice>();
  let total = 0n;
  for (const e of entries) {
    if (!e.counted || e.contribution === 0n) continue;
    const k = keyOf(e);
    const s = sums.get(k.key) ?? { key: k.key, label: k.label, member: k.member ?? null, value: 0n, share: 0, isRest: false };
    s.value += e.contribution;
    total += e.contribution;
    sums.set(k.key, s);
  }
  let slices = [...sums.values()].sort((a, b) => (b.value > a.value ? 1 : b.value < a.value ? -1 : a.key.localeCompare(b.key)));
  if (limit !== undefined && slices.length > limit) {
    const rest = slices.slice(limit).reduce((sum, s) => sum + s.value, 0n);
    slices = [...slices.slice(0, limit), { key: 'REST', label: 'rest', member: null, value: rest, share: 0, isRest: true }];
  }
  for (const s of slices) s.share = total > 0n ? Number((s.value * 1_000_000n) / total) / 1_000_000 : 0;
  return slices;
}
