// GET /export/transactions.csv: a transaction list (an address's, a block's, or the chain's)
// with the same filter the GraphQL lists take (the query string's names: tx-filter.ts),
// streamed as CSV one keyset page at a time, so memory stays flat however long the list. It
// stops at a cap; then its last line says so, where the rest begins and how to narrow the
// filter. Bad input is a 400 in GraphQL's error shape, before anything is streamed.
import express, { type RequestHandler, type Response, type Router } from 'express';
import type { GraphQLError } from 'graphql/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TxRow } from '../models';
import { csvLines } from '../../web/alliance/lib/csv';
import { callName } from '../decode/decoder';
import { txListFromQuery, type TxFilter, type TxScope } from '../data/tx-filter';
import { filteredTxs, type TxKey } from '../data/tx-list';
import { gqlError } from './errors';
import { TX_EXPORT_CAP } from '../../config/constants';

/** Rows read per statement while streaming. */
const BATCH = 500;

const HEADER = ['tx_hash', 'block', 'time_utc', 'from', 'to', 'value_wei', 'fee_wei', 'status', 'method'] as const;

const csvRow = (t: TxRow) => [
  t.hash,
  Number(t.block_number),
  new Date(Number(t.timestamp) * 1000).toISOString(),
  t.from_address,
  t.to_address ?? t.contract_address ?? '',
  String(t.value),
  (BigInt(t.gas_used) * BigInt(String(t.effective_gas_price))).toString(),
  t.status === 1 ? 'SUCCESS' : 'FAILED',
  callName(t, undefined) || (t.input.length >= 10 ? t.input.slice(0, 10) : ''),
];

/** The line that ends a capped export: how many rows, where the rest begins, how to get it (no commas: one CSV field, unquoted). */
export function capNote(cap: number, next: TxRow): string {
  return (
    `# export stopped at ${cap} rows: more transactions match and the next is in block ${Number(next.block_number)}. ` +
    'Narrow the filter (a block or date range or a kind or method or counterparty) to export the rest.'
  );
}

/**
 * Write the list as CSV through `write` (which resolves when the reader wants more), at most
 * `cap` rows, then the cap note if rows remain. Stops early when `stopped()` says the reader left.
 */
export async function streamTxCsv(
  db: Kysely<Database>,
  scope: TxScope,
  filter: TxFilter,
  cap: number,
  write: (chunk: string) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<{ rows: number; capped: boolean }> {
  await write(csvLines([HEADER]));
  let after: TxKey | undefined;
  let rows = 0;
  for (;;) {
    // One row past what is still wanted tells whether the list goes on.
    const want = Math.min(BATCH, cap - rows);
    const batch = await filteredTxs(db, scope, filter, after, want + 1);
    const page = batch.slice(0, want);
    if (page.length) await write(csvLines(page.map(csvRow)));
    rows += page.length;
    if (batch.length <= want || stopped()) return { rows, capped: false };
    if (rows >= cap) {
      await write(csvLines([[capNote(cap, batch[want]!)]]));
      return { rows, capped: true };
    }
    const last = page[page.length - 1]!;
    after = [Number(last.block_number), last.tx_index];
  }
}

/** A write that waits for the socket to drain, so a slow reader slows the reading down. */
const paced = (res: Response) => (chunk: string) =>
  new Promise<void>((ok) => {
    if (res.write(chunk)) ok();
    else res.once('drain', ok);
  });

const isBadInput = (err: unknown): err is GraphQLError => (err as GraphQLError)?.extensions?.code === 'BAD_USER_INPUT';

export function txExportRoutes(db: Kysely<Database>, limiter?: RequestHandler): Router {
  const router = express.Router();
  const handler: RequestHandler = async (req, res, next) => {
    let list: ReturnType<typeof txListFromQuery>;
    try {
      list = txListFromQuery(req.query);
    } catch (err) {
      if (isBadInput(err)) return gqlError(res, 400, 'BAD_USER_INPUT', err.message);
      return next(err);
    }
    const { scope, filter } = list;
    const name = scope.address ?? (scope.block !== undefined ? `block-${scope.block}` : 'all');
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="transactions-${name}.csv"`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-export-cap', String(TX_EXPORT_CAP));
    try {
      res.write('\ufeff'); // so spreadsheets read it as UTF-8
      await streamTxCsv(db, scope, filter, TX_EXPORT_CAP, paced(res), () => res.destroyed);
      res.end();
    } catch (err) {
      // Headers are gone: all that is left is to cut the stream, so the file is visibly short.
      if (res.headersSent) res.destroy(err as Error);
      else next(err);
    }
  };
  router.get('/export/transactions.csv', ...(limiter ? [limiter, handler] : [handler]));
  return router;
}
