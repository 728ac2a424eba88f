// SQL for blocks and transactions: keyset paging and finality. Resolvers validate input and
// call these.
import type { Context } from '../context';
import { badInput } from '../errors';
import * as v from '../validate';
import { connection } from './paging';

/** Blocks this deep are treated as final (long cache headers). */
export const FINAL_CONFIRMATIONS = 64;

const txCursor = (t: { block_number: number; tx_index: number }) => v.encodeCursor('tx', t.block_number, t.tx_index);

/** Confirmations of a block at the indexed head (the block itself counts as one). */
export const confirmations = (ctx: Context, blockNumber: number) => ctx.head.current.indexedHead - blockNumber + 1;

/** An answer about a block that is not final yet may change: no long cache header for it. */
export function markFinal(ctx: Context, blockNumber: number | undefined) {
  if (blockNumber === undefined || confirmations(ctx, blockNumber) < FINAL_CONFIRMATIONS) ctx.cache.finalOnly = false;
}

export async function blockPage(ctx: Context, n: number, before: number | undefined) {
  let q = ctx.db.selectFrom('blocks').selectAll().orderBy('number', 'desc').limit(n + 1);
  if (before !== undefined) q = q.where('number', '<', before);
  const rows = await q.execute();
  for (const r of rows) ctx.loaders.blockByNumber.prime(Number(r.number), r);
  return connection(rows, n, (b) => v.encodeCursor('block', b.number));
}

export async function txPage(
  ctx: Context,
  args: { address?: string | null; block?: number | null; first?: number | null; after?: string | null },
) {
  const n = v.pageSize(args.first);
  const { db } = ctx;
  if (args.address != null && args.block != null) throw badInput('give address or block, not both');
  if (args.block != null) {
    const block = v.blockNumber(args.block);
    let q = db.selectFrom('transactions').selectAll().where('block_number', '=', block).orderBy('tx_index').limit(n + 1);
    if (args.after != null) {
      const [b, i] = v.decodeNumericCursor(args.after, 'tx', 2);
      if (b !== block) throw badInput('after is not a valid cursor for this list');
      q = q.where('tx_index', '>', i!);
    }
    const rows = await q.execute();
    for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
    return connection(rows, n, txCursor);
  }
  let after: number[] | undefined;
  if (args.after != null) after = v.decodeNumericCursor(args.after, 'tx', 2);
  if (args.address != null) {
    const address = v.address(args.address);
    let q = db
      .selectFrom('address_transactions as a')
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'a.block_number').onRef('t.tx_index', '=', 'a.tx_index'))
      .selectAll('t')
      .where('a.address', '=', address)
      .orderBy('a.block_number', 'desc')
      .orderBy('a.tx_index', 'desc')
      .limit(n + 1);
    if (after) q = q.where((eb) => eb(eb.refTuple('a.block_number', 'a.tx_index'), '<', eb.tuple(after[0]!, after[1]!)));
    const rows = await q.execute();
    for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
    return connection(rows, n, txCursor);
  }
  let q = db.selectFrom('transactions').selectAll().orderBy('block_number', 'desc').orderBy('tx_index', 'desc').limit(n + 1);
  if (after) q = q.where((eb) => eb(eb.refTuple('block_number', 'tx_index'), '<', eb.tuple(after[0]!, after[1]!)));
  const rows = await q.execute();
  for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
  return connection(rows, n, txCursor);
}
