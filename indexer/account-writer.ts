// Writes and rollbacks of the accounts-and-tokens tables, called from writer.ts inside the
// batch's (or the rollback's) transaction. History tables are appended to; the current
// tables (account_balances, token_holdings, tokens' counters and supply) follow the
// history, and a rollback rebuilds the rows it touched from what history remains, so the
// result equals a fresh index.
import { CompiledQuery } from 'kysely';
import type { Db } from '../db/connect';
import type { Dialect } from '../db/dialect';
import { blockKeyedTables } from '../db/schema';
import { runningSums, type AccountTokenRows } from './account-rows';
import { splitHoldingKey, holdingKey } from './enrich';
import { inserter, type Insert, type Q } from './insert';
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

const ph = (dialect: Dialect, n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => (dialect === 'postgres' ? `$${from + i}` : '?')).join(', ');
const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const exec = (trx: Q, text: string, params: unknown[] = []) => trx.executeQuery(CompiledQuery.raw(text, params));

/** Of `addresses`, those that already have a tokens row. */
async function existingTokens(trx: Q, dialect: Dialect, addresses: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(addresses)) {
    const r = await exec(trx, `select "address" from "tokens" where "address" in (${ph(dialect, part.length)})`, part);
    for (const row of r.rows as { address: string }[]) out.add(row.address);
  }
  return out;
}

/** Current values of `keys` in one column of a table keyed by one column, chunked. */
async function currentValues(trx: Q, dialect: Dialect, table: string, keyColumn: string, valueColumn: string, keys: string[]): Promise<Map<string, bigint | null>> {
  const out = new Map<string, bigint | null>();
  for (const part of chunks(keys)) {
    const r = await exec(trx, `select "${keyColumn}" as k, "${valueColumn}" as v from "${table}" where "${keyColumn}" in (${ph(dialect, part.length)})`, part);
    for (const row of r.rows as { k: string; v: unknown }[]) out.set(row.k, row.v == null ? null : BigInt(String(row.v)));
  }
  return out;
}

export interface AccountWriteOptions {
  /** The index starts at block 0: an address or token the database has not seen held nothing before. */
  zeroBase: boolean;
}

/** Write one batch's accounts-and-tokens rows. */
export async function writeAccountTokens(trx: Q, db: Pick<Db, 'dialect' | 'sqlite'>, r: AccountTokenRows, opts: AccountWriteOptions): Promise<void> {
  const { dialect } = db;
  const insert = inserter(trx, db);
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
  const coin = runningSums(await currentValues(trx, dialect, 'account_balances', 'address', 'balance', addresses), r.coin, 0n);
  if (coin.steps.length) {
    await insert('coin_balances', C.coin_balances, coin.steps.map((s) => ({ address: s.key, block_number: s.block, balance: String(s.value) })));
    await upsertBalances(insert, [...coin.last].map(([address, l]) => ({ address, block_number: l.block, balance: String(l.value) })));
  }

  const issues: { token: string; block_number: number; issue: TokenIssue }[] = [];
  const touched = [...new Set([...r.transferCounts.keys(), ...r.newTokens.map((t) => t.address)])].sort();
  const existing = await existingTokens(trx, dialect, touched);
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
    await exec(trx, `update "tokens" set "transfer_count" = "transfer_count" + ${ph(dialect, 1)} where "address" = ${ph(dialect, 1, 2)}`, [count, token]);
  }

  // Supplies: minted less burned, on top of what the database holds. A token first seen now
  // started at 0 when the index starts at block 0; otherwise its supply is unknown until the
  // head check reads totalSupply().
  const supplyTokens = [...new Set(r.supplies.flatMap((b) => [...b.deltas.keys()]))];
  const held = await currentValues(trx, dialect, 'tokens', 'address', 'total_supply', supplyTokens);
  for (const t of inserted) held.delete(t); // a token first seen now starts from the base, not from its row's null
  const supply = runningSums(held, r.supplies, opts.zeroBase ? 0n : null);
  if (supply.steps.length) {
    await insert('token_supplies', C.token_supplies, supply.steps.map((s) => ({ token: s.key, block_number: s.block, total_supply: s.value === null ? null : String(s.value) })));
    for (const [token, l] of supply.last) {
      await exec(trx, `update "tokens" set "total_supply" = ${ph(dialect, 1)} where "address" = ${ph(dialect, 1, 2)}`, [l.value === null ? null : String(l.value), token]);
    }
  }

  const holders = await writeHoldings(trx, dialect, insert, r);
  if (issues.length) await insert('token_issues', C.token_issues, issues, ' on conflict do nothing');
  await addHolderCounts(trx, dialect, holders);
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

export async function addHolderCounts(trx: Q, dialect: Dialect, changes: Map<string, number>): Promise<void> {
  for (const [token, change] of changes) {
    if (change !== 0) await exec(trx, `update "tokens" set "holder_count" = "holder_count" + ${ph(dialect, 1)} where "address" = ${ph(dialect, 1, 2)}`, [change, token]);
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
export async function heldBefore(trx: Q, dialect: Dialect, keys: string[]): Promise<Map<string, string>> {
  const previous = new Map<string, string>();
  if (!keys.length) return previous;
  const tokens = [...new Set(keys.map((k) => splitHoldingKey(k).token))];
  const holders = [...new Set(keys.map((k) => splitHoldingKey(k).holder))];
  for (const part of chunks(holders)) {
    const res = await exec(
      trx,
      `select "token", "holder", "token_id", "balance" from "token_holdings" where "token" in (${ph(dialect, tokens.length)}) and "holder" in (${ph(dialect, part.length, tokens.length + 1)})`,
      [...tokens, ...part],
    );
    for (const row of res.rows as { token: string; holder: string; token_id: string; balance: unknown }[]) {
      previous.set(holdingKey(row.token, row.holder, row.token_id), String(row.balance));
    }
  }
  return previous;
}

/** Set holdings to their final balances (a zero holding is removed); returns each token's change in holder count. */
export async function setHoldings(trx: Q, dialect: Dialect, insert: Insert, previous: Map<string, string>, final: Map<string, { block: number; balance: string }>): Promise<Map<string, number>> {
  const upserts: Record<string, unknown>[] = [];
  for (const [key, { block, balance }] of final) {
    const { token, holder, tokenId } = splitHoldingKey(key);
    if (balance === '0') {
      await exec(trx, `delete from "token_holdings" where "token" = ${ph(dialect, 1)} and "holder" = ${ph(dialect, 1, 2)} and "token_id" = ${ph(dialect, 1, 3)}`, [token, holder, tokenId]);
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
async function writeHoldings(trx: Q, dialect: Dialect, insert: Insert, r: AccountTokenRows): Promise<Map<string, number>> {
  const keys = [...new Set(r.holdings.flatMap((b) => [...b.deltas.keys()]))];
  if (!keys.length) return new Map();
  const previous = await heldBefore(trx, dialect, keys);
  const sums = runningSums(new Map([...previous].map(([k, v]) => [k, BigInt(v)])), r.holdings, 0n);
  await insert('token_balances', ACCOUNT_COLUMNS.token_balances, sums.steps.map((s) => {
    const { token, holder, tokenId } = splitHoldingKey(s.key);
    return { token, holder, token_id: tokenId, block_number: s.block, balance: String(s.value) };
  }));
  const final = new Map([...sums.last].map(([k, l]) => [k, { block: l.block, balance: String(l.value) }]));
  return setHoldings(trx, dialect, insert, previous, final);
}

/** holder_count = distinct holders with a non-zero balance (token_holdings keeps only those). */
async function recountHolders(trx: Q, dialect: Dialect, tokens: string[]): Promise<void> {
  for (const part of chunks(tokens)) {
    await exec(
      trx,
      `update "tokens" set "holder_count" = (select count(distinct "holder") from "token_holdings" h where h."token" = "tokens"."address") where "address" in (${ph(dialect, part.length)})`,
      part,
    );
  }
}

async function column(trx: Q, text: string, params: unknown[]): Promise<string[]> {
  const r = await exec(trx, text, params);
  return (r.rows as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
}

/**
 * Undo the accounts-and-tokens rows of every block above `ancestor`, and rebuild the
 * current rows they changed from the history that remains. Call inside the rollback's
 * transaction, before the blocks themselves are deleted.
 */
export async function rollbackAccountTokens(trx: Q, dialect: Dialect, ancestor: number): Promise<void> {
  const a = ph(dialect, 1);
  // One plain statement per row: a rollback is rare and small, so no prepared or bulk path.
  const insert: Insert = async (table, columns, rows, suffix = '') => {
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${ph(dialect, columns.length)})${suffix}`;
    for (const row of rows) await trx.executeQuery(CompiledQuery.raw(text, columns.map((c) => row[c] ?? null)));
    return [];
  };
  const addresses = await column(trx, `select distinct "address" from "coin_balances" where "block_number" > ${a}`, [ancestor]);
  const holdingKeys = await exec(trx, `select distinct "token", "holder", "token_id" from "token_balances" where "block_number" > ${a}`, [ancestor]);
  const tokens = await column(
    trx,
    `select "token" from "token_transfers" where "block_number" > ${a} union select "token" from "token_supplies" where "block_number" > ${a}` +
      ` union select "token" from "token_balances" where "block_number" > ${a}`,
    dialect === 'postgres' ? [ancestor] : [ancestor, ancestor, ancestor],
  );
  for (const t of ACCOUNT_HISTORY_TABLES) await exec(trx, `delete from "${t.name}" where "${t.column}" > ${a}`, [ancestor]);
  await exec(trx, `delete from "tokens" where "first_seen_block" > ${a}`, [ancestor]);

  // Native balances: back to each address's latest remaining record.
  await exec(trx, `delete from "account_balances" where "block_number" > ${a}`, [ancestor]);
  for (const part of chunks(addresses)) {
    const r = await exec(
      trx,
      `select c."address", c."block_number", c."balance" from "coin_balances" c where c."address" in (${ph(dialect, part.length)})` +
        ` and c."block_number" = (select max(c2."block_number") from "coin_balances" c2 where c2."address" = c."address")`,
      part,
    );
    const rows = (r.rows as { address: string; block_number: unknown; balance: unknown }[]).map((x) => ({
      address: x.address, block_number: Number(x.block_number), balance: String(x.balance), sort_key: sortKey(String(x.balance)),
    }));
    if (rows.length) await insert('account_balances', ACCOUNT_COLUMNS.account_balances, rows);
  }

  // Token holdings: back to each holding's latest remaining readable balance (none when zero).
  for (const row of holdingKeys.rows as { token: string; holder: string; token_id: string }[]) {
    const key = [row.token, row.holder, row.token_id];
    await exec(trx, `delete from "token_holdings" where "token" = ${a} and "holder" = ${ph(dialect, 1, 2)} and "token_id" = ${ph(dialect, 1, 3)}`, key);
    const r = await exec(
      trx,
      `select "block_number", "balance" from "token_balances" where "token" = ${a} and "holder" = ${ph(dialect, 1, 2)} and "token_id" = ${ph(dialect, 1, 3)}` +
        ` and "balance" is not null order by "block_number" desc limit 1`,
      key,
    );
    const last = r.rows[0] as { block_number: unknown; balance: unknown } | undefined;
    if (last && String(last.balance) !== '0') {
      await insert('token_holdings', ACCOUNT_COLUMNS.token_holdings, [{
        token: row.token, holder: row.holder, token_id: row.token_id, block_number: Number(last.block_number),
        balance: String(last.balance), sort_key: sortKey(String(last.balance)),
      }]);
    }
  }

  // Token counters and supply, recomputed for the tokens that remain.
  for (const token of tokens) {
    const t = ph(dialect, 1);
    await exec(
      trx,
      `update "tokens" set "transfer_count" = (select count(*) from "token_transfers" x where x."token" = "tokens"."address"),` +
        ` "total_supply" = (select s."total_supply" from "token_supplies" s where s."token" = "tokens"."address" order by s."block_number" desc limit 1)` +
        ` where "address" = ${t}`,
      [token],
    );
  }
  await recountHolders(trx, dialect, tokens);
}
