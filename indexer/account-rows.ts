// Enriched blocks -> the rows of the accounts-and-tokens tables. Pure, like rows.ts; every
// row is a function of one block, so the result does not depend on how blocks are batched.
import type { Insertable } from 'kysely';
import type {
  CoinBalancesTable, InternalTransactionsTable, TokenBalancesTable, TokenSuppliesTable, TokenTransfersTable, TokenTypeName,
} from '../db/schema';
import { holdingKey, splitHoldingKey } from './enrich';
import type { FetchedBlock } from './fetch';
import { ZERO_ADDRESS, type TokenMeta } from './tokens';

/** One read of a holding, with the net change the block's events claim for it. */
export interface HoldingStep {
  block: number;
  delta: bigint;
  read: string | null;
}

export interface NewToken {
  address: string;
  firstSeenBlock: number;
  meta: TokenMeta;
}

export interface AccountTokenRows {
  coinBalances: Insertable<CoinBalancesTable>[];
  /** The last balance of each address in the batch. */
  latestBalances: { address: string; block_number: number; balance: string }[];
  tokenTransfers: Insertable<TokenTransfersTable>[];
  tokenBalances: Insertable<TokenBalancesTable>[];
  /** totalSupply reads after mints and burns. */
  supplies: Insertable<TokenSuppliesTable>[];
  /** Tokens first seen in this batch (the writer keeps those the database does not have yet). */
  newTokens: NewToken[];
  /** Every token the batch's transfers touched, with how many transfers and the events' type. */
  transferCounts: Map<string, { count: number; type: TokenTypeName }>;
  /** Per holding touched, its reads in block order. */
  holdings: Map<string, HoldingStep[]>;
  internal: Insertable<InternalTransactionsTable>[];
  traced: { block_number: number }[];
}

const num = (h: string) => parseInt(h, 16);

export function buildAccountTokenRows(fetched: FetchedBlock[]): AccountTokenRows {
  const out: AccountTokenRows = {
    coinBalances: [], latestBalances: [], tokenTransfers: [], tokenBalances: [], supplies: [], newTokens: [],
    transferCounts: new Map(), holdings: new Map(), internal: [], traced: [],
  };
  const latest = new Map<string, { address: string; block_number: number; balance: string }>();
  for (const { block, extras } of fetched) {
    if (!extras) continue;
    const number = num(block.number);
    const timestamp = num(block.timestamp);
    for (const [address, balance] of extras.balances) {
      out.coinBalances.push({ address, block_number: number, balance });
      latest.set(address, { address, block_number: number, balance });
    }
    const deltas = new Map<string, bigint>();
    const addDelta = (key: string, d: bigint) => deltas.set(key, (deltas.get(key) ?? 0n) + d);
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
      if (t.from !== ZERO_ADDRESS) addDelta(holdingKey(t.token, t.from, id), -v);
      if (t.to !== ZERO_ADDRESS) addDelta(holdingKey(t.token, t.to, id), v);
    }
    for (const [key, read] of extras.tokenBalances) {
      const { token, holder, tokenId } = splitHoldingKey(key);
      out.tokenBalances.push({ token, holder, token_id: tokenId, block_number: number, balance: read });
      const steps = out.holdings.get(key) ?? [];
      out.holdings.set(key, steps);
      steps.push({ block: number, delta: deltas.get(key) ?? 0n, read });
    }
    for (const [token, supply] of extras.supplies) out.supplies.push({ token, block_number: number, total_supply: supply });
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
  out.latestBalances = [...latest.values()];
  return out;
}

export interface HoldingVerdict {
  /** The holding's last readable balance in the batch and its block; undefined when never readable. */
  last?: { block: number; balance: string };
  /** Blocks where balanceOf could not be read. */
  unreadable: number[];
  /** Blocks where balanceOf moved by something other than what the events said. */
  disagreeing: number[];
}

/**
 * Walk a holding's reads: `previous` is the balance the database holds for it (absent when
 * zero or never read). A change is only judged against a known non-zero previous balance,
 * the same rule whichever batch the previous read was in.
 */
export function judgeHolding(previous: string | undefined, steps: readonly HoldingStep[]): HoldingVerdict {
  const verdict: HoldingVerdict = { unreadable: [], disagreeing: [] };
  let known = previous;
  for (const s of steps) {
    if (s.read === null) {
      verdict.unreadable.push(s.block);
      known = undefined; // the change across an unreadable read cannot be judged
      continue;
    }
    if (known !== undefined && BigInt(known) + s.delta !== BigInt(s.read)) verdict.disagreeing.push(s.block);
    known = s.read === '0' ? undefined : s.read;
    verdict.last = { block: s.block, balance: s.read };
  }
  return verdict;
}
