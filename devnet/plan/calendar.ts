// The history's calendar: when it starts, phase 1's period, and the days the planners work in.

/** Genesis: launch morning, 09:00 in Chongqing. */
export const GENESIS_DATE = new Date('2020-04-14T01:00:00Z');
/** Block 1, the registry deployment: 10:00 in Chongqing, 02:00 UTC, the same date in both. */
export const LAUNCH_TIMESTAMP = Date.parse('2020-04-14T02:00:00Z') / 1000;

export const DAY = 86_400;
/** Midnight UTC of launch day: day 0 of the plan. */
export const FIRST_DAY = Date.parse('2020-04-14T00:00:00Z') / 1000;

/** Phase 1 as announced: 2020-04-14 to 2025-04-14, Chongqing time. */
export const PHASE1 = {
  periodStart: Date.parse('2020-04-14T00:00:00+08:00') / 1000,
  periodEnd: Date.parse('2025-04-14T00:00:00+08:00') / 1000,
  targets: { patents: 1000n, scenarios: 20n, outputValue: 5_000_000_000n, members: 100n },
} as const;

/** The plan day on which phase 1 ends (in UTC days, so the day before it in Chongqing). */
export const PHASE1_END_DAY = Math.floor((PHASE1.periodEnd - FIRST_DAY) / DAY);

export interface PlanDay {
  /** Days since launch day. */
  index: number;
  /** Its midnight, UTC, in unix seconds. */
  start: number;
  /** Monday to Friday (in UTC, which is also Chongqing's date during office hours). */
  workday: boolean;
}

export function planDay(index: number): PlanDay {
  const start = FIRST_DAY + index * DAY;
  const weekday = new Date(start * 1000).getUTCDay();
  return { index, start, workday: weekday !== 0 && weekday !== 6 };
}

export const utcYear = (unix: number): number => new Date(unix * 1000).getUTCFullYear();
