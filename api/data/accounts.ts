// SQL for balances, tokens, token transfers and internal transactions: keyset
// pages and per-request loaders. Resolvers validate input and call these.
import DataLoader from 'dataloader';
import type { Context } from '../context';
import { accountBalances, indexedBalance, type AccountBalance } from '../balances/account-balance';
import type {
  InternalTransactionsTable, TokenHoldingsTable, TokensTable, TokenTransfersTable, TokenTypeName,
} from '../../db/schema';
import { badInput } from '../errors';
import * as v from '../validate';
import { connection } from './paging';

export type TokenRow = TokensTable;
export type HoldingRow = TokenHoldingsTable;
export type TransferRow = TokenTransfersTable;
export type InternalRow = InternalTransactionsTable;
/** One id of an ERC-721 or ERC-1155 token; owner is ERC-721's (null for ERC-1155). */
export interface InstanceRow {
  token: TokenRow;
  tokenId: string;
  owner: string | null;
  /** False for an id no indexed transfer names: its metadata is never fetched (anyone could ask for any number). */
  seen?: boolean;
}
export interface CoinBalanceRow {
  block_number: number;
  timestamp: number;
  balance: string;
  /** Change from the previous record; null until computed for the page. */
  delta: string;
}

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Per-request loaders of this domain, kept beside the request's context (no edit to it). */
const perRequest = new WeakMap<Context, ReturnType<typeof createLoaders>>();
export function loaders(ctx: Context) {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}

function group<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const r of rows) {
    const list = map.get(keyOf(r)) ?? [];
    list.push(r);
    map.set(keyOf(r), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}

function createLoaders({ db, head, nodeBalances }: Context) {
  return {
    balance: new DataLoader<string, AccountBalance | undefined>(async (addresses) => {
      const found = await accountBalances(db, addresses, head.current.indexedHead, nodeBalances);
      return addresses.map((a) => found.get(a));
    }),
    token: new DataLoader<string, TokenRow | undefined>(async (addresses) => {
      const rows = await db.selectFrom('tokens').selectAll().where('address', 'in', [...addresses]).execute();
      return group(addresses, rows, (r) => r.address).map((g) => g[0]);
    }),
    issues: new DataLoader<string, string[]>(async (tokens) => {
      const rows = await db.selectFrom('token_issues').select(['token', 'issue']).distinct().where('token', 'in', [...tokens]).orderBy('issue').execute();
      return group(tokens, rows, (r) => r.token).map((g) => g.map((r) => r.issue));
    }),
    transfersByTx: new DataLoader<string, TransferRow[]>(async (hashes) => {
      const rows = await db.selectFrom('token_transfers').selectAll().where('tx_hash', 'in', [...hashes])
        .orderBy('log_index').orderBy('batch_index').execute();
      return group(hashes, rows, (r) => r.tx_hash);
    }),
    internalByTx: new DataLoader<string, InternalRow[]>(async (hashes) => {
      const rows = await db.selectFrom('internal_transactions').selectAll().where('tx_hash', 'in', [...hashes]).orderBy('idx').execute();
      return group(hashes, rows, (r) => r.tx_hash);
    }),
    /**
     * The supply of one ERC-1155 id: the sum of its holdings. The index follows every
     * transfer of the token, so its holders are all here; ERC-1155 has no standard
     * per-id totalSupply to ask the contract. Balances are uint256, summed exactly here.
     */
    idSupply: new DataLoader<string, bigint>(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const rows = await db.selectFrom('token_holdings').select(['token', 'token_id', 'balance'])
        .where('token', 'in', [...new Set(pairs.map(([t]) => t))])
        .where('token_id', 'in', [...new Set(pairs.map(([, i]) => i))])
        .execute();
      const sums = new Map<string, bigint>();
      for (const r of rows) sums.set(`${r.token}|${r.token_id}`, (sums.get(`${r.token}|${r.token_id}`) ?? 0n) + BigInt(String(r.balance)));
      return keys.map((k) => sums.get(k) ?? 0n);
    }),
    traced: new DataLoader<number, boolean>(async (blocks) => {
      const rows = await db.selectFrom('traced_blocks').select('block_number').where('block_number', 'in', [...blocks]).execute();
      const set = new Set(rows.map((r) => Number(r.block_number)));
      return blocks.map((b) => set.has(b));
    }),
  };
}

/** Tokens, most holders first, then by address. */
export async function tokenPage(ctx: Context, type: TokenTypeName | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const n = v.pageSize(first);
  let q = ctx.db.selectFrom('tokens').selectAll().orderBy('holder_count', 'desc').orderBy('address').limit(n + 1);
  if (type) q = q.where('type', '=', type);
  if (after != null) {
    const [count, address] = v.decodeCursor(after, 'token', 2);
    if (!/^\d{1,15}$/.test(count!) || !/^0x[0-9a-f]{40}$/.test(address!)) throw badInput('after is not a valid cursor for this list');
    q = q.where((eb) => eb.or([eb('holder_count', '<', Number(count)), eb.and([eb('holder_count', '=', Number(count)), eb('address', '>', address!)])]));
  }
  const rows = await q.execute();
  for (const r of rows) loaders(ctx).token.prime(r.address, r);
  return connection(rows, n, (r) => v.encodeCursor('token', Number(r.holder_count), r.address));
}

const balanceCursor = (kind: string, after: string) => {
  const [key, address] = v.decodeCursor(after, kind, 2);
  if (!/^\d{78}$/.test(key!) || !/^0x[0-9a-f]{40}/.test(address!)) throw badInput('after is not a valid cursor for this list');
  return { key: key!, address: address! };
};

/** Accounts by native balance at the indexed head, richest first. */
export async function topAccountPage(ctx: Context, first: number | null | undefined, after: string | null | undefined) {
  const n = v.pageSize(first);
  let q = ctx.db.selectFrom('account_balances').selectAll().orderBy('sort_key', 'desc').orderBy('address').limit(n + 1);
  if (after != null) {
    const c = balanceCursor('rich', after);
    q = q.where((eb) => eb.or([eb('sort_key', '<', c.key), eb.and([eb('sort_key', '=', c.key), eb('address', '>', c.address)])]));
  }
  const rows = await q.execute();
  for (const r of rows) loaders(ctx).balance.prime(r.address, indexedBalance(r));
  const accounts = await ctx.loaders.account.loadMany(rows.map((r) => r.address));
  const page = connection(rows, n, (r) => v.encodeCursor('rich', r.sort_key, r.address));
  return {
    pageInfo: page.pageInfo,
    edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: accounts[i] instanceof Error ? { address: e.node.address, row: undefined } : accounts[i]! })),
  };
}

/** Holdings, largest first: a holder's (filter `holder`) or a token's (filter `token`, optionally one id). */
export async function holdingPage(
  ctx: Context,
  filter: { holder?: string; token?: string; tokenId?: string | null; type?: TokenTypeName | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const n = v.pageSize(first);
  // Largest first; ties in a fixed (descending) order so the tuple cursor below pages them.
  let q = ctx.db.selectFrom('token_holdings').selectAll()
    .orderBy('sort_key', 'desc').orderBy('token', 'desc').orderBy('holder', 'desc').orderBy('token_id', 'desc').limit(n + 1);
  if (filter.holder) q = q.where('holder', '=', filter.holder);
  if (filter.token) q = q.where('token', '=', filter.token);
  if (filter.tokenId != null) q = q.where('token_id', '=', filter.tokenId);
  if (filter.type) q = q.where('token', 'in', (eb) => eb.selectFrom('tokens').select('address').where('type', '=', filter.type!));
  if (after != null) {
    const [key, token, holder, id] = v.decodeCursor(after, 'holding', 4);
    if (!/^\d{78}$/.test(key!) || !/^\d*$/.test(id!)) throw badInput('after is not a valid cursor for this list');
    q = q.where((eb) => eb(eb.refTuple('sort_key', 'token', 'holder', 'token_id'), '<', eb.tuple(key!, token!, holder!, id!)));
  }
  const rows = await q.execute();
  return connection(rows, n, (r) => v.encodeCursor('holding', r.sort_key, r.token, r.holder, r.token_id));
}

const transferCursor = (r: { block_number: number; log_index: number; batch_index: number }) =>
  v.encodeCursor('transfer', Number(r.block_number), r.log_index, r.batch_index);

/** Token transfers, newest first: of a token (optionally one id), or to and from an address. */
export async function transferPage(
  ctx: Context,
  filter: { token?: string; tokenId?: string | null; address?: string; type?: TokenTypeName | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const n = v.pageSize(first);
  const at = after != null ? v.decodeNumericCursor(after, 'transfer', 3) : undefined;
  const query = (side?: 'from_address' | 'to_address') => {
    let q = ctx.db.selectFrom('token_transfers').selectAll()
      .orderBy('block_number', 'desc').orderBy('log_index', 'desc').orderBy('batch_index', 'desc').limit(n + 1);
    if (side) q = q.where(side, '=', filter.address!);
    if (filter.token) q = q.where('token', '=', filter.token);
    if (filter.tokenId != null) q = q.where('token_id', '=', filter.tokenId);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (at) q = q.where((eb) => eb(eb.refTuple('block_number', 'log_index', 'batch_index'), '<', eb.tuple(at[0]!, at[1]!, at[2]!)));
    return q.execute();
  };
  const rows = filter.address ? mergeNewest(await query('from_address'), await query('to_address'), transferCursor) : await query();
  return connection(rows, n, transferCursor);
}

/** Two newest-first lists (an address as sender and as recipient) as one, without duplicates. */
function mergeNewest<T extends { block_number: number }>(a: T[], b: T[], keyOf: (r: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of [...a, ...b]) {
    const k = keyOf(r);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  // Cursor keys are base64 of increasing numbers, so compare the rows, not the keys.
  return out.sort((x, y) => compareDesc(x, y));
}

function compareDesc(x: Record<string, unknown>, y: Record<string, unknown>): number {
  for (const k of ['block_number', 'tx_index', 'log_index', 'idx', 'batch_index']) {
    if (!(k in x)) continue;
    const d = Number(y[k]) - Number(x[k]);
    if (d !== 0) return d;
  }
  return 0;
}

const internalCursor = (r: { block_number: number; tx_index: number; idx: number }) =>
  v.encodeCursor('internal', Number(r.block_number), r.tx_index, r.idx);

/** Internal transactions an address sent or received, newest first. */
export async function internalPage(ctx: Context, address: string, first: number | null | undefined, after: string | null | undefined) {
  const n = v.pageSize(first);
  const at = after != null ? v.decodeNumericCursor(after, 'internal', 3) : undefined;
  const query = (side: 'from_address' | 'to_address') => {
    let q = ctx.db.selectFrom('internal_transactions').selectAll().where(side, '=', address)
      .orderBy('block_number', 'desc').orderBy('tx_index', 'desc').orderBy('idx', 'desc').limit(n + 1);
    if (at) q = q.where((eb) => eb(eb.refTuple('block_number', 'tx_index', 'idx'), '<', eb.tuple(at[0]!, at[1]!, at[2]!)));
    return q.execute();
  };
  const rows = mergeNewest(await query('from_address'), await query('to_address'), internalCursor).slice(0, n + 1);
  return connection(rows, n, internalCursor);
}

/** An address's balance records, newest first, each with its change from the one before. */
export async function coinBalancePage(ctx: Context, address: string, first: number | null | undefined, after: string | null | undefined) {
  const n = v.pageSize(first);
  let q = ctx.db.selectFrom('coin_balances as c').innerJoin('blocks as b', 'b.number', 'c.block_number')
    .select(['c.block_number', 'b.timestamp', 'c.balance']).where('c.address', '=', address)
    .orderBy('c.block_number', 'desc').limit(n + 2);
  if (after != null) q = q.where('c.block_number', '<', v.decodeNumericCursor(after, 'balance', 1)[0]!);
  const rows = await q.execute();
  const withDelta: CoinBalanceRow[] = rows.slice(0, n + 1).map((r, i) => {
    const older = rows[i + 1];
    return {
      block_number: Number(r.block_number),
      timestamp: Number(r.timestamp),
      balance: String(r.balance),
      delta: (BigInt(String(r.balance)) - (older ? BigInt(String(older.balance)) : 0n)).toString(),
    };
  });
  return connection(withDelta, n, (r) => v.encodeCursor('balance', r.block_number));
}

/** Numeric order of decimal ids stored as text: shorter first, then by text. */
const idCursor = (id: string) => v.encodeCursor('id', id);

/**
 * ERC-721: every id with its current owner (the recipient of its latest transfer, burned
 * ids left out). ERC-1155: every id somebody holds. Ascending id.
 */
export async function inventoryPage(ctx: Context, token: TokenRow, first: number | null | undefined, after: string | null | undefined) {
  const n = v.pageSize(first);
  let from: string | undefined;
  if (after != null) {
    [from] = v.decodeCursor(after, 'id', 1);
    if (!/^\d{1,78}$/.test(from!)) throw badInput('after is not a valid cursor for this list');
  }
  const idAfter = (eb: any, col: string) =>
    eb.or([eb(eb.fn('length', [eb.ref(col)]), '>', from!.length), eb.and([eb(eb.fn('length', [eb.ref(col)]), '=', from!.length), eb(eb.ref(col), '>', from!)])]);
  if (token.type === 'ERC20') return connection<InstanceRow>([], n, () => '');
  if (token.type === 'ERC1155') {
    let q = ctx.db.selectFrom('token_holdings').select('token_id').distinct().where('token', '=', token.address)
      .orderBy((eb) => eb.fn('length', ['token_id'])).orderBy('token_id').limit(n + 1);
    if (from !== undefined) q = q.where((eb) => idAfter(eb, 'token_id'));
    const rows = await q.execute();
    return connection(rows.map((r): InstanceRow => ({ token, tokenId: r.token_id, owner: null })), n, (r) => idCursor(r.tokenId));
  }
  let q = ctx.db.selectFrom('token_transfers as t').select(['t.token_id', 't.to_address']).where('t.token', '=', token.address)
    .where('t.token_id', '<>', '').where('t.to_address', '<>', ZERO_ADDRESS)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('token_transfers as u').select('u.block_number').whereRef('u.token', '=', 't.token').whereRef('u.token_id', '=', 't.token_id')
        .where((eb) => eb.or([
          eb('u.block_number', '>', eb.ref('t.block_number')),
          eb.and([eb('u.block_number', '=', eb.ref('t.block_number')), eb('u.log_index', '>', eb.ref('t.log_index'))]),
        ])),
    )))
    .orderBy((eb) => eb.fn('length', ['t.token_id'])).orderBy('t.token_id').limit(n + 1);
  if (from !== undefined) q = q.where((eb) => idAfter(eb, 't.token_id'));
  const rows = await q.execute();
  return connection(rows.map((r): InstanceRow => ({ token, tokenId: r.token_id, owner: r.to_address })), n, (r) => idCursor(r.tokenId));
}

/** Tokens whose name or symbol starts with (then contains) the text, most holders first. */
export async function tokensMatching(ctx: Context, text: string, limit: number): Promise<TokenRow[]> {
  const needle = text.toLowerCase().replace(/[%_\\]/g, '');
  if (!needle) return [];
  const rows = await ctx.db.selectFrom('tokens').selectAll()
    .where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', `%${needle}%`), eb(eb.fn('lower', ['symbol']), 'like', `%${needle}%`)]))
    .orderBy('holder_count', 'desc').orderBy('address').limit(50).execute();
  const starts = (r: TokenRow) => [r.name, r.symbol].some((s) => s?.toLowerCase().startsWith(needle));
  return [...rows.filter(starts), ...rows.filter((r) => !starts(r))].slice(0, limit);
}
