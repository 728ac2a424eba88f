// Balances are sums of deltas; the head is where the node can say whether they are right.
// At the block the index has reached, read the node's native balances, balanceOf of the
// holdings and totalSupply of the tokens, and where a sum differs, log it and let the
// node's value win: a correction row at that block, the current tables set to it, and for
// tokens the issue that their events disagree with their balances.
import { sql, type RawBuilder } from 'kysely';
import type { Logger } from 'pino';
import type { Db, Q } from '../db/engine';
import { addHolderCounts, heldBefore, setHoldings, upsertBalances } from './account-writer';
import { holdingKey, splitHoldingKey } from './enrich';
import { nodeHead, type BlockFetcher } from './fetch';
import type { RpcCall, RpcResult } from './rpc';
import { isStateUnavailable } from './state-errors';
import { callData, decodeUint, SELECTOR } from './tokens';
import { RetryableError } from './backoff';

/** What to check: addresses, holding keys, tokens. */
export interface CheckTargets {
  addresses: string[];
  holdings: string[];
  tokens: string[];
}

export interface HeadValues {
  block: number;
  balances: Map<string, bigint>;
  /** balanceOf; null when the token would not answer. */
  holdings: Map<string, bigint | null>;
  /** totalSupply(); null when the token has none. */
  supplies: Map<string, bigint | null>;
}

export interface Corrections {
  balances: number;
  holdings: number;
  supplies: number;
}

/**
 * The node's values at the block `block` / `hash`, or null when it no longer has that
 * block's state, or no longer has that block at all (a reorg: the sync's tip check rolls
 * back next). Asked by hash (EIP-1898), so a block replaced at the same height is never
 * taken for ours. A skipped check is never retried as if the node were down.
 */
export async function readHeadValues(fetcher: Pick<BlockFetcher, 'batched'>, block: number, hash: string, t: CheckTargets): Promise<HeadValues | null> {
  // anvil answers a read of its newest block from its live state, so a block mined during
  // the read leaks into it. A read is only trusted if the node's head was past `block`
  // before it began, or had not passed it when it ended; otherwise read again, which is
  // then a read of a past block.
  for (;;) {
    const before = await nodeHead(fetcher);
    const values = await readValues(fetcher, block, hash, t);
    if (before > block || (await nodeHead(fetcher)) <= block) return values;
  }
}

async function readValues(fetcher: Pick<BlockFetcher, 'batched'>, block: number, hash: string, t: CheckTargets): Promise<HeadValues | null> {
  const tag = { blockHash: hash };
  const calls: RpcCall[] = [
    ...t.addresses.map((a) => ({ method: 'eth_getBalance', params: [a, tag] })),
    ...t.holdings.map((k) => {
      const { token, holder, tokenId } = splitHoldingKey(k);
      return { method: 'eth_call', params: [{ to: token, data: tokenId === '' ? callData.balanceOf(holder) : callData.balanceOf1155(holder, tokenId) }, tag] };
    }),
    ...t.tokens.map((token) => ({ method: 'eth_call', params: [{ to: token, data: SELECTOR.totalSupply }, tag] })),
  ];
  if (!calls.length) return { block, balances: new Map(), holdings: new Map(), supplies: new Map() };
  const results = await fetcher.batched(calls);
  if (results.some((r) => r.error && (isStateUnavailable(r.error.message) || BLOCK_GONE.test(r.error.message)))) return null;
  const uint = (r: RpcResult) => {
    const d = r.error || typeof r.result !== 'string' ? null : decodeUint(r.result);
    return d === null ? null : BigInt(d);
  };
  const out: HeadValues = { block, balances: new Map(), holdings: new Map(), supplies: new Map() };
  let i = 0;
  for (const a of t.addresses) {
    const r = results[i++]!;
    if (r.error || typeof r.result !== 'string') throw new RetryableError(`eth_getBalance(${a}, ${hash}) failed: ${r.error?.message ?? 'no result'}`);
    out.balances.set(a, BigInt(r.result));
  }
  for (const k of t.holdings) out.holdings.set(k, uint(results[i++]!));
  for (const token of t.tokens) out.supplies.set(token, uint(results[i++]!));
  return out;
}

/** How nodes say a block hash is not (or no longer) on their chain. */
const BLOCK_GONE = /block not found|unknown block|not found/i;

/** The `k` -> `v` rows of `query` for `keys`, asked 500 at a time (`query` gets the list for its `in (…)`). */
async function current(trx: Q, query: (list: RawBuilder<unknown>) => RawBuilder<{ k: string; v: unknown }>, keys: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < keys.length; i += 500) {
    const r = await query(sql.join(keys.slice(i, i + 500))).execute(trx);
    for (const row of r.rows) out.set(row.k, row.v == null ? null : String(row.v));
  }
  return out;
}

/** Hold the index against the node's values; returns how many of each it corrected. */
export async function applyHeadCheck(trx: Q, { engine }: Pick<Db, 'engine'>, v: HeadValues, logger: Logger): Promise<Corrections> {
  const insert = engine.inserter(trx);
  const fixed: Corrections = { balances: 0, holdings: 0, supplies: 0 };
  const upsertAt = (conflict: string[], update: string) =>
    ` on conflict (${conflict.map((c) => `"${c}"`).join(', ')}) do update set "${update}" = excluded."${update}"`;

  const held = await current(trx, (list) => sql`select "address" as k, "balance" as v from "account_balances" where "address" in (${list})`, [...v.balances.keys()]);
  const balanceFixes: { address: string; block_number: number; balance: string }[] = [];
  for (const [address, node] of v.balances) {
    const ours = held.get(address);
    if (ours !== undefined && ours !== null && BigInt(ours) === node) continue;
    balanceFixes.push({ address, block_number: v.block, balance: node.toString() });
    logger.warn({ address, block: v.block, indexed: ours ?? null, node: node.toString() }, 'native balance differs from the node at the head; the node wins');
  }
  if (balanceFixes.length) {
    await insert('coin_balances', ['address', 'block_number', 'balance'], balanceFixes, upsertAt(['address', 'block_number'], 'balance'));
    await upsertBalances(insert, balanceFixes);
    fixed.balances = balanceFixes.length;
  }

  const holdingKeys = [...v.holdings.keys()];
  if (holdingKeys.length) {
    const previous = await heldBefore(trx, holdingKeys);
    const final = new Map<string, { block: number; balance: string }>();
    const issues: { token: string; block_number: number; issue: string }[] = [];
    for (const [key, node] of v.holdings) {
      const { token } = splitHoldingKey(key);
      if (node === null) {
        issues.push({ token, block_number: v.block, issue: 'BALANCE_UNREADABLE' });
        continue;
      }
      if (BigInt(previous.get(key) ?? '0') === node) continue;
      final.set(key, { block: v.block, balance: node.toString() });
      issues.push({ token, block_number: v.block, issue: 'EVENTS_DISAGREE_WITH_BALANCES' });
      logger.warn({ holding: key, block: v.block, indexed: previous.get(key) ?? '0', node: node.toString() }, 'token balance differs from balanceOf at the head; balanceOf wins');
    }
    if (final.size) {
      await insert(
        'token_balances',
        ['token', 'holder', 'token_id', 'block_number', 'balance'],
        [...final].map(([key, f]) => {
          const { token, holder, tokenId } = splitHoldingKey(key);
          return { token, holder, token_id: tokenId, block_number: f.block, balance: f.balance };
        }),
        upsertAt(['token', 'holder', 'token_id', 'block_number'], 'balance'),
      );
      await addHolderCounts(trx, await setHoldings(trx, insert, previous, final));
      fixed.holdings = final.size;
    }
    if (issues.length) await insert('token_issues', ['token', 'block_number', 'issue'], issues, ' on conflict do nothing');
  }

  const supplies = await current(trx, (list) => sql`select "address" as k, "total_supply" as v from "tokens" where "address" in (${list})`, [...v.supplies.keys()]);
  for (const [token, node] of v.supplies) {
    const ours = supplies.get(token);
    // A token with no readable totalSupply() has no supply to show: the sum of its events is
    // not one the token stands by (an ERC-1155's ids are of different things; a liar's events lie).
    if (node === null ? ours == null : ours != null && BigInt(ours) === node) continue;
    const value = node === null ? null : node.toString();
    await insert('token_supplies', ['token', 'block_number', 'total_supply'], [{ token, block_number: v.block, total_supply: value }],
      upsertAt(['token', 'block_number'], 'total_supply'));
    await sql`update "tokens" set "total_supply" = ${value} where "address" = ${token}`.execute(trx);
    // A supply that was unknown (the index did not start at block 0) is learnt, not corrected.
    if (ours != null && node !== null) {
      fixed.supplies++;
      await insert('token_issues', ['token', 'block_number', 'issue'], [{ token, block_number: v.block, issue: 'EVENTS_DISAGREE_WITH_BALANCES' }], ' on conflict do nothing');
      logger.warn({ token, block: v.block, indexed: ours, node: value }, 'token supply differs from totalSupply() at the head; totalSupply() wins');
    }
  }
  return fixed;
}

/** Every address, holding and token the index holds, for the full check on first catching up. */
export async function allTargets(q: Q): Promise<CheckTargets> {
  const addresses = (await q.selectFrom('account_balances').select('address').orderBy('address').execute()).map((r) => r.address);
  const holdings = (await q.selectFrom('token_holdings').select(['token', 'holder', 'token_id']).orderBy('token').orderBy('holder').orderBy('token_id').execute())
    .map((r) => holdingKey(r.token, r.holder, r.token_id));
  const tokens = (await q.selectFrom('tokens').select('address').orderBy('address').execute()).map((r) => r.address);
  return { addresses, holdings, tokens };
}
