// What the second round trip of a batch adds to each fetched block (enrich.ts fills it,
// account-rows.ts reads it). Types only, so fetch.ts can carry it without a cycle.
import type { NativeDeltas } from './native-deltas';
import type { TokenEvent, TokenMeta } from './tokens';
import type { InternalCall } from './traces';

/** A token event with the transaction that emitted it. */
export interface TokenTransferEvent extends TokenEvent {
  txIndex: number;
  txHash: string;
}

export interface BlockExtras {
  /** Internal calls per transaction, in block order; null when the block could not be traced. */
  internal: InternalCall[][] | null;
  transfers: TokenTransferEvent[];
  /** How the block moved native coin (block 0: the genesis allocations, when known). */
  native: NativeDeltas;
  /** Tokens not seen before this batch, with their metadata read at the head, keyed to the first block of the batch that has them. */
  meta: Map<string, TokenMeta>;
  /** Runtime code of every contract the block created (or, block 0, the genesis allocated), with the creating transaction ('' for the genesis). */
  code: Map<string, { txHash: string; code: string }>;
}
