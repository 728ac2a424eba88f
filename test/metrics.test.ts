// /metrics for operators: GraphQL latency by operation and the response cache's hit rate
// from the API; RPC latency and errors by method, batch write time and lag from the indexer.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationLabel } from '../api/http/apollo';
import { createServer } from '../api/server';
import { connect, migrateToLatest, type Db } from '../db';
import { startIndexer } from '../indexer/index';
import { createIndexerMetrics, serveMetrics } from '../indexer/metrics';
import { observedRpc } from '../indexer/observer';
import type { RpcClient } from '../indexer/rpc';
import { freshDatabaseUrl, gql } from './helpers/api';
import { startChain, type TestChain } from './helpers/indexer';

/** The value of one series in Prometheus text, or undefined. */
const series = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

let c: TestChain;
let db: Db;
beforeAll(async () => {
  c = await startChain();
  await c.mine(3);
  db = connect(await freshDatabaseUrl('sqlite', 'metrics'));
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.close();
  await c?.stop();
});

describe('indexer metrics', () => {
  it('count RPC round trips and failures by method', async () => {
    const fake: RpcClient = {
      url: 'http://fake',
      batch: async (calls) => calls.map((call) => (call.method === 'eth_bad' ? { error: { code: -1, message: 'no' } } : { result: '0x1' })),
      request: async <T>() => '0x1' as T,
      close: async () => {},
    };
    const seen: [string[], string[]][] = [];
    const rpc = observedRpc(fake, { rpc: (m, _s, failed) => seen.push([[...m], [...failed]]), batchWritten: () => {}, progress: () => {} });
    await rpc.batch([{ method: 'eth_ok', params: [] }, { method: 'eth_bad', params: [] }]);
    expect(seen).toEqual([[['eth_ok', 'eth_bad'], ['eth_bad']]]);
    expect(rpc.url).toBe('http://fake');
  });

  it('serve RPC latency by method, batch write time and lag after an index', async () => {
    const metrics = createIndexerMetrics();
    const served = await serveMetrics(metrics.registry, 0, '127.0.0.1');
    try {
      const ix = await startIndexer({ rpcUrl: c.rpcUrl, db, fromBlock: 0, confirmations: 0, once: true, logger: pino({ level: 'silent' }), observer: metrics.observer });
      await ix.done;
      const text = await (await fetch(served.url)).text();
      expect(series(text, 'yuscan_indexer_rpc_duration_seconds_count{method="eth_getBlockByNumber"}')).toBeGreaterThan(0);
      expect(series(text, 'yuscan_indexer_rpc_duration_seconds_count{method="eth_chainId"}')).toBeGreaterThan(0);
      expect(series(text, 'yuscan_indexer_batch_write_seconds_count')).toBeGreaterThan(0);
      expect(series(text, 'yuscan_indexer_blocks_written_total')).toBe((await c.head()).number + 1);
      expect(series(text, 'yuscan_indexer_lag_blocks_behind')).toBe(0);
      expect((await fetch(served.url.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      served.server.close();
    }
  });
});

describe('API metrics', () => {
  it('time GraphQL operations by name and count response-cache hits and misses', async () => {
    const server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false });
    try {
      for (let i = 0; i < 3; i++) expect((await gql(server.url, 'query Home { status { chainId } }')).status).toBe(200);
      await gql(server.url, '{ blocks(first: 1) { edges { node { number } } } }');
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(series(text, 'yuscan_graphql_duration_seconds_count{operation="Home"}')).toBe(1);
      expect(series(text, 'yuscan_graphql_duration_seconds_count{operation="blocks"}')).toBe(1);
      // The second and third Home were answered from the cache, without running the operation.
      expect(series(text, 'yuscan_response_cache_requests_total{result="hit"}')).toBe(2);
      expect(series(text, 'yuscan_response_cache_requests_total{result="miss"}')).toBe(2);
      expect(series(text, 'yuscan_response_cache_hit_ratio')).toBe(0.5);
    } finally {
      await server.close();
    }
  });

  it('labels an operation by its name, or by its root fields when the name is unusable', () => {
    const op = (fields: string[]) => ({ selectionSet: { selections: fields.map((f) => ({ kind: 'Field', name: { value: f } })) } }) as never;
    expect(operationLabel('Home', op(['status']))).toBe('Home');
    expect(operationLabel('bad name!', op(['status', 'blocks', 'status']))).toBe('blocks,status');
    expect(operationLabel(undefined, undefined)).toBe('unknown');
  });
});
