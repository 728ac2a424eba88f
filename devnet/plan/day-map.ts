/** Things scheduled for plan days, each day's in the order they were scheduled. */
export class DayMap<T> {
  private readonly byDay = new Map<number, T[]>();

  add(day: number, item: T): void {
    const list = this.byDay.get(day);
    if (list) list.push(item);
    else this.byDay.set(day, [item]);
  }

  on(day: number): readonly T[] {
    return this.byDay.get(day) ?? [];
  }

  /** The day's items, forgotten once taken (for schedules that grow as the history runs). */
  take(day: number): readonly T[] {
    const list = this.on(day);
    this.byDay.delete(day);
    return list;
  }
}
