// Is a sealer keeping up with its turns? Pure: the caller supplies the head, the sealer's
// last block and the size of the rotation.
//
// In a round-robin consortium each of the K validators seals about once every K blocks, and
// when one is down its turns pass to the next, so a healthy validator's gap never exceeds K.
// Every further K blocks without a seal is one expected turn missed.

export type ValidatorStatus = 'ACTIVE' | 'LATE' | 'OFFLINE';

export interface StatusInput {
  /** The newest indexed block. */
  head: number;
  /** The validator's newest sealed block at or below head; null if it never sealed. */
  lastSealedBlock: number | null;
  /** Validators in the rotation (K); at least 1. */
  setSize: number;
  /** Missed turns after which a validator counts as offline (N, from config). */
  offlineAfterTurns: number;
}

/** Expected turns that went by without this validator sealing. */
export function missedTurns({ head, lastSealedBlock, setSize }: Omit<StatusInput, 'offlineAfterTurns'>): number {
  if (lastSealedBlock === null) return Number.POSITIVE_INFINITY;
  const k = Math.max(1, setSize);
  return Math.floor(Math.max(0, head - lastSealedBlock) / k);
}

export function validatorStatus(input: StatusInput): ValidatorStatus {
  const missed = missedTurns(input);
  if (missed >= Math.max(1, input.offlineAfterTurns)) return 'OFFLINE';
  return missed >= 1 ? 'LATE' : 'ACTIVE';
}
