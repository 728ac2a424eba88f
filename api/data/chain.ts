// SQL for blocks and transactions: keyset paging and finality. Resolvers validate input and
// call these.
import type { Context } from '../context';
import type { TransactionFilter } from '../generated/graphql';
import { badInput } from '../errors';
import * as v from '../validate';
import { connection } from './paging';
import { txFilter, txScope } from './tx-filter';
import { filteredTxs } from './tx-list';

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

/** A page of a transaction list, filtered (tx-filter.ts, tx-list.ts); keyset-paged on (block, index). */
export async function txPage(
  ctx: Context,
  args: { address?: string | null; block?: number | null; filter?: TransactionFilter | null; first?: number | null; after?: string | null },
) {
  const n = v.pageSize(args.first);
  const scope = txScope(args);
  const filter = txFilter(args.filter, scope);
  let after: [number, number] | undefined;
  if (args.after != null) {
    const [b, i] = v.decodeNumericCursor(args.after, 'tx', 2);
    if (scope.block !== undefined && b !== scope.block) throw badInput('after is not a valid cursor for this list');
    after = [b!, i!];
  }
  const rows = await filteredTxs(ctx.db, scope, filter, after, n + 1);
  for (const r of rows) ctx.loaders.txByHash.prime(r.hash, r);
  return connection(rows, n, txCursor);
}
