// Pure dashboard maths on top of the shared KPI rules (rules/; the projection is there):
// guide lines, durations. Times are unix seconds. Nothing here touches the DOM, the network or the clock.
import type { KpiId } from '../../generated/graphql';

export type { KpiId };
/** Every KpiId of schema.graphql, in display order (tsc fails on a value the schema lacks). */
export const KPI_IDS = ['PATENTS', 'SCENARIOS', 'OUTPUT_VALUE', 'MEMBERS'] as const satisfies readonly KpiId[];

export function isKpiId(value: string | undefined | null): value is KpiId {
  return !!value && (KPI_IDS as readonly string[]).includes(value);
}

export interface SeriesPoint {
  /** Bucket start, unix seconds. */
  t: number;
  /** Cumulative value at the end of the bucket. */
  value: number;
}

/** Split seconds into whole years, months (30.44 days) and days, for "3 years 2 months". */
export function splitDuration(seconds: number): { years: number; months: number; days: number } {
  const day = 86_400;
  const month = 30.436875 * day;
  const year = 365.2425 * day;
  let rest = Math.max(0, Math.floor(seconds));
  const years = Math.floor(rest / year);
  rest -= years * year;
  const months = Math.floor(rest / month);
  rest -= months * month;
  const days = Math.floor(rest / day);
  return { years, months, days };
}

/**
 * A locale-aware short duration, e.g. "3 yr, 2 mth" / "3年2个月", built with Intl only.
 * Shows at most the two largest non-zero units; "0 days" for nothing.
 */
export function formatDuration(seconds: number, locale: string): string {
  const { years, months, days } = splitDuration(seconds);
  const parts: string[] = [];
  const unit = (value: number, u: 'year' | 'month' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  if (years) parts.push(unit(years, 'year'));
  if (months) parts.push(unit(months, 'month'));
  if (days && parts.length < 2) parts.push(unit(days, 'day'));
  if (parts.length === 0) parts.push(unit(0, 'day'));
  const shown = parts.slice(0, 2);
  if (locale.startsWith('zh')) return shown.join('');
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(shown);
}

/**
 * Pace and target lines for a cumulative series: the straight line from 0 at the period
 * start to the target at its end (the plan), and the current average pace extended to the
 * period end (the projection; from the level at the period start, as rules/kpi.ts projects).
 */
export function withGuideLines(
  series: readonly SeriesPoint[],
  opts: { target: number; periodStart: number; periodEnd: number; now: number; current: number; startLevel?: number },
): Array<SeriesPoint & { plan: number; pace: number | null }> {
  const { target, periodStart, periodEnd, now, current, startLevel = 0 } = opts;
  const length = Math.max(1, periodEnd - periodStart);
  const elapsed = Math.max(0, Math.min(now, periodEnd) - periodStart);
  const rate = elapsed > 0 ? Math.max(0, current - startLevel) / elapsed : 0;
  return series.map((p) => {
    const into = Math.max(0, Math.min(length, p.t - periodStart));
    return {
      ...p,
      plan: Math.round((target * into) / length * 100) / 100,
      pace: elapsed > 0 ? Math.round((startLevel + rate * into) * 100) / 100 : null,
    };
  });
}

/** Top-N breakdown rows plus one "rest" row summing the others (omitted when empty). */
export function topNWithRest<T extends { value: number }>(
  rows: readonly T[],
  n: number,
  rest: (value: number, count: number) => T,
): T[] {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const head = sorted.slice(0, n);
  const tail = sorted.slice(n);
  if (tail.length === 0) return head;
  return [...head, rest(tail.reduce((s, r) => s + r.value, 0), tail.length)];
}
