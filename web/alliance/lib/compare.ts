// Two plan periods side by side: each KPI series placed on one axis of elapsed time since its
// own period began, so that phase 1 and phase 2 are compared at the same point of their
// plans. Pure; times are unix seconds.

export interface PeriodSeries {
  periodStart: number;
  periodEnd: number;
  /** Cumulative value at each bucket end (`to`), oldest first, as the API's Kpi.series. */
  points: ReadonlyArray<{ to: number; value: number }>;
  /** The time the figure stands at: the head's time, or the period end once it has ended. */
  figureAt: number;
}

export interface CompareRow {
  /** Seconds since the period's start. */
  elapsed: number;
  a?: number;
  b?: number;
}

/** A point's elapsed time: its bucket end, but never past the figure's time or the period end. */
function elapsedOf(s: PeriodSeries, to: number): number {
  return Math.max(0, Math.min(to, s.figureAt, s.periodEnd) - s.periodStart);
}

/** Both series on one elapsed-time axis, rows sorted by elapsed time (a row has a, b or both). */
export function alignByElapsed(a: PeriodSeries, b: PeriodSeries): CompareRow[] {
  const rows = new Map<number, CompareRow>();
  const put = (s: PeriodSeries, key: 'a' | 'b') => {
    for (const p of s.points) {
      const elapsed = elapsedOf(s, p.to);
      const row = rows.get(elapsed) ?? { elapsed };
      row[key] = p.value;
      rows.set(elapsed, row);
    }
  };
  put(a, 'a');
  put(b, 'b');
  return [...rows.values()].sort((x, y) => x.elapsed - y.elapsed);
}

/** The cumulative value `elapsed` seconds into a period: the last point at or before it (0 before the first). */
export function valueAtElapsed(s: PeriodSeries, elapsed: number): number {
  let value = 0;
  for (const p of s.points) {
    if (elapsedOf(s, p.to) > elapsed) break;
    value = p.value;
  }
  return value;
}

/**
 * The comparison at the elapsed time both periods have reached (the shorter of the two):
 * each one's figure then, and the change from the first to the second.
 */
export function compareAtSameElapsed(a: PeriodSeries, b: PeriodSeries): { elapsed: number; a: number; b: number; change: number | null } {
  const elapsed = Math.min(a.figureAt - a.periodStart, b.figureAt - b.periodStart, a.periodEnd - a.periodStart, b.periodEnd - b.periodStart);
  const va = valueAtElapsed(a, Math.max(0, elapsed));
  const vb = valueAtElapsed(b, Math.max(0, elapsed));
  return { elapsed: Math.max(0, elapsed), a: va, b: vb, change: va === 0 ? null : (vb - va) / va };
}
