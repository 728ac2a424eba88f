// Writes and rollbacks of the accounts-and-tokens tables, called from writer.ts inside the
// batch's (or the rollback's) transaction. History tables are appended to; the current
// tables (account_balances, token_holdings, tokens' counters and supply) follow the
// history, and a rollback rebuilds the rows it touched from what history remains, so the
// result equals a fresh index.
import { sql } from 'kysely';
import type { Engine, Insert, Q } from '../db/engine';
import { insertHead } from '../db/insert-head';
import { blockKeyedTables } from '../db/schema';
import { runningSums, type AccountTokenRows } from './account-rows';
import { splitHoldingKey, holdingKey } from './enrich';
import { sortKey, type TokenIssue } from './tokens';

export const ACCOUNT_COLUMNS = {
  coin_balances: ['address', 'block_number', 'balance'],
  account_balances: ['address', 'block_number', 'balance', 'sort_key'],
  tokens: ['address', 'type', 'name', 'symbol', 'decimals', 'total_supply', 'holder_count', 'transfer_count', 'first_seen_block'],
  token_supplies: ['token', 'block_number', 'total_supply'],
  token_issues: ['token', 'block_number', 'issue'],
  token_transfers: [
    'block_number', 'log_index', 'batch_index', 'tx_hash', 'tx_index', 'timestamp', 'token', 'type', 'from_address', 'to_address',
    'value', 'token_id',
  ],
  token_balances: ['token', 'holder', 'token_id', 'block_number', 'balance'],
  token_holdings: ['token', 'holder', 'token_id', 'block_number', 'balance', 'sort_key'],
  internal_transactions: [
    'block_number', 'tx_index', 'idx', 'tx_hash', 'timestamp', 'trace_address', 'depth', 'call_type', 'from_address', 'to_address',
    'value', 'gas_used', 'error',
  ],
  traced_blocks: ['block_number'],
} as const;

/** Tables of history rows keyed by block number: a rollback deletes above the ancestor. */
const ACCOUNT_HISTORY_TABLES = blockKeyedTables((group) => group === 'accounts');

const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Of `addresses`, those that already have a tokens row. */
async function existingTokens(trx: Q, addresses: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(addresses)) {
    const r = await sql<{ address: string }>`select "address" from "tokens" where "address" in (${sql.join(part)})`.execute(trx);
    for (const row of r.rows) out.add(row.address);
  }
  return out;
}

/** Current values of `keys` in one column of a table keyed by one column, chunked. */
async function currentValues(trx: Q, table: string, keyColumn: string, valueColumn: string, keys: string[]): Promise<Map<string, bigint | null>> {
  const out = new Map<string, bigint | null>();
  for (const part of chunks(keys)) {
    const r = await sql<{ k: string; v: unknown }>`select ${sql.ref(keyColumn)} as k, ${sql.ref(valueColumn)} as v from ${sql.table(table)} where ${sql.ref(keyColumn)} in (${sql.join(part)})`.execute(trx);
    for (const row of r.rows) out.set(row.k, row.v == null ? null : BigInt(String(row.v)));
  }
  return out;
}

export interface AccountWriteOptions {
  /** The index starts at block 0: an address or token the database has not seen held nothing before. */
  zeroBase: boolean;
}

/** Write one batch's accounts-and-tokens rows. */
export async function writeAccountTokens(trx: Q, engine: Engine, r: AccountTokenRows, opts: AccountWriteOptions): Promise<void> {
  const insert = engine.inserter(trx);
  const C = ACCOUNT_COLUMNS;
  const plain: [keyof typeof C, readonly Record<string, unknown>[]][] = [
    ['token_transfers', r.tokenTransfers],
    ['internal_transactions', r.internal],
    ['traced_blocks', r.traced],
  ];
  for (const [table, rows] of plain) if (rows.length) await insert(table, C[table], rows);

  // Native balances: what the database holds plus the batch's deltas. An address never
  // seen held nothing before, which the genesis allocations at block 0 make true from the start.
  const addresses = [...new Set(r.coin.flatMap((b) => [...b.deltas.keys()]))];
  const coin = runningSums(await currentValues(trx, 'account_balances', 'address', 'balance', addresses), r.coin, 0n);
  if (coin.steps.length) {
    await insert('coin_balances', C.coin_balances, coin.steps.map((s) => ({ address: s.key, block_number: s.block, balance: String(s.value) })));
    await upsertBalances(insert, [...coin.last].map(([address, l]) => ({ address, block_number: l.block, balance: String(l.value) })));
  }

  const issues: { token: string; block_number: number; issue: TokenIssue }[] = [];
  const touched = [...new Set([...r.transferCounts.keys(), ...r.newTokens.map((t) => t.address)])].sort();
  const existing = await existingTokens(trx, touched);
  const inserted = new Set<string>();
  for (const t of r.newTokens) {
    if (existing.has(t.address)) continue; // seen by an earlier batch still in flight when this one was fetched
    existing.add(t.address);
    inserted.add(t.address);
    const m = t.meta;
    await insert('tokens', C.tokens, [{
      address: t.address, type: m.type, name: m.name, symbol: m.symbol, decimals: m.decimals, total_supply: null,
      holder_count: 0, transfer_count: 0, first_seen_block: t.firstSeenBlock,
    }]);
    for (const issue of m.issues) issues.push({ token: t.address, block_number: t.firstSeenBlock, issue });
  }
  for (const [token, { count }] of r.transferCounts) {
    await sql`update "tokens" set "transfer_count" = "transfer_count" + ${count} where "address" = ${token}`.execute(trx);
  }

  // Supplies: minted less burned, on top of what the database holds. A token first seen now
  // started at 0 when the index starts at block 0; otherwise its supply is unknown until the
  // head check reads totalSupply().
  const supplyTokens = [...new Set(r.supplies.flatMap((b) => [...b.deltas.keys()]))];
  const held = await currentValues(trx, 'tokens', 'address', 'total_supply', supplyTokens);
  for (const t of inserted) held.delete(t); // a token first seen now starts from the base, not from its row's null
  const supply = runningSums(held, r.supplies, opts.zeroBase ? 0n : null);
  if (supply.steps.length) {
    await insert('token_supplies', C.token_supplies, supply.steps.map((s) => ({ token: s.key, block_number: s.block, total_supply: s.value === null ? null : String(s.value) })));
    for (const [token, l] of supply.last) {
      await sql`update "tokens" set "total_supply" = ${l.value === null ? null : String(l.value)} where "address" = ${token}`.execute(trx);
    }
  }

  const holders = await writeHoldings(trx, insert, r);
  if (issues.length) await insert('token_issues', C.token_issues, issues, ' on conflict do nothing');
  await addHolderCounts(trx, holders);
}

/** account_balances follows the newest coin_balances row of each address. */
export async function upsertBalances(insert: Insert, rows: { address: string; block_number: number; balance: string }[]): Promise<void> {
  if (!rows.length) return;
  await insert(
    'account_balances',
    ACCOUNT_COLUMNS.account_balances,
    rows.map((b) => ({ ...b, sort_key: sortKey(b.balance) })),
    ' on conflict ("address") do update set "block_number" = excluded."block_number", "balance" = excluded."balance", "sort_key" = excluded."sort_key"',
  );
}

export async function addHolderCounts(trx: Q, changes: Map<string, number>): Promise<void> {
  for (const [token, change] of changes) {
    if (change !== 0) await sql`update "tokens" set "holder_count" = "holder_count" + ${change} where "address" = ${token}`.execute(trx);
  }
}

/**
 * Per token, how many holders a batch adds (+) or removes (-): `before` holds the non-zero
 * balances of every id of each touched (token, holder) pair, `after` the final balance of
 * each holding the batch read ('0' when emptied). A holder counts once, whatever number of
 * ERC-1155 ids it holds. Counting the change, not recounting the token's holdings, keeps a
 * batch's cost independent of how many holders a token already has.
 */
export function holderCountChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Map<string, number> {
  // A (token, holder) pair is named by its holding key without an id.
  const pair = (key: string) => {
    const { token, holder } = splitHoldingKey(key);
    return holdingKey(token, holder, '');
  };
  const idsBefore = new Map<string, Set<string>>();
  for (const key of before.keys()) {
    const p = pair(key);
    let ids = idsBefore.get(p);
    if (!ids) idsBefore.set(p, (ids = new Set()));
    ids.add(key);
  }
  const idsAfter = new Map<string, Set<string>>();
  for (const [key, balance] of after) {
    const p = pair(key);
    let ids = idsAfter.get(p);
    if (!ids) idsAfter.set(p, (ids = new Set(idsBefore.get(p))));
    if (balance === '0') ids.delete(key);
    else ids.add(key);
  }
  const changes = new Map<string, number>();
  for (const [p, ids] of idsAfter) {
    const change = (ids.size > 0 ? 1 : 0) - ((idsBefore.get(p)?.size ?? 0) > 0 ? 1 : 0);
    const { token } = splitHoldingKey(p);
    changes.set(token, (changes.get(token) ?? 0) + change);
  }
  return changes;
}

/** The non-zero balances the database holds for every id of the (token, holder) pairs of `keys`. */
export async function heldBefore(trx: Q, keys: string[]): Promise<Map<string, string>> {
  const previous = new Map<string, string>();
  if (!keys.length) return previous;
  const tokens = [...new Set(keys.map((k) => splitHoldingKey(k).token))];
  const holders = [...new Set(keys.map((k) => splitHoldingKey(k).holder))];
  for (const part of chunks(holders)) {
    const res = await sql<{ token: string; holder: string; token_id: string; balance: unknown }>`select "token", "holder", "token_id", "balance" from "token_holdings"
      where "token" in (${sql.join(tokens)}) and "holder" in (${sql.join(part)})`.execute(trx);
    for (const row of res.rows) {
      previous.set(holdingKey(row.token, row.holder, row.token_id), String(row.balance));
    }
  }
  return previous;
}

/** Set holdings to their final balances (a zero holding is removed); returns each token's change in holder count. */
export async function setHoldings(trx: Q, insert: Insert, previous: Map<string, string>, final: Map<string, { block: number; balance: string }>): Promise<Map<string, number>> {
  const upserts: Record<string, unknown>[] = [];
  for (const [key, { block, balance }] of final) {
    const { token, holder, tokenId } = splitHoldingKey(key);
    if (balance === '0') {
      await sql`delete from "token_holdings" where "token" = ${token} and "holder" = ${holder} and "token_id" = ${tokenId}`.execute(trx);
    } else upserts.push({ token, holder, token_id: tokenId, block_number: block, balance, sort_key: sortKey(balance) });
  }
  if (upserts.length) {
    await insert(
      'token_holdings',
      ACCOUNT_COLUMNS.token_holdings,
      upserts,
      ' on conflict ("token", "holder", "token_id") do update set "block_number" = excluded."block_number", "balance" = excluded."balance", "sort_key" = excluded."sort_key"',
    );
  }
  return holderCountChanges(previous, new Map([...final].map(([k, v]) => [k, v.balance])));
}

/** Holdings move by the batch's transfers; token_balances keeps each one's value after every block that moved it. */
async function writeHoldings(trx: Q, insert: Insert, r: AccountTokenRows): Promise<Map<string, number>> {
  const keys = [...new Set(r.holdings.flatMap((b) => [...b.deltas.keys()]))];
  if (!keys.length) return new Map();
  const previous = await heldBefore(trx, keys);
  const sums = runningSums(new Map([...previous].map(([k, v]) => [k, BigInt(v)])), r.holdings, 0n);
  await insert('token_balances', ACCOUNT_COLUMNS.token_balances, sums.steps.map((s) => {
    const { token, holder, tokenId } = splitHoldingKey(s.key);
    return { token, holder, token_id: tokenId, block_number: s.block, balance: String(s.value) };
  }));
  const final = new Map([...sums.last].map(([k, l]) => [k, { block: l.block, balance: String(l.value) }]));
  return setHoldings(trx, insert, previous, final);
}

/** holder_count = distinct holders with a non-zero balance (token_holdings keeps only those). */
async function recountHolders(trx: Q, tokens: string[]): Promise<void> {
  for (const part of chunks(tokens)) {
    await sql`update "tokens" set "holder_count" = (select count(distinct "holder") from "token_holdings" h where h."token" = "tokens"."address")
      where "address" in (${sql.join(part)})`.execute(trx);
  }
}

/**
 * Undo the accounts-and-tokens rows of every block above `ancestor`, and rebuild the
 * current rows they changed from the history that remains. Call inside the rollback's
 * transaction, before the blocks themselves are deleted.
 */
export async function rollbackAccountTokens(trx: Q, ancestor: number): Promise<void> {
  // One plain statement per row: a rollback is rare and small, so no prepared or bulk path.
  const insert: Insert = async (table, columns, rows, suffix = '') => {
    const head = sql.raw(insertHead(table, columns));
    for (const row of rows) await sql`${head}values (${sql.join(columns.map((c) => row[c] ?? null))})${sql.raw(suffix)}`.execute(trx);
    return [];
  };
  const addresses = (await sql<{ address: string }>`select distinct "address" from "coin_balances" where "block_number" > ${ancestor}`.execute(trx)).rows.map((x) => x.address);
  const holdingKeys = await sql<{ token: string; holder: string; token_id: string }>`select distinct "token", "holder", "token_id" from "token_balances" where "block_number" > ${ancestor}`.execute(trx);
  const tokens = (await sql<{ token: string }>`select "token" from "token_transfers" where "block_number" > ${ancestor}
    union select "token" from "token_supplies" where "block_number" > ${ancestor}
    union select "token" from "token_balances" where "block_number" > ${ancestor}`.execute(trx)).rows.map((x) => x.token);
  for (const t of ACCOUNT_HISTORY_TABLES) await sql`delete from ${sql.table(t.name)} where ${sql.ref(t.column)} > ${ancestor}`.execute(trx);
  await sql`delete from "tokens" where "first_seen_block" > ${ancestor}`.execute(trx);

  // Native balances: back to each address's latest remaining record.
  await sql`delete from "account_balances" where "block_number" > ${ancestor}`.execute(trx);
  for (const part of chunks(addresses)) {
    const r = await sql<{ address: string; block_number: unknown; balance: unknown }>`select c."address", c."block_number", c."balance" from "coin_balances" c
      where c."address" in (${sql.join(part)})
      and c."block_number" = (select max(c2."block_number") from "coin_balances" c2 where c2."address" = c."address")`.execute(trx);
    const rows = r.rows.map((x) => ({
      address: x.address, block_number: Number(x.block_number), balance: String(x.balance), sort_key: sortKey(String(x.balance)),
    }));
    if (rows.length) await insert('account_balances', ACCOUNT_COLUMNS.account_balances, rows);
  }

  // Token holdings: back to each holding's latest remaining readable balance (none when zero).
  for (const { token, holder, token_id } of holdingKeys.rows) {
    await sql`delete from "token_holdings" where "token" = ${token} and "holder" = ${holder} and "token_id" = ${token_id}`.execute(trx);
    const r = await sql<{ block_number: unknown; balance: unknown }>`select "block_number", "balance" from "token_balances"
      where "token" = ${token} and "holder" = ${holder} and "token_id" = ${token_id}
      and "balance" is not null order by "block_number" desc limit 1`.execute(trx);
    const last = r.rows[0];
    if (last && String(last.balance) !== '0') {
      await insert('token_holdings', ACCOUNT_COLUMNS.token_holdings, [{
        token, holder, token_id, block_number: Number(last.block_number),
        balance: String(last.balance), sort_key: sortKey(String(last.balance)),
      }]);
    }
  }

  // Token counters and supply, recomputed for the tokens that remain.
  for (const token of tokens) {
    await sql`update "tokens" set "transfer_count" = (select count(*) from "token_transfers" x where x."token" = "tokens"."address"),
      "total_supply" = (select s."total_supply" from "token_supplies" s where s."token" = "tokens"."address" order by s."block_number" desc limit 1)
      where "address" = ${token}`.execute(trx);
  }
  await recountHolders(trx, tokens);
}
