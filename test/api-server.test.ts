// The HTTP surface: hostile requests, limits, subscriptions, statement counts, health,
// metrics, headers and the web app's routes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { pino } from 'pino';
import { connect } from '../db';
import { startIndexer } from '../indexer';
import { createServer } from '../api/server';
import { startApiWorld, freshDatabaseUrl, gql, type ApiWorld } from './helpers/api';

let w: ApiWorld;
let webDir: string;
const statements: string[] = [];

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'yuscan-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root">yuscan app</div>');
  writeFileSync(join(webDir, 'embed.html'), '<!doctype html><div id="embed">yuscan embed</div>');
  writeFileSync(join(webDir, 'assets', 'app-123.js'), 'console.log(1)');
  w = await startApiWorld(await freshDatabaseUrl('sqlite', 'api_server'), {
    onQuery: (sql) => statements.push(sql),
    server: { webDir, rateLimit: false },
  });
});
afterAll(async () => w?.close());

const url = () => w.server.url;

describe('hostile requests each get a clean error, and the server keeps answering', () => {
  const deep = `{ transactions(first: 1) { edges { node { block { transactions(first: 1) { edges { node { block { transactions(first: 1) { edges { node { block { transactions(first: 1) { edges { node { hash } } } } } } } } } } } } } } } }`;
  const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: status { chainId }`).join(' ')} }`;
  const fat = `{ blocks(first: 100) { edges { node { transactions(first: 100) { edges { node { logs { data } block { transactions(first: 100) { edges { node { hash } } } } } } } } } } }`;
  const bigQuery = `{ status { chainId } } # ${'x'.repeat(1024 * 1024)}`;
  const cases: Array<{ name: string; send: () => Promise<Response>; status?: number[]; code?: string }> = [];
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => () =>
    fetch(`${url()}/graphql`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const q = (query: string, variables?: unknown) => post({ query, variables });
  cases.push(
    { name: 'depth bomb', send: q(deep), status: [400], code: 'QUERY_TOO_COMPLEX' },
    { name: 'first: 100000', send: q('{ blocks(first: 100000) { edges { node { number } } } }'), code: 'BAD_USER_INPUT' },
    { name: 'first: 0', send: q('{ transactions(first: 0) { edges { node { hash } } } }'), code: 'BAD_USER_INPUT' },
    { name: 'first: -5 through a variable', send: q('query($n: Int) { blocks(first: $n) { edges { cursor } } }', { n: -5 }), code: 'BAD_USER_INPUT' },
    { name: '1,000 aliases', send: q(aliases), status: [400], code: 'QUERY_TOO_COMPLEX' },
    { name: 'cost bomb', send: q(fat), status: [400], code: 'QUERY_TOO_COMPLEX' },
    { name: 'malformed cursor', send: q('{ blocks(after: "not-a-cursor!") { edges { cursor } } }'), code: 'BAD_USER_INPUT' },
    { name: 'cursor of another list', send: q('{ transactions(after: "YmxvY2s6NQ") { edges { cursor } } }'), code: 'BAD_USER_INPUT' },
    { name: 'malformed hash', send: q('{ transaction(hash: "0x1234") { hash } }'), code: 'BAD_USER_INPUT' },
    { name: 'malformed block hash', send: q('{ block(hash: "0xzz") { number } }'), code: 'BAD_USER_INPUT' },
    { name: 'malformed address', send: q('{ account(address: "0xnothex") { address } }'), code: 'BAD_USER_INPUT' },
    { name: 'malformed member address', send: q('{ member(address: "hello") { name } }'), code: 'BAD_USER_INPUT' },
    { name: 'block by number and hash at once', send: q('{ block { number } }'), code: 'BAD_USER_INPUT' },
    { name: 'negative block number', send: q('{ block(number: -1) { number } }'), code: 'BAD_USER_INPUT' },
    { name: 'bad timestamp literal', send: q('{ chainStats(metric: BLOCKS, from: "yesterday") { value } }'), status: [400], code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'bad timestamp variable', send: q('query($f: Timestamp) { chainStats(metric: BLOCKS, from: $f) { value } }', { f: 'yesterday' }), status: [400] },
    { name: 'ten thousand day buckets', send: q('{ chainStats(metric: BLOCKS, from: 0, to: 4000000000) { value } }'), code: 'BAD_USER_INPUT' },
    { name: 'bad plan period', send: q('{ kpis(period: "DROP TABLE") { id } }'), code: 'BAD_USER_INPUT' },
    { name: 'bad quarter', send: q('{ outputReports(period: 20209) { totalCount } }'), code: 'BAD_USER_INPUT' },
    { name: '1 MB query', send: q(bigQuery), status: [413] },
    { name: 'unknown field', send: q('{ status { password } }'), status: [400], code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'syntax error', send: q('{ status { '), status: [400], code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'batch of 50', send: post(Array.from({ length: 50 }, () => ({ query: '{ status { chainId } }' }))), status: [400], code: 'BATCH_TOO_LARGE' },
    { name: 'empty batch', send: post([]), status: [400] },
    { name: 'invalid JSON', send: post('{"query": ', { 'content-type': 'application/json' }), status: [400] },
    { name: 'no query', send: post({ variables: {} }), status: [400] },
    { name: 'mutation', send: q('mutation { x }'), status: [400] },
    { name: 'subscription over HTTP', send: q('subscription { newBlock { number } }'), status: [400], code: 'BAD_REQUEST' },
    { name: 'wrong variable type', send: q('query($n: Int) { block(number: $n) { hash } }', { n: 'abc' }), status: [400] },
    { name: 'unknown API path', send: () => fetch(`${url()}/graphql/v2`, { method: 'POST' }), status: [404] },
    // /api answers as Etherscan does: an unknown path is a NOTOK answer, not an HTTP error.
    { name: 'unknown /api path', send: () => fetch(`${url()}/api/users`), status: [200] },
    { name: 'introspection depth bomb', send: q(`{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } } } }`), status: [400], code: 'GRAPHQL_VALIDATION_FAILED' },
  );

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await c.send();
    const text = await res.text();
    expect(res.status).not.toBe(500);
    expect(res.status).toBeLessThan(500);
    if (c.status) expect(c.status).toContain(res.status);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|stacktrace/i);
    if (c.code) expect(text).toContain(`"code":"${c.code}"`);
    const alive = await gql(url(), '{ status { chainId } }');
    expect(alive.status).toBe(200);
    expect(alive.body.data.status.chainId).toBe(20200414);
  });
});

describe('limits in normal use', () => {
  it('a page of 100 transactions with their blocks and logs runs a bounded number of statements', async () => {
    await w.server.head.allianceState(); // registry state is per head, not per request
    statements.length = 0;
    const r = await gql(url(), `{ transactions(first: 100) { edges { node { hash block { number hash timestamp } logs { logIndex decoded { name } } fromMember { name } toMember { name } } } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.transactions.edges).toHaveLength(100);
    const count = statements.filter((s) => !/indexer_state/.test(s)).length;
    expect(count).toBeLessThanOrEqual(4); // transactions, blocks (one IN), logs (one IN), verified ABIs of the emitters (one IN)
    statements.length = 0;
    const a = await gql(url(), `query($a: String!) { account(address: $a) { transactions(first: 100) { edges { node { hash block { number } logs { logIndex } } } } } }`, { a: w.devnet.members[0] });
    expect(a.body.errors).toBeUndefined();
    expect(statements.filter((s) => !/indexer_state/.test(s)).length).toBeLessThanOrEqual(5);
  });

  it('rate limit answers 429 per IP, and can be raised', async () => {
    const server = await createServer({ db: w.db, port: 0, host: '127.0.0.1', rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await gql(server.url, '{ status { chainId } }')).status);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(codes[5]).toBe(429);
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{status{chainId}}"}' });
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    } finally {
      await server.close();
    }
  });
});

describe('newBlock subscription', () => {
  it('delivers a newly mined block within 3 s', async () => {
    const indexer = await startIndexer({
      rpcUrl: w.devnet.rpcUrl, db: w.db, registry: w.devnet.registry, fromBlock: 0, confirmations: 0, once: false,
      pollIntervalMs: 200, logger: pino({ level: 'silent' }),
    });
    const client = createClient({ url: `${url().replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
    try {
      const received: Array<{ number: number; hash: string; at: number }> = [];
      const unsubscribe = client.subscribe<{ newBlock: { number: number; hash: string } }>(
        { query: 'subscription { newBlock { number hash txCount } }' },
        { next: (m) => received.push({ ...m.data!.newBlock, at: Date.now() }), error: () => {}, complete: () => {} },
      );
      await new Promise((r) => setTimeout(r, 700)); // subscribed
      const minedAt = Date.now();
      const res = await fetch(w.devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }) });
      expect(res.ok).toBe(true);
      const block = await fetch(w.devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'eth_getBlockByNumber', params: ['latest', false] }) }).then((r) => r.json() as Promise<{ result: { number: string; hash: string } }>);
      const deadline = minedAt + 3000;
      while (Date.now() < deadline && !received.some((b) => b.hash === block.result.hash)) await new Promise((r) => setTimeout(r, 50));
      const got = received.find((b) => b.hash === block.result.hash);
      expect(got, `received ${JSON.stringify(received)}`).toBeDefined();
      expect(got!.number).toBe(parseInt(block.result.number, 16));
      expect(got!.at - minedAt).toBeLessThan(3000);
      unsubscribe();
    } finally {
      await client.dispose();
      await indexer.stop();
    }
  });

  it('rejects an over-deep subscription cleanly', async () => {
    const client = createClient({ url: `${url().replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket });
    try {
      const err = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: `subscription { newBlock { transactions { edges { node { block { transactions { edges { node { block { transactions { edges { node { hash } } } } } } } } } } } } }` }, {
          next: () => {}, error: resolve, complete: () => resolve(null),
        });
      });
      expect(JSON.stringify(err)).toMatch(/levels deep/);
    } finally {
      await client.dispose();
    }
  });
});

describe('HTTP', () => {
  it('/healthz reports the lag, and 503 when the database is unreachable', async () => {
    const ok = await fetch(`${url()}/healthz`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { lag: unknown };
    expect(body).toMatchObject({ ok: true, chainId: 20200414 });
    expect(typeof body.lag).toBe('number');
    const dead = connect('postgres://nobody@127.0.0.1:1/none');
    const server = await createServer({ db: dead, port: 0, host: '127.0.0.1' });
    try {
      const r = await fetch(`${server.url}/healthz`);
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ ok: false, error: 'database unreachable' });
      const g = await gql(server.url, '{ blocks(first: 1) { edges { cursor } } }');
      expect(g.status).toBeLessThan(500);
      expect(JSON.stringify(g.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1/);
    } finally {
      await server.close();
      await dead.close();
    }
  });

  it('/metrics serves Prometheus text with requests, latency, head and lag', async () => {
    await gql(url(), '{ status { chainId } }');
    const text = await (await fetch(`${url()}/metrics`)).text();
    expect(text).toMatch(/yuscan_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
    expect(text).toMatch(/yuscan_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/yuscan_indexer_head \d+/);
    expect(text).toMatch(/yuscan_indexer_lag_blocks \d+/);
  });

  it('CORS is permissive, responses are compressed, finalized blocks are cacheable', async () => {
    const pre = await fetch(`${url()}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const big = await fetch(`${url()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: JSON.stringify({ query: '{ blocks(first: 100) { edges { node { hash parentHash miner } } } }' }) });
    expect(big.headers.get('content-encoding')).toBe('gzip');
    const old = await fetch(`${url()}/graphql?query=${encodeURIComponent('{ block(number: 1) { hash } }')}`);
    expect(old.status).toBe(200);
    expect(old.headers.get('cache-control')).toMatch(/max-age=86400/);
    const fresh = await fetch(`${url()}/graphql?query=${encodeURIComponent('{ status { indexedHead } }')}`);
    expect(fresh.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the web app, SPA routes, embeds with their own frame policy, and the explorer', async () => {
    for (const path of ['/', '/alliance', '/tx/0xabc', '/address/0x1?lang=en']) {
      const r = await fetch(`${url()}${path}`);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('yuscan app');
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    }
    const embed = await fetch(`${url()}/embed/kpi/PATENTS`);
    expect(embed.status).toBe(200);
    expect(await embed.text()).toContain('yuscan embed');
    expect(embed.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('set-cookie')).toBeNull();
    const asset = await fetch(`${url()}/assets/app-123.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${url()}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url()}/favicon-nope.png`)).status).toBe(404);
    const explorer = await fetch(`${url()}/graphql`, { headers: { accept: 'text/html' } });
    const html = await explorer.text();
    expect(explorer.status).toBe(200);
    expect(html).toContain('yuscan GraphQL');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i); // nothing from a CDN
  });
});
