// Transaction list filters (method, direction, kind, block and time range, counterparty) and
// the streamed CSV export, on a small hand-made chain in a real SQLite file and a real
// PostgreSQL schema. Every combination of a grid of filters is paged through the SQL (three
// rows a page, so keyset paging is crossed) and compared with the documented meaning, worked
// out over the same rows in plain TypeScript.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Db } from '../db';
import type { InternalTransactionsTable, TokenTransfersTable, TransactionsTable } from '../db/schema';
import { createServer, type YuscanServer } from '../api/server';
import type { TransactionFilter } from '../api/generated/graphql';
import { txFilter, txListFromQuery, type TxScope } from '../api/data/tx-filter';
import { filteredTxs, type TxKey } from '../api/data/tx-list';
import { capNote, streamTxCsv } from '../api/http/tx-export';
import { parseCsv } from '../web/alliance/lib/csv';
import { gql } from './helpers/api';
import { DIALECTS } from './helpers/indexer';
import { freshPostgresUrl } from './helpers/postgres';

const addr = (c: string) => `0x${c.repeat(40)}`;
const [A, B, C, K, T, N] = [addr('a'), addr('b'), addr('c'), addr('d'), addr('e'), addr('f')];
const TRANSFER = '0xa9059cbb'; // transfer(address,uint256), a well-known selector
const REPORT = '0x12345678';
const FILE_PATENT = '0x4fe95871'; // the registry's filePatent
const BLOCKS = 10;
const time = (n: number) => 1_700_000_000 + n * 100;
const txHash = (n: number, i: number) => `0x${n.toString(16).padStart(32, '0')}${i.toString(16).padStart(32, '0')}`;

type Tx = Insertable<TransactionsTable> & { hash: string; block_number: number; tx_index: number; timestamp: number; from_address: string };
const txs: Tx[] = [];
const internals: Insertable<InternalTransactionsTable>[] = [];
const transfers: Insertable<TokenTransfersTable>[] = [];

// Ten blocks; in each: A and B pay each other, C calls the token (which moves tokens among A,
// B and C), A calls contract K (which calls A or C); every fourth block A pays itself; in
// block 5 B creates contract N.
for (let n = 0; n < BLOCKS; n++) {
  const add = (from: string, to: string | null, input: string, extra: Partial<Tx> = {}) => {
    const i = txs.filter((t) => t.block_number === n).length;
    txs.push({
      hash: txHash(n, i), block_number: n, tx_index: i, timestamp: time(n), from_address: from, to_address: to, value: '1', nonce: i, gas: 21000,
      gas_price: null, max_fee_per_gas: '2', max_priority_fee_per_gas: '1', type: 2, input, status: 1, gas_used: 21000, effective_gas_price: '2',
      contract_address: null, method_name: null, method_args: null, ...extra,
    });
    return i;
  };
  add(n % 2 ? B : A, n % 2 ? A : B, '0x');
  const tok = add(C, T, `${TRANSFER}${'0'.repeat(128)}`);
  const [tf, tt] = [[C, A], [A, B], [C, B]][n % 3]!;
  transfers.push({ block_number: n, log_index: 0, batch_index: 0, tx_hash: txHash(n, tok), tx_index: tok, timestamp: time(n), token: T, type: 'ERC20', from_address: tf!, to_address: tt!, value: '5', token_id: '' });
  const call = add(A, K, `${n % 2 ? REPORT : FILE_PATENT}${'0'.repeat(64)}`, n % 2 ? {} : { method_name: 'filePatent', method_args: '{}' });
  internals.push({
    block_number: n, tx_index: call, idx: 0, tx_hash: txHash(n, call), timestamp: time(n), trace_address: '0', depth: 1, call_type: 'CALL',
    from_address: K, to_address: n % 2 ? C : A, value: '1', gas_used: 100, error: null,
  });
  if (n % 4 === 0) add(A, A, '0x');
  if (n === 5) add(B, null, '0x6080', { contract_address: N });
}

/** The documented meaning of a filter, over the rows above. */
function expected(scope: TxScope, filter: TransactionFilter): string[] {
  const f = txFilter(filter, scope);
  const driver = scope.address ?? (scope.block === undefined ? f.counterparty : undefined);
  const cp = scope.address !== undefined || driver === undefined ? f.counterparty : undefined;
  const records = (t: Tx) =>
    f.kind === 'NORMAL'
      ? [{ from: t.from_address, to: t.to_address ?? t.contract_address ?? '' }]
      : (f.kind === 'INTERNAL' ? internals : transfers)
          .filter((r) => r.block_number === t.block_number && r.tx_index === t.tx_index)
          .map((r) => ({ from: r.from_address, to: r.to_address ?? '' }));
  const a = scope.address;
  const fits = ({ from, to }: { from: string; to: string }) =>
    (driver === undefined || from === driver || to === driver) &&
    (f.direction !== 'OUT' || (from === a && to !== a)) &&
    (f.direction !== 'IN' || (to === a && from !== a)) &&
    (f.direction !== 'SELF' || (from === a && to === a)) &&
    (cp === undefined || (a !== undefined ? (from === a && to === cp) || (from === cp && to === a) : from === cp || to === cp));
  const rows = txs.filter(
    (t) =>
      (scope.block === undefined || t.block_number === scope.block) &&
      (f.fromBlock === undefined || t.block_number >= f.fromBlock) &&
      (f.toBlock === undefined || t.block_number <= f.toBlock) &&
      (f.since === undefined || t.timestamp >= f.since) &&
      (f.until === undefined || t.timestamp <= f.until) &&
      (!f.method || f.method.includes(t.input!.slice(0, 10))) &&
      records(t).some(fits),
  );
  const order = scope.block !== undefined ? 1 : -1;
  return rows.sort((x, y) => order * (x.block_number - y.block_number || x.tx_index - y.tx_index)).map((t) => t.hash);
}

// The grid: every scope, kind, direction (an address's lists only), method, range and counterparty below.
const SCOPES: TxScope[] = [{}, { address: A }, { address: B }, { address: C }, { block: 4 }, { block: 5 }];
const KINDS = [undefined, 'NORMAL', 'INTERNAL', 'TOKEN'] as const;
const DIRECTIONS = [undefined, 'IN', 'OUT', 'SELF'] as const;
const METHODS = [undefined, REPORT, 'transfer', 'filePatent'];
const RANGES: Array<Partial<TransactionFilter>> = [{}, { fromBlock: 2, toBlock: 6 }, { since: time(3) - 50, until: time(7) }, { toBlock: 3, since: time(2) }];
const COUNTERPARTIES = [undefined, A, C];

function* grid(): Generator<[TxScope, TransactionFilter]> {
  for (const scope of SCOPES) {
    for (const kind of KINDS) {
      for (const direction of scope.address ? DIRECTIONS : [undefined]) {
        for (const method of METHODS) {
          for (const range of RANGES) {
            for (const counterparty of COUNTERPARTIES) yield [scope, { kind, direction, method, counterparty, ...range }];
          }
        }
      }
    }
  }
}

describe.each(DIALECTS)('transaction filters on %s', (dialect) => {
  let db: Db;
  let server: YuscanServer;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-filters-'));
    db = connect(dialect === 'sqlite' ? `sqlite:${join(dir, 'filters.db')}` : await freshPostgresUrl('filters'));
    await migrateToLatest(db);
    await db.db.insertInto('blocks').values(Array.from({ length: BLOCKS }, (_, n) => ({
      number: n, hash: txHash(n, 999), parent_hash: n ? txHash(n - 1, 999) : `0x${'0'.repeat(64)}`, timestamp: time(n), miner: A, gas_used: 0, gas_limit: 30_000_000,
      base_fee_per_gas: '1', size: 500, tx_count: txs.filter((t) => t.block_number === n).length,
    }))).execute();
    await db.db.insertInto('transactions').values(txs).execute();
    const links = txs.flatMap((t) => [...new Set([t.from_address, t.to_address ?? t.contract_address!])].map((address) => ({ address, block_number: t.block_number, tx_index: t.tx_index })));
    await db.db.insertInto('address_transactions').values(links).execute();
    await db.db.insertInto('internal_transactions').values(internals).execute();
    await db.db.insertInto('token_transfers').values(transfers).execute();
    await db.db.insertInto('indexer_state').values({ id: 1, chain_id: 1337, registry: null, last_block: BLOCKS - 1, last_hash: txHash(BLOCKS - 1, 999), chain_head: BLOCKS - 1, updated_at: 0 }).execute();
    server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, webDir: dir, responseCacheSize: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  /** Every row of a filtered list, three a page. */
  async function pageThrough(scope: TxScope, filter: TransactionFilter): Promise<string[]> {
    const f = txFilter(filter, scope);
    const out: string[] = [];
    let after: TxKey | undefined;
    for (;;) {
      const rows = await filteredTxs(db.db, scope, f, after, 4);
      out.push(...rows.slice(0, 3).map((r) => r.hash));
      if (rows.length <= 3) return out;
      after = [Number(rows[2]!.block_number), rows[2]!.tx_index];
    }
  }

  it('every filter in the grid lists exactly the transactions it means, in order, across pages', async () => {
    let cases = 0;
    let nonEmpty = 0;
    for (const [scope, filter] of grid()) {
      const want = expected(scope, filter);
      expect({ scope, filter, got: await pageThrough(scope, filter) }).toEqual({ scope, filter, got: want });
      cases++;
      if (want.length) nonEmpty++;
    }
    // The grid is not vacuous: a good share of it finds something, and it covers every axis.
    expect(cases).toBe(3 * 4 * 4 * 4 * 3 + 3 * 4 * 4 * 4 * 4 * 3);
    expect(nonEmpty).toBeGreaterThan(cases / 6);
  });

  it('the meanings, spelled out on a few lists', async () => {
    // A's outgoing transactions in blocks 3..4: its calls to K and its payment to B (even block), not its self-payment.
    expect(await pageThrough({ address: A }, { direction: 'OUT', fromBlock: 3, toBlock: 4 })).toEqual([txHash(4, 2), txHash(4, 0), txHash(3, 2)]);
    expect(await pageThrough({ address: A }, { direction: 'SELF' })).toEqual([txHash(8, 3), txHash(4, 3), txHash(0, 3)]);
    // Tokens A received: blocks 0, 3, 6, 9 (C sends to A).
    expect(await pageThrough({ address: A }, { kind: 'TOKEN', direction: 'IN' })).toEqual([9, 6, 3, 0].map((n) => txHash(n, 1)));
    // Internal calls K made to C (odd blocks), from C's list and from the chain's with a counterparty.
    expect(await pageThrough({ address: C }, { kind: 'INTERNAL', counterparty: K })).toEqual([9, 7, 5, 3, 1].map((n) => txHash(n, 2)));
    expect(await pageThrough({}, { kind: 'INTERNAL', counterparty: C })).toEqual([9, 7, 5, 3, 1].map((n) => txHash(n, 2)));
    // A name stands for its selectors: the registry's filePatent (even blocks), the well-known transfer.
    expect(await pageThrough({}, { method: 'filePatent', toBlock: 4 })).toEqual([4, 2, 0].map((n) => txHash(n, 2)));
    expect(await pageThrough({ block: 5 }, { method: 'transfer' })).toEqual([txHash(5, 1)]);
    // The contract creation counts as B's outgoing transaction, to N.
    expect(await pageThrough({ address: B }, { direction: 'OUT', counterparty: N })).toEqual([txHash(5, 3)]);
    // A time range between two blocks' times holds no block.
    expect(await pageThrough({}, { since: time(3) + 1, until: time(4) - 1 })).toEqual([]);
  });

  it('GraphQL lists take the filter, and bad input is a BAD_USER_INPUT error naming the problem', async () => {
    const page = await gql(server.url, `query($a: String!, $f: TransactionFilter) { account(address: $a) { transactions(filter: $f, first: 2) { edges { node { hash } } pageInfo { hasNextPage endCursor } } } }`, {
      a: A.toUpperCase().replace('0X', '0x'), f: { direction: 'SELF' },
    });
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.account.transactions.edges.map((e: { node: { hash: string } }) => e.node.hash)).toEqual([txHash(8, 3), txHash(4, 3)]);
    const rest = await gql(server.url, `query($f: TransactionFilter, $after: String) { transactions(address: "${A}", filter: $f, after: $after) { edges { node { hash } } } }`, {
      f: { direction: 'SELF' }, after: page.body.data.account.transactions.pageInfo.endCursor,
    });
    expect(rest.body.data.transactions.edges).toEqual([{ node: { hash: txHash(0, 3) } }]);
    const block = await gql(server.url, `{ block(number: 4) { transactions(filter: { kind: TOKEN }) { edges { node { hash } } } } }`);
    expect(block.body.data.block.transactions.edges).toEqual([{ node: { hash: txHash(4, 1) } }]);

    const bad: Array<[string, string]> = [
      [`{ transactions(filter: { direction: OUT }) { edges { cursor } } }`, "direction needs an address's list"],
      [`{ transactions(filter: { fromBlock: 5, toBlock: 4 }) { edges { cursor } } }`, 'fromBlock must not be after toBlock'],
      [`{ transactions(filter: { since: "2024-02-01", until: "2024-01-01" }) { edges { cursor } } }`, 'since must not be after until'],
      [`{ transactions(filter: { counterparty: "0x12" }) { edges { cursor } } }`, 'counterparty must be 0x followed by 40 hex digits'],
      [`{ transactions(filter: { method: "0x12zz" }) { edges { cursor } } }`, 'method must be a 4-byte selector'],
      [`{ transactions(filter: { method: "noSuchFunction" }) { edges { cursor } } }`, 'no function named noSuchFunction is known'],
    ];
    for (const [query, message] of bad) {
      const r = await gql(server.url, query);
      expect(r.body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message, query).toContain(message);
    }
    const unknownKind = await gql(server.url, `{ transactions(filter: { kind: LOGS }) { edges { cursor } } }`);
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors?.[0]?.message).toContain('TxKind');
  });

  it('the CSV export streams the filtered list with the GraphQL list’s rows; bad input is a 400', async () => {
    const res = await fetch(`${server.url}/export/transactions.csv?address=${A}&direction=out&kind=normal&since=${time(3)}&until=${time(4)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="transactions-${A}.csv"`);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['tx_hash', 'block', 'time_utc', 'from', 'to', 'value_wei', 'fee_wei', 'status', 'method']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected({ address: A }, { direction: 'OUT', since: time(3), until: time(4) }));
    expect(rows[1]).toEqual([txHash(4, 2), '4', new Date(time(4) * 1000).toISOString(), A, K, '1', '42000', 'SUCCESS', 'filePatent']);
    expect(rows[2]).toEqual([txHash(4, 0), '4', new Date(time(4) * 1000).toISOString(), A, B, '1', '42000', 'SUCCESS', '']);

    for (const [query, message] of [
      ['kind=logs', 'kind must be one of normal, internal, token'],
      ['direction=out', "direction needs an address's list"],
      [`address=${A}&fromBlock=7&toBlock=2`, 'fromBlock must not be after toBlock'],
      ['address=0xnope', 'address must be 0x followed by 40 hex digits'],
      ['block=-1', 'block must be a whole number'],
      ['since=yesterday', 'Timestamp must be unix seconds or an ISO-8601 date'],
    ]) {
      const r = await fetch(`${server.url}/export/transactions.csv?${query}`);
      expect(r.status, query).toBe(400);
      expect(((await r.json()) as { errors: Array<{ message: string }> }).errors[0]!.message, query).toContain(message);
    }
  });

  it('an export stops at its cap with a last line saying so, and where the rest begins', async () => {
    const { scope, filter } = txListFromQuery({ kind: 'token' });
    let text = '';
    const capped = await streamTxCsv(db.db, scope, filter, 4, async (s) => void (text += s));
    expect(capped).toEqual({ rows: 4, capped: true });
    const rows = parseCsv(text);
    expect(rows.slice(1, 5).map((r) => r[0])).toEqual([9, 8, 7, 6].map((n) => txHash(n, 1)));
    expect(rows[5]).toEqual([capNote(4, txs.find((t) => t.hash === txHash(5, 1)) as never)]);
    expect(rows[5]![0]).toMatch(/^# export stopped at 4 rows: more transactions match and the next is in block 5\. Narrow the filter/);
    // Exactly at the cap: no note.
    text = '';
    expect(await streamTxCsv(db.db, scope, filter, BLOCKS, async (s) => void (text += s))).toEqual({ rows: BLOCKS, capped: false });
    expect(parseCsv(text)).toHaveLength(BLOCKS + 1);
  });
});
