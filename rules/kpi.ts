// The KPI rules of DESIGN.md that do not depend on records: progress, the elapsed share of a
// plan period, status (with its one epsilon policy), shortfall and when a target was reached.
// Pure: no clock, no I/O; times are unix seconds. Used by the API, the web, the embeds and
// the devnet's planner alike, so a rule changed here changes them all.
import type { KpiStatus } from '../api/generated/enums';

export type { KpiStatus };

/** Half-width of the ON_TRACK band around the expected progress. */
export const STATUS_BAND = 0.05;
/**
 * Comparisons of shares allow this much slack, so exact boundaries (0.55 against 0.5 + 0.05)
 * fall on the generous side despite binary floating point. The one epsilon policy.
 */
export const EPSILON = 1e-9;

/** current / target (0 when the target is 0 and nothing is done; 1 when done with a 0 target). */
export function progress(current: bigint, target: bigint): number {
  if (target <= 0n) return current > 0n ? 1 : 0;
  // Scale before dividing so that yuan-sized figures keep their precision.
  return Number((current * 1_000_000_000n) / target) / 1_000_000_000;
}

export interface PlanTime {
  /** Seconds from the period's start to now, clamped to [0, length]. */
  elapsed: number;
  /** Seconds from now to the period's end, clamped to [0, length]. */
  remaining: number;
  /** elapsed / length, in [0, 1]: the expected progress at an even pace. */
  elapsedShare: number;
  started: boolean;
  /** now >= end: the period is over and its figures are final. */
  ended: boolean;
}

export function planTime(start: number, end: number, now: number): PlanTime {
  const length = Math.max(0, end - start);
  const elapsed = Math.min(length, Math.max(0, now - start));
  return {
    elapsed,
    remaining: Math.min(length, Math.max(0, end - now)),
    elapsedShare: length === 0 ? (now >= end ? 1 : 0) : elapsed / length,
    started: now >= start,
    ended: now >= end,
  };
}

/** Whether a plan is in force at `now`: started and not ended. */
export function inForce(start: number, end: number, now: number): boolean {
  const t = planTime(start, end, now);
  return t.started && !t.ended;
}

/** Expected progress: the elapsed share of [start, end] at `now`, from 0 to 1. */
export function expectedProgress(now: number, start: number, end: number): number {
  return planTime(start, end, now).elapsedShare;
}

/**
 * DESIGN.md's status. ACHIEVED once the target is met; MISSED when the period has ended
 * short of it; otherwise AHEAD / ON_TRACK / BEHIND against the expected progress ± the band.
 */
export function kpiStatus(input: { progress: number; expected: number; ended: boolean }): KpiStatus {
  const { progress: p, expected, ended } = input;
  // progress() floors, so 1 means the target is met exactly or more: no slack here.
  if (p >= 1) return 'ACHIEVED';
  if (ended) return 'MISSED';
  if (p >= expected + STATUS_BAND - EPSILON) return 'AHEAD';
  if (p >= expected - STATUS_BAND - EPSILON) return 'ON_TRACK';
  return 'BEHIND';
}

/** How far short of the target: the amount and the share of the target (0 when met). */
export function shortfall(current: bigint, target: bigint): { amount: bigint; share: number } {
  if (current >= target) return { amount: 0n, share: 0 };
  return { amount: target - current, share: 1 - progress(current, target) };
}

/**
 * The first time a running total reaches `target`, given the changes in time order; null
 * when it never does (or the target is not positive).
 */
export function reachedAt(changes: Iterable<{ time: number; delta: bigint }>, target: bigint): number | null {
  if (target <= 0n) return null;
  let total = 0n;
  for (const c of changes) {
    total += c.delta;
    if (total >= target) return c.time;
  }
  return null;
}
