// The KPI rules of DESIGN.md that do not depend on records: progress, the elapsed share of a
// plan period, the projection at the current pace and the status it decides, shortfall and
// when a target was reached.
// Pure: no clock, no I/O; times are unix seconds. Used by the API, the web, the embeds and
// the devnet's planner alike, so a rule changed here changes them all.
import type { KpiStatus } from '../api/generated/enums';

export type { KpiStatus };

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
 * Where a KPI is heading, at the pace since its period began. Pace = (current - level at the
 * period's start) / time elapsed: for a flow (patents, output value) the start level is 0; for
 * a stock (members, in-depth scenarios) it is what the stock stood at when the period began,
 * so 110 members aiming for 120 have 10 to go, not 120.
 */
export type Projection =
  /** Target reached, on `at` when known. */
  | { kind: 'reached'; at: number | null }
  /** Not reached yet; at the current pace it is reached on `at`, before/after the period ends, with `atPeriodEnd` by its end (floored). */
  | { kind: 'eta'; at: number; withinPeriod: boolean; atPeriodEnd: bigint }
  /** No gain since the period began: at this pace the figure stays at its level, `atPeriodEnd`. */
  | { kind: 'noPace'; atPeriodEnd: bigint }
  /** The period has not begun: no pace, and nothing due yet. */
  | { kind: 'notStarted' }
  /** The period ended short of the target: by how much, and by what share of the target. */
  | { kind: 'missed'; shortBy: bigint; shortShare: number };

export interface ProjectionInput {
  current: bigint;
  target: bigint;
  /** The figure when the period began (0 for a flow). */
  startLevel: bigint;
  periodStart: number;
  periodEnd: number;
  now: number;
  /** When the figure reached the target, if known. */
  reachedAt: number | null;
}

export function projectKpi(input: ProjectionInput): Projection {
  const { current, target, startLevel } = input;
  if (progress(current, target) >= 1) return { kind: 'reached', at: input.reachedAt };
  const time = planTime(input.periodStart, input.periodEnd, input.now);
  if (time.ended) {
    const short = shortfall(current, target);
    return { kind: 'missed', shortBy: short.amount, shortShare: short.share };
  }
  const elapsed = BigInt(Math.round(time.elapsed));
  if (elapsed <= 0n) return { kind: 'notStarted' };
  const gain = current - startLevel;
  if (gain <= 0n) return { kind: 'noPace', atPeriodEnd: current };
  // In integers (seconds, units), so that the status boundaries below are exact:
  // at period end = current + gain / elapsed x remaining.
  const atPeriodEnd = current + (gain * BigInt(Math.round(time.remaining))) / elapsed;
  const at = Math.round(input.now + (Number(target - current) * Number(elapsed)) / Number(gain));
  return { kind: 'eta', at, withinPeriod: at <= input.periodEnd, atPeriodEnd };
}

/** The projected figure at period end, where the pace gives one (eta, noPace), else null. */
export function projectedAtEnd(p: Projection): bigint | null {
  return p.kind === 'eta' || p.kind === 'noPace' ? p.atPeriodEnd : null;
}

/**
 * The running statuses by the projected figure at period end, as a share of the target in
 * percent: the first row whose floor it reaches; below them all, BEHIND.
 */
export const STATUS_FLOORS = [
  { status: 'AHEAD', percent: 110 },
  { status: 'ON_TRACK', percent: 100 },
  { status: 'AT_RISK', percent: 90 },
] as const satisfies ReadonlyArray<{ status: KpiStatus; percent: number }>;

/** projected / target, floored to 0.1 % so that a shown share never rounds across a floor. */
export function projectedShare(projected: bigint, target: bigint): number {
  if (target <= 0n) return projected > 0n ? 1 : 0;
  return Number((projected * 1000n) / target) / 1000;
}

/**
 * DESIGN.md's status, from the projection: ACHIEVED once the target is met; MISSED when the
 * period has ended short of it; before the period begins nothing is due (ON_TRACK);
 * otherwise by STATUS_FLOORS on the projected figure at period end. Exact (integers).
 */
export function kpiStatus(projection: Projection, target: bigint): KpiStatus {
  switch (projection.kind) {
    case 'reached':
      return 'ACHIEVED';
    case 'missed':
      return 'MISSED';
    case 'notStarted':
      return 'ON_TRACK';
    default: {
      const projected = projection.atPeriodEnd;
      for (const floor of STATUS_FLOORS) if (projected * 100n >= target * BigInt(floor.percent)) return floor.status;
      return 'BEHIND';
    }
  }
}

/**
 * The level a KPI stood at when its period began: the changes dated before it. Zero for a
 * flow, whose ledger holds only the period's own records.
 */
export function levelAt(changes: Iterable<{ time: number; delta: bigint }>, start: number): bigint {
  let total = 0n;
  for (const c of changes) if (c.time < start) total += c.delta;
  return total;
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
