// What the second and third round trips of a batch add to each fetched block (enrich.ts
// fills it, account-rows.ts reads it). Types only, so fetch.ts can carry it without a cycle.
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
  /** Native balance after this block, per touched address. */
  balances: Map<string, string>;
  /** balanceOf after this block, per holdingKey; null when it could not be read. */
  tokenBalances: Map<string, string | null>;
  /** totalSupply after this block, for tokens minted or burned in it. */
  supplies: Map<string, string | null>;
  /** Tokens not seen before this batch, read at the first block of the batch that has them. */
  meta: Map<string, TokenMeta>;
  /** Runtime code after this block of every contract it created (eth_getCode), with the creating transaction. */
  code: Map<string, { txHash: string; code: string }>;
}

