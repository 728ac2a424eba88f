// The KPI rules of DESIGN.md that do not depend on records: progress, pace and status.
import type { KpiStatus } from '../generated/enums';

/** current / target (0 when the target is 0 and nothing is done; 1 when done with a 0 target). */
export function progress(current: bigint, target: bigint): number {
  if (target <= 0n) return current > 0n ? 1 : 0;
  // Scale before dividing so that yuan-sized figures keep their precision.
  return Number((current * 1_000_000_000n) / target) / 1_000_000_000;
}

/** Elapsed share of [start, end] at `now`, clamped to 0–1. */
export function expectedProgress(now: number, start: number, end: number): number {
  if (end <= start) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/** ACHIEVED / AHEAD / ON_TRACK / BEHIND with the ±0.05 band. */
export function kpiStatus(progressValue: number, expected: number): KpiStatus {
  if (progressValue >= 1) return 'ACHIEVED';
  // A small epsilon keeps exact boundaries (e.g. 0.55 vs 0.5 + 0.05) on the generous side
  // despite binary floating point.
  const eps = 1e-9;
  if (progressValue >= expected + 0.05 - eps) return 'AHEAD';
  if (progressValue >= expected - 0.05 - eps) return 'ON_TRACK';
  return 'BEHIND';
}
