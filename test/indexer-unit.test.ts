// Pure indexer modules, no network: backoff, reorg planning, row building, insert chunking,
// decoding, lock staleness, progress.
import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { encodeAbiParameters, encodeEventTopics, encodeFunctionData, type Hex } from 'viem';
import { allianceRegistryAbi, kpiKey } from '../contracts/registry';
import { backoffDelay, RetryableError, withRetry } from '../indexer/backoff';
import { decodeRegistryCall, decodeRegistryLog } from '../indexer/decode';
import type { FetchedBlock } from '../indexer/fetch';
import { lockIsLive } from '../db/sqlite/lock-row';
import { eta, progressLine, RateMeter } from '../indexer/progress';
import { commonAncestor, continues, findCommonAncestor } from '../indexer/reorg';
import { buildRows } from '../indexer/rows';
import { buildUnnestInserts, PG_ROWS_PER_STATEMENT } from '../db/postgres/unnest';
import { readHeadValues } from '../indexer/head-check';
import type { RpcCall, RpcResult } from '../indexer/rpc';

describe('backoff', () => {
  it('doubles from the base, caps, and jitters within [step/2, step]', () => {
    const policy = { baseMs: 100, capMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
  });
  it('retries only RetryableErrors, up to the attempt limit', async () => {
    let n = 0;
    const policy = { attempts: 4, baseMs: 1, capMs: 2 };
    await expect(withRetry(async () => { n++; throw new RetryableError('down'); }, policy)).rejects.toThrow('down');
    expect(n).toBe(4);
    n = 0;
    await expect(withRetry(async () => { n++; throw new Error('bug'); }, policy)).rejects.toThrow('bug');
    expect(n).toBe(1);
    n = 0;
    expect(await withRetry(async () => (++n < 3 ? Promise.reject(new RetryableError('x')) : n), policy)).toBe(3);
  });
});

describe('reorg planning', () => {
  const local = new Map([[10, '0xa10'], [11, '0xa11'], [12, '0xa12'], [13, '0xa13']]);
  it('continues only from the checkpoint hash (or anything after an unknown one)', () => {
    expect(continues('0xab', '0xAB')).toBe(true);
    expect(continues('0xab', '0xac')).toBe(false);
    expect(continues('', '0xac')).toBe(true);
  });
  it('finds the newest agreeing block', () => {
    expect(commonAncestor(local, new Map([[10, '0xa10'], [11, '0xa11'], [12, '0xb12'], [13, '0xb13']]))).toBe(11);
    expect(commonAncestor(local, new Map([[12, null], [13, null], [10, '0xb'], [11, '0xc']]))).toBeNull();
  });
  it('walks back window by window, and past the floor when nothing agrees', async () => {
    const mine = new Map<number, string>();
    const theirs = new Map<number, string>();
    for (let n = 0; n <= 200; n++) {
      mine.set(n, `0x${n}`);
      theirs.set(n, n <= 120 ? `0x${n}` : `0xf${n}`);
    }
    let remoteCalls = 0;
    const lookup = {
      top: 200,
      floor: 0,
      window: 32,
      local: async (a: number, b: number) => new Map([...mine].filter(([n]) => n >= a && n <= b)),
      remote: async (ns: number[]) => (remoteCalls++, new Map(ns.map((n) => [n, theirs.get(n) ?? null]))),
    };
    expect(await findCommonAncestor(lookup)).toBe(120);
    expect(remoteCalls).toBe(3);
    expect(await findCommonAncestor({ ...lookup, floor: 150 })).toBe(149);
    expect(await findCommonAncestor({ ...lookup, top: 100 })).toBe(100);
  });
});

const REG = '0x00000000000000000000000000000000000000aa';
const A = '0x00000000000000000000000000000000000000a1';
const B = '0x00000000000000000000000000000000000000b2';
const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;
const x = (n: number | bigint) => `0x${n.toString(16)}` as Hex;

function block(n: number, ts: number, txs: { from: string; to: string | null; input?: Hex; created?: string; logs?: { address: string; topics: Hex[]; data: Hex }[] }[]): FetchedBlock {
  let logIndex = 0;
  return {
    block: {
      number: x(n), hash: h(1000 + n), parentHash: h(999 + n), timestamp: x(ts), miner: A as Hex, gasUsed: x(21000 * txs.length),
      gasLimit: x(30_000_000), baseFeePerGas: x(7), size: x(500),
      transactions: txs.map((t, i) => ({
        hash: h(n * 100 + i), from: t.from as Hex, to: t.to as Hex | null, value: x(10n ** 30n), nonce: x(i), gas: x(21000),
        gasPrice: x(9), type: '0x0', input: t.input ?? '0x', transactionIndex: x(i),
      })),
    },
    receipts: txs.map((t, i) => ({
      transactionHash: h(n * 100 + i), blockHash: h(1000 + n), status: '0x1', gasUsed: x(21000), effectiveGasPrice: x(9),
      contractAddress: (t.created ?? null) as Hex | null,
      logs: (t.logs ?? []).map((l) => ({ ...l, address: l.address as Hex, logIndex: x(logIndex++), transactionIndex: x(i), transactionHash: h(n * 100 + i) })),
    })),
  };
}

describe('row building', () => {
  const targetEvent = (() => {
    const topics = encodeEventTopics({ abi: allianceRegistryAbi, eventName: 'TargetSet', args: { kpi: kpiKey('patents') } }) as Hex[];
    const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint64' }, { type: 'uint64' }], [1000n, 1n, 2n]);
    return { topics, data };
  })();

  it('counts accounts once per tx, dedupes self-sends, marks creations, and aggregates days', () => {
    const rows = buildRows(
      [
        block(1, 86_400 * 5 + 10, [{ from: A, to: A }, { from: A, to: null, created: B }]),
        block(2, 86_400 * 6 + 1, [{ from: B, to: A }]),
      ],
      REG,
    );
    expect(rows.addressTransactions.map((r) => [r.address, r.block_number, r.tx_index])).toEqual([
      [A, 1, 0], [A, 1, 1], [B, 1, 1], [B, 2, 0], [A, 2, 0],
    ]);
    expect(rows.accounts).toEqual([
      { address: A, first_seen_block: 1, tx_count: 3, is_contract: 0, creation_tx: null },
      { address: B, first_seen_block: 1, tx_count: 2, is_contract: 1, creation_tx: h(101) },
    ]);
    expect(rows.days.map((d) => [d.day, d.block_count, d.tx_count])).toEqual([[5, 1, 2], [6, 1, 1]]);
    expect(rows.activeAccounts).toEqual([{ day: 5, address: A }, { day: 6, address: B }, { day: 6, address: A }]);
    expect(rows.transactions[0]!.value).toBe((10n ** 30n).toString());
  });

  it('decodes only the configured registry; a look-alike at another address stays raw', () => {
    const call = encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'setTarget', args: [kpiKey('patents'), 1000n, 1n, 2n] });
    const rows = buildRows(
      [block(3, 100, [{ from: A, to: REG, input: call, logs: [{ address: REG, ...targetEvent }] }, { from: A, to: B, input: call, logs: [{ address: B, ...targetEvent }] }])],
      REG,
    );
    expect(rows.kpiTargets).toEqual([{ block_number: 3, log_index: 0, tx_hash: h(300), kpi: 'patents', target: '1000', period_start: 1, period_end: 2 }]);
    expect(rows.transactions.map((t) => t.method_name)).toEqual(['setTarget', null]);
    expect(rows.logs.map((l) => l.event_name)).toEqual(['TargetSet', null]);
    expect(JSON.parse(rows.logs[0]!.event_args!)).toEqual({ kpi: kpiKey('patents'), target: '1000', periodStart: '1', periodEnd: '2' });
    expect(buildRows([block(3, 100, [{ from: A, to: REG, input: call, logs: [{ address: REG, ...targetEvent }] }])], null).kpiTargets).toEqual([]);
  });

  it('returns null for calls and logs that are not the registry ABI', () => {
    expect(decodeRegistryCall('0xdeadbeef')).toBeNull();
    expect(decodeRegistryLog([h(1)], '0x')).toBeNull();
  });
});

describe('PostgreSQL unnest inserts', () => {
  // Kysely's compile-only setup: PostgreSQL's SQL text and parameters, no connection.
  const pgSql = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const types = { a: 'bigint', b: 'text', c: 'numeric(78,0)' };
  it('sends one array per column, typed from the catalogue, whatever the row count', () => {
    const rows = [{ a: 1, b: 'x', c: '10' }, { a: 2, c: '20' }, { a: 3, b: 'it\'s "q"', c: null }];
    const [q, ...rest] = buildUnnestInserts(pgSql, 't', ['a', 'b', 'c'], types, rows, ' on conflict do nothing returning "a"');
    expect(rest).toEqual([]);
    expect(q!.sql).toBe('insert into "t" ("a", "b", "c") select * from unnest($1::bigint[], $2::text[], $3::numeric(78,0)[]) on conflict do nothing returning "a"');
    expect(q!.parameters).toEqual([[1, 2, 3], ['x', null, 'it\'s "q"'], ['10', '20', null]]);
  });
  it('splits only to bound the message size, and refuses a column the table lacks', () => {
    const rows = Array.from({ length: PG_ROWS_PER_STATEMENT * 2 + 1 }, (_, i) => ({ a: i }));
    const qs = buildUnnestInserts(pgSql, 't', ['a'], types, rows);
    expect(qs.map((q) => (q.parameters[0] as unknown[]).length)).toEqual([PG_ROWS_PER_STATEMENT, PG_ROWS_PER_STATEMENT, 1]);
    expect(() => buildUnnestInserts(pgSql, 't', ['zz'], types, rows)).toThrow('table t has no column zz');
  });
});

describe('lock staleness', () => {
  const row = { owner: 'host1|42|abc', pid: 42, heartbeat_at: 1000 };
  it('is live only with a fresh heartbeat and, on this host, a live pid', () => {
    expect(lockIsLive(row, 1010, 'host1', () => true)).toBe(true);
    expect(lockIsLive(row, 1010, 'host1', () => false)).toBe(false);
    expect(lockIsLive(row, 1010, 'host2', () => false)).toBe(true);
    expect(lockIsLive(row, 1100, 'host2', () => true)).toBe(false);
  });
});

describe('progress', () => {
  it('measures rates over a window and estimates the time left', () => {
    const m = new RateMeter(10_000);
    m.add(0, 0, 0);
    m.add(1000, 100, 1000);
    m.add(2000, 100, 1000);
    expect(m.rates(2000)).toEqual({ blocksPerSecond: 100, txPerSecond: 1000 });
    expect(eta(500, 100)).toBe(5);
    expect(eta(0, 0)).toBe(0);
    expect(eta(10, 0)).toBeNull();
    expect(progressLine({ indexedBlock: 50, headBlock: 100, blocksPerSecond: 10, txPerSecond: 20, etaSeconds: 5, syncing: true }, 10)).toBe(
      '█████░░░░░  50.0%  block 50/100  10 blocks/s  20 tx/s  ETA 00:05',
    );
  });
});

describe('head check reads', () => {
  // A node like anvil: a read of its newest block is answered from live state, so a block
  // mined during that read leaks into it. Block 29 is the head; `mineDuringFirstRead` mines 30.
  function racyNode(mineDuringFirstRead: boolean) {
    let head = 29;
    let reads = 0;
    const balanceAfter = (n: number) => `0x${(1000 + n).toString(16)}`;
    const batched = async (calls: RpcCall[]): Promise<RpcResult[]> =>
      calls.map((c, id) => {
        if (c.method === 'eth_blockNumber') return { jsonrpc: '2.0', id, result: `0x${head.toString(16)}` };
        const live = head === 29;
        if (mineDuringFirstRead && reads++ === 0) head = 30;
        return { jsonrpc: '2.0', id, result: balanceAfter(live ? head : 29) };
      });
    return { batched, reads: () => reads };
  }
  const targets = { addresses: ['0x01'], holdings: [], tokens: [] };

  it('reads again when a block was mined during a read of the head', async () => {
    const node = racyNode(true);
    const v = await readHeadValues(node, 29, '0xabc', targets);
    expect(node.reads()).toBe(2);
    expect(v!.balances.get('0x01')).toBe(1029n);
  });

  it('trusts a single read when the head did not move', async () => {
    const node = racyNode(false);
    expect((await readHeadValues(node, 29, '0xabc', targets))!.balances.get('0x01')).toBe(1029n);
  });
});
