// Which plan period the dashboard shows, and which one it offers to compare it with. Pure.

export interface PeriodRef {
  id: string;
  start: number;
  end: number;
}

/**
 * The period to show: the one asked for (?period=) if it exists, else the one in force, else
 * the latest. `inForce` is false when no period contains the head's time: the page then says
 * plainly that no plan is in force.
 */
export function choosePeriod<P extends PeriodRef>(periods: readonly P[], current: P | null, requested: string | undefined): { shown: P | undefined; inForce: boolean } {
  const asked = requested ? periods.find((p) => p.id === requested) : undefined;
  const latest = [...periods].sort((a, b) => a.start - b.start || a.end - b.end).at(-1);
  return { shown: asked ?? current ?? latest, inForce: current !== null };
}

/** The period to compare `shown` with by default: the one just before it, else the one after. */
export function defaultComparison<P extends PeriodRef>(periods: readonly P[], shown: P | undefined): P | undefined {
  if (!shown) return undefined;
  const others = [...periods].filter((p) => p.id !== shown.id).sort((a, b) => a.start - b.start);
  return others.filter((p) => p.start < shown.start).at(-1) ?? others[0];
}
