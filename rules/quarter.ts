// Quarters written YYYYQ (20202 = 2020 Q2) and their place in plan periods. UTC calendar,
// unix seconds. One copy for the API, the web, the embeds and the devnet's planner.

/** Whether a number is a valid YYYYQ quarter (year 1970–9999, quarter 1–4). */
export function isQuarter(period: number): boolean {
  return Number.isInteger(period) && period % 10 >= 1 && period % 10 <= 4 && period >= 19701 && period <= 99994;
}

/** `20202` → { year: 2020, quarter: 2 }. */
export function parseQuarter(period: number): { year: number; quarter: number } {
  return { year: Math.floor(period / 10), quarter: period % 10 };
}

/** [from, to) of a YYYYQ quarter in unix seconds. */
export function quarterRange(period: number): { from: number; to: number } {
  const { year, quarter } = parseQuarter(period);
  return { from: Date.UTC(year, (quarter - 1) * 3, 1) / 1000, to: Date.UTC(year, quarter * 3, 1) / 1000 };
}

/** The YYYYQ quarter containing a unix time. */
export function quarterOf(ts: number): number {
  const d = new Date(ts * 1000);
  return d.getUTCFullYear() * 10 + Math.floor(d.getUTCMonth() / 3) + 1;
}

/** "2020 Q2" (the API's label and English), "2020年Q2" in Chinese. */
export function quarterLabel(period: number, locale = 'en'): string {
  const { year, quarter } = parseQuarter(period);
  return locale.startsWith('zh') ? `${year}年Q${quarter}` : `${year} Q${quarter}`;
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

/** The calendar year (UTC) of a unix time: the key of the year-over-year figures. */
export function yearOf(ts: number): number {
  return new Date(ts * 1000).getUTCFullYear();
}
