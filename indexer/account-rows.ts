// Enriched blocks -> what the accounts-and-tokens tables change by. Pure, like rows.ts;
// every entry is a function of one block, so the result does not depend on how blocks are
// batched. Balances are sums of deltas: the writer adds them to the balances it holds.
import type { Insertable } from 'kysely';
import type { InternalTransactionsTable, TokenTransfersTable, TokenTypeName } from '../db/schema';
import { holdingKey } from './enrich';
import type { FetchedBlock } from './fetch';
import { ZERO_ADDRESS, type TokenMeta } from './tokens';

/** What one block changed, per key (an address, a holding key or a token). */
export interface BlockDeltas {
  block: number;
  deltas: Map<string, bigint>;
}

export interface NewToken {
  address: string;
  firstSeenBlock: number;
  meta: TokenMeta;
}

export interface AccountTokenRows {
  /** Native coin, per block that touched an address (with 0 for a touch that moved nothing). */
  coin: BlockDeltas[];
  /** Blocks whose native deltas may miss internal transfers (no trace). */
  incompleteBlocks: number[];
  tokenTransfers: Insertable<TokenTransfersTable>[];
  /** Per block, the holdings its transfers moved. */
  holdings: BlockDeltas[];
  /** Per block, the tokens it minted or burned and by how much. */
  supplies: BlockDeltas[];
  /** Tokens first seen in this batch (the writer keeps those the database does not have yet). */
  newTokens: NewToken[];
  /** Every token the batch's transfers touched, with how many transfers and the events' type. */
  transferCounts: Map<string, { count: number; type: TokenTypeName }>;
  internal: Insertable<InternalTransactionsTable>[];
  traced: { block_number: number }[];
}

const num = (h: string) => parseInt(h, 16);

export function buildAccountTokenRows(fetched: FetchedBlock[]): AccountTokenRows {
  const out: AccountTokenRows = {
    coin: [], incompleteBlocks: [], tokenTransfers: [], holdings: [], supplies: [], newTokens: [],
    transferCounts: new Map(), internal: [], traced: [],
  };
  for (const { block, extras } of fetched) {
    if (!extras) continue;
    const number = num(block.number);
    const timestamp = num(block.timestamp);
    out.coin.push({ block: number, deltas: extras.native.deltas });
    if (!extras.native.complete) out.incompleteBlocks.push(number);
    const holdings = new Map<string, bigint>();
    const supplies = new Map<string, bigint>();
    const add = (m: Map<string, bigint>, key: string, d: bigint) => m.set(key, (m.get(key) ?? 0n) + d);
    for (const t of extras.transfers) {
      out.tokenTransfers.push({
        block_number: number, log_index: t.logIndex, batch_index: t.batchIndex, tx_hash: t.txHash, tx_index: t.txIndex,
        timestamp, token: t.token, type: t.type, from_address: t.from, to_address: t.to, value: t.value, token_id: t.tokenId,
      });
      const c = out.transferCounts.get(t.token);
      if (c) c.count++;
      else out.transferCounts.set(t.token, { count: 1, type: t.type });
      const id = t.type === 'ERC1155' ? t.tokenId : '';
      const v = BigInt(t.value);
      if (t.from === ZERO_ADDRESS) add(supplies, t.token, v);
      else add(holdings, holdingKey(t.token, t.from, id), -v);
      if (t.to === ZERO_ADDRESS) add(supplies, t.token, -v);
      else add(holdings, holdingKey(t.token, t.to, id), v);
    }
    if (holdings.size) out.holdings.push({ block: number, deltas: holdings });
    if (supplies.size) out.supplies.push({ block: number, deltas: supplies });
    for (const [address, meta] of extras.meta) out.newTokens.push({ address, firstSeenBlock: number, meta });
    if (extras.internal) {
      out.traced.push({ block_number: number });
      extras.internal.forEach((calls, txIndex) => {
        const txHash = block.transactions[txIndex]!.hash.toLowerCase();
        for (const c of calls) {
          out.internal.push({
            block_number: number, tx_index: txIndex, idx: c.idx, tx_hash: txHash, timestamp, trace_address: c.traceAddress,
            depth: c.depth, call_type: c.callType, from_address: c.from, to_address: c.to, value: c.value, gas_used: c.gasUsed,
            error: c.error,
          });
        }
      });
    }
  }
  return out;
}

/** A value after a block: what the writer records as history. */
export interface Step {
  key: string;
  block: number;
  value: bigint | null;
}

/**
 * Running sums: each key's value after every block that changed it, starting from
 * `previous` (what the database holds; a key it lacks starts at `base`, null meaning
 * unknown, and unknown plus a change stays unknown). Returns the history steps and each
 * key's last value.
 */
export function runningSums(
  previous: ReadonlyMap<string, bigint | null>,
  blocks: readonly BlockDeltas[],
  base: bigint | null,
): { steps: Step[]; last: Map<string, { block: number; value: bigint | null }> } {
  const current = new Map<string, bigint | null>();
  const last = new Map<string, { block: number; value: bigint | null }>();
  const steps: Step[] = [];
  for (const { block, deltas } of blocks) {
    for (const [key, d] of deltas) {
      const before = current.has(key) ? current.get(key)! : previous.has(key) ? previous.get(key)! : base;
      const value = before === null ? null : before + d;
      current.set(key, value);
      steps.push({ key, block, value });
      last.set(key, { block, value });
    }
  }
  return { steps, last };
}
