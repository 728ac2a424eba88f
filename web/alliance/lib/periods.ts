// Which plan period the dashboard shows. Pure.

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
