// A day's blocks: a block a working day (some weekends too), more only when a day's calls need
// them. The node recomputes its whole state root for every block, so the time from `npm start`
// to an indexed history grows with the number of blocks far more than with their transactions.
import { int, type Rng } from '../rng';
import { LAUNCH_TIMESTAMP, type PlanDay } from './calendar';
import type { PlannedBlock, PlannedTx } from './types';

/** Registry calls one block takes at most. */
const CALLS_PER_BLOCK = 30;

/**
 * The timestamps of a day's blocks, increasing, in Chongqing's office hours (08:30–18:30,
 * UTC+8; launch day's after the deployment), all after `after` and before `end`. `r` is the
 * days stream.
 */
export function dayBlockTimes(r: Rng, d: PlanDay, calls: number, after: number, end: number): number[] {
  // A block a working day (some weekends too), more only when the day's calls need them: the
  // node recomputes its whole state root for every block, so the time from `npm start` to an
  // indexed history grows with the number of blocks far more than with their transactions.
  const base = d.workday ? 1 : int(r, 0, 1);
  const count = Math.max(base, Math.ceil(calls / CALLS_PER_BLOCK), calls > 0 ? 1 : 0);
  const from = d.index === 0 ? LAUNCH_TIMESTAMP + 600 : d.start + 1800;
  const to = d.start + 37_800;
  const times = new Set<number>();
  while (times.size < count) times.add(int(r, from, to));
  return [...times].sort((a, b) => a - b).filter((t) => t < end && t > after);
}

/**
 * Spreads the day's calls evenly over its blocks, in order, each block followed by its own
 * `traffic()`. A block left empty is dropped; with no times the calls are not sent at all.
 */
export function fillBlocks(calls: readonly PlannedTx[], times: readonly number[], traffic: () => PlannedTx[]): PlannedBlock[] {
  const perBlock = Math.ceil(calls.length / times.length);
  return times.flatMap((timestamp, b) => {
    const txs = [...calls.slice(b * perBlock, (b + 1) * perBlock), ...traffic()];
    return txs.length > 0 ? [{ timestamp, txs }] : [];
  });
}
