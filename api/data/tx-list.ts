// A filtered transaction list, one keyset page at a time, in one statement (a time range
// becomes blocks inside it, by the timestamp index). Each shape reads an index in the list's
// order: an address's transactions walk address_transactions; internal calls and token
// transfers walk their own table (by the address's from/to indexes, or by block); the
// chain's and a block's transactions walk (block_number, tx_index), or with a method the
// selector index (migration 0010_tx_filters). Written with Kysely's builder only, so it runs
// unchanged on SQLite and PostgreSQL.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { TxDirection } from '../generated/graphql';
import type { TxRow } from '../models';
import type { TxFilter, TxScope } from './tx-filter';

/** Where a page starts: the (block, index) of the last row of the page before. */
export type TxKey = readonly [number, number];

/**
 * The block bounds of the scope, the block range and the time range, as conditions on a
 * block-number column. Block times never decrease along the chain, so a time range is a
 * block range: from the first block at or after `since` to the last at or before `until`,
 * each found by the timestamp index inside the same statement (none found: no rows).
 */
function blockBounds<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, db: Kysely<Database>, column: Expression<number>, scope: TxScope, f: TxFilter) {
  const all: Expression<SqlBool>[] = [];
  for (const lo of [scope.block, f.fromBlock]) if (lo !== undefined) all.push(eb(column, '>=', lo));
  for (const hi of [scope.block, f.toBlock]) if (hi !== undefined) all.push(eb(column, '<=', hi));
  const blocks = db.selectFrom('blocks').select('number').limit(1);
  if (f.since !== undefined) all.push(eb(column, '>=', blocks.where('timestamp', '>=', f.since).orderBy('timestamp').orderBy('number')));
  if (f.until !== undefined) all.push(eb(column, '<=', blocks.where('timestamp', '<=', f.until).orderBy('timestamp', 'desc').orderBy('number', 'desc')));
  return all;
}

const bounded = (scope: TxScope, f: TxFilter) =>
  scope.block !== undefined || f.fromBlock !== undefined || f.toBlock !== undefined || f.since !== undefined || f.until !== undefined;

/**
 * Conditions on one record's two sides (a transaction's sender and recipient, a call's, a
 * transfer's): the direction seen from `address`, and the counterparty. `to` is never null
 * (a missing recipient reads as ''), so `<>` keeps its plain meaning.
 */
function sides<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  from: Expression<string>,
  to: Expression<string>,
  address: string | undefined,
  direction: TxDirection | undefined,
  counterparty: string | undefined,
): Expression<SqlBool>[] {
  const all: Expression<SqlBool>[] = [];
  if (address !== undefined && direction === 'OUT') all.push(eb(from, '=', address), eb(to, '<>', address));
  if (address !== undefined && direction === 'IN') all.push(eb(to, '=', address), eb(from, '<>', address));
  if (address !== undefined && direction === 'SELF') all.push(eb(from, '=', address), eb(to, '=', address));
  if (counterparty !== undefined) {
    all.push(
      address !== undefined
        ? eb.or([eb.and([eb(from, '=', address), eb(to, '=', counterparty)]), eb.and([eb(from, '=', counterparty), eb(to, '=', address)])])
        : eb.or([eb(from, '=', counterparty), eb(to, '=', counterparty)]),
    );
  }
  return all;
}

type TxEb = ExpressionBuilder<Database & { t: Database['transactions'] }, 't'>;

/**
 * The calldata's selector is one of these: the expression of the selector index, and its
 * condition (a call, not a plain transfer) as a literal, which a partial index needs to see.
 */
const methodMatch = (eb: TxEb, selectors: string[]) =>
  eb.and([eb('t.input', '<>', sql.lit('0x')), eb(eb.fn<string>('substr', ['t.input', eb.lit(1), eb.lit(10)]), 'in', selectors)]);

/**
 * The kind's own table, where a transaction's internal calls or token transfers are. Both
 * have the columns this module reads (block_number, tx_index, from_address, to_address), so
 * either is named as internal_transactions for the type checker.
 */
const linkTable = (kind: 'INTERNAL' | 'TOKEN') =>
  (kind === 'INTERNAL' ? 'internal_transactions as l' : 'token_transfers as l') as 'internal_transactions as l';

/**
 * Up to `limit` transactions of the scope that pass the filter, after `after`: newest first,
 * or a block's in block order.
 */
export async function filteredTxs(db: Kysely<Database>, scope: TxScope, f: TxFilter, after: TxKey | undefined, limit: number): Promise<TxRow[]> {
  const ranged = bounded(scope, f);
  const order = scope.block !== undefined ? 'asc' : 'desc';
  // The chain's list narrowed to a counterparty is that address's list.
  const driver = scope.address ?? (scope.block === undefined ? f.counterparty : undefined);
  const counterparty = scope.address !== undefined || driver === undefined ? f.counterparty : undefined;
  const { method } = f;

  if (driver !== undefined && f.kind === 'NORMAL') {
    let q = db
      .selectFrom('address_transactions as a')
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'a.block_number').onRef('t.tx_index', '=', 'a.tx_index'))
      .selectAll('t')
      .where('a.address', '=', driver)
      .orderBy('a.block_number', 'desc')
      .orderBy('a.tx_index', 'desc')
      .limit(limit);
    if (ranged) q = q.where((eb) => eb.and(blockBounds(eb, db, eb.ref('a.block_number'), scope, f)));
    if (after) q = q.where((eb) => eb(eb.refTuple('a.block_number', 'a.tx_index'), '<', eb.tuple(after[0], after[1])));
    if (f.direction || counterparty) {
      q = q.where((eb) => eb.and(sides(eb, eb.ref('t.from_address'), eb.fn.coalesce('t.to_address', 't.contract_address', eb.val('')), driver, f.direction, counterparty)));
    }
    if (method) q = q.where((eb) => methodMatch(eb, method));
    return q.execute();
  }

  if (f.kind !== 'NORMAL') {
    // The transactions of the calls or transfers that pass: an address's by its from/to
    // indexes (the side the direction names, or both), otherwise by block.
    let keys = db
      .selectFrom(linkTable(f.kind))
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'l.block_number').onRef('t.tx_index', '=', 'l.tx_index'))
      .select(['l.block_number', 'l.tx_index'])
      .distinct()
      .orderBy('l.block_number', order)
      .orderBy('l.tx_index', order)
      .limit(limit);
    if (driver !== undefined) {
      keys = keys.where((eb) =>
        f.direction === 'IN' ? eb('l.to_address', '=', driver) : f.direction ? eb('l.from_address', '=', driver) : eb.or([eb('l.from_address', '=', driver), eb('l.to_address', '=', driver)]),
      );
    }
    if (ranged) keys = keys.where((eb) => eb.and(blockBounds(eb, db, eb.ref('l.block_number'), scope, f)));
    if (after) {
      keys = order === 'asc'
        ? keys.where('l.tx_index', '>', after[1])
        : keys.where((eb) => eb(eb.refTuple('l.block_number', 'l.tx_index'), '<', eb.tuple(after[0], after[1])));
    }
    if (f.direction || counterparty) {
      keys = keys.where((eb) => eb.and(sides(eb, eb.ref('l.from_address'), eb.fn.coalesce('l.to_address', eb.val('')), driver, f.direction, counterparty)));
    }
    if (method) keys = keys.where((eb) => methodMatch(eb, method));
    return db
      .selectFrom(keys.as('k'))
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'k.block_number').onRef('t.tx_index', '=', 'k.tx_index'))
      .selectAll('t')
      .orderBy('t.block_number', order)
      .orderBy('t.tx_index', order)
      .execute();
  }

  // The chain's or a block's transactions, in order.
  let q = db.selectFrom('transactions as t').selectAll('t').orderBy('t.block_number', order).orderBy('t.tx_index', order).limit(limit);
  if (ranged) q = q.where((eb) => eb.and(blockBounds(eb, db, eb.ref('t.block_number'), scope, f)));
  if (after) {
    q = order === 'asc'
      ? q.where('t.tx_index', '>', after[1])
      : q.where((eb) => eb(eb.refTuple('t.block_number', 't.tx_index'), '<', eb.tuple(after[0], after[1])));
  }
  if (method) q = q.where((eb) => methodMatch(eb, method));
  if (counterparty) q = q.where((eb) => eb.and(sides(eb, eb.ref('t.from_address'), eb.fn.coalesce('t.to_address', 't.contract_address', eb.val('')), undefined, undefined, counterparty)));
  return q.execute();
}
