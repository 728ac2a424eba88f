// How one block moves native coin, from what the node says about the block alone: fees
// from the receipts, the fee recipient's tips, value moved by transactions and by every
// internal call that was not undone, withdrawals, and block rewards the tracer reports.
// Pure: no state is read, so it works on a node that keeps no history, and a balance is
// the sum of its deltas from the genesis on.
import type { BlockReward, InternalCall } from './traces';

/** What a block says about coin moving: the fields of eth_getBlockByNumber it needs. */
interface BlockFields {
  miner: string;
  baseFeePerGas?: string;
  transactions: readonly { from: string; to: string | null; value: string; gasPrice?: string }[];
  withdrawals?: readonly { address: string; amount: string }[];
}

/** ...and of its receipts. */
interface ReceiptFields {
  status?: string;
  gasUsed: string;
  effectiveGasPrice?: string;
  contractAddress: string | null;
  blobGasUsed?: string;
  blobGasPrice?: string;
}

export interface NativeDeltas {
  /** Net change per address; an address the block touched but left even is present with 0. */
  deltas: Map<string, bigint>;
  /**
   * Whether every source of change was seen. A block with transactions but no traces may
   * have moved coin in internal calls nobody told us about.
   */
  complete: boolean;
}

const big = (h: string | undefined | null): bigint => (h ? BigInt(h) : 0n);
const lower = (a: string) => a.toLowerCase();

/** Call types that move value from `from` to `to`. DELEGATECALL and STATICCALL carry none; CALLCODE moves it from the caller to itself. */
const MOVES_VALUE = new Set(['CALL', 'CREATE', 'CREATE2', 'SELFDESTRUCT']);

/**
 * The internal calls whose effects stand: a frame that failed is undone with everything
 * below it, so a frame counts only when neither it nor any frame above it failed.
 */
export function effectiveCalls(calls: readonly InternalCall[]): InternalCall[] {
  const failed = calls.filter((c) => c.error !== null).map((c) => c.traceAddress);
  if (failed.length === 0) return [...calls];
  const under = (path: string, top: string) => path === top || path.startsWith(`${top}.`);
  return calls.filter((c) => !failed.some((f) => under(c.traceAddress, f)));
}

/**
 * The block's native deltas. `internal` holds each transaction's internal calls (in block
 * order), or null when the block was not traced.
 */
export function nativeDeltas(
  block: BlockFields,
  receipts: readonly ReceiptFields[],
  internal: readonly (readonly InternalCall[])[] | null,
  rewards: readonly BlockReward[] = [],
): NativeDeltas {
  const deltas = new Map<string, bigint>();
  const add = (address: string, d: bigint) => {
    const a = lower(address);
    deltas.set(a, (deltas.get(a) ?? 0n) + d);
  };
  const miner = lower(block.miner);
  const baseFee = block.baseFeePerGas === undefined ? null : big(block.baseFeePerGas);
  add(miner, 0n);
  block.transactions.forEach((tx, i) => {
    const rc = receipts[i]!;
    const gasUsed = big(rc.gasUsed);
    const price = rc.effectiveGasPrice !== undefined ? big(rc.effectiveGasPrice) : big(tx.gasPrice);
    const blobFee = big(rc.blobGasUsed) * big(rc.blobGasPrice);
    add(tx.from, -(gasUsed * price) - blobFee);
    // The base fee (and the blob fee) is burned; the rest of the price is the recipient's tip.
    add(miner, gasUsed * (baseFee === null ? price : price - baseFee));
    const succeeded = rc.status === undefined || big(rc.status) === 1n;
    const to = tx.to ?? rc.contractAddress;
    if (to) add(to, 0n);
    if (succeeded) {
      const value = big(tx.value);
      add(tx.from, -value);
      if (to) add(to, value);
      for (const c of effectiveCalls(internal?.[i] ?? [])) {
        if (!MOVES_VALUE.has(c.callType)) continue;
        const v = BigInt(c.value);
        if (v === 0n || c.to === null) continue;
        add(c.from, -v);
        add(c.to, v);
      }
    }
    // Addresses a reverted transaction's calls reached are still touched, with no change.
    for (const c of internal?.[i] ?? []) {
      add(c.from, 0n);
      if (c.to) add(c.to, 0n);
    }
  });
  // Withdrawals are in gwei.
  for (const w of block.withdrawals ?? []) add(w.address, big(w.amount) * 1_000_000_000n);
  for (const r of rewards) add(r.author, r.value);
  return { deltas, complete: internal !== null || block.transactions.length === 0 };
}
