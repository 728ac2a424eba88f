// `yuscan serve --workers 2`: two server processes on one port. Each request below opens a
// connection of its own, and the cluster's primary hands connections to the workers in turn,
// so consecutive requests land on different workers. The rate limit and /metrics must count
// for the server as a whole; newBlock must reach the subscribers of each worker; a stop must
// stop them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, newBlockSeenOn } from './helpers/api';
import { indexOnce, lastIndexed, openDb, startChain, type TestChain } from './helpers/indexer';
import type { Db } from '../db/connect';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let c: TestChain;
let db: Db;
let serve: { url: string; child: ChildProcess; exited: Promise<number | null> };

/** One HTTP request on a connection of its own (no keep-alive agent). */
function once(url: string, method: 'GET' | 'POST', body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += String(d)));
      res.on('end', () => ok({ status: res.statusCode!, text }));
    });
    req.on('error', fail);
    // A lost connection fails the test in seconds, saying so, instead of at the test's timeout.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.end(body);
  });
}

/** The `yuscan serve` processes whose parent is `pid` (not helpers such as tsx's esbuild service). */
const workersOf = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const parent = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        return parent === pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes('serve');
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);

beforeAll(async () => {
  c = await startChain();
  await c.mine(3);
  db = await openDb('sqlite', 'workers');
  await indexOnce(c.rpcUrl, db);
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/yuscan.js', 'serve', '--db', db.url, '--port', String(port), '--workers', '2'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT: '4' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => (out += String(d)).includes('yuscan API + web:') && resolve());
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  expect(out).toContain('2 worker processes');
  serve = { url: `http://127.0.0.1:${port}`, child, exited };
});
afterAll(async () => {
  if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
  await db?.close();
  await c?.stop();
});

describe('yuscan serve --workers 2', () => {
  it('runs two server processes under one primary', () => {
    expect(workersOf(serve.child.pid!)).toHaveLength(2);
  });

  it('counts one client against one rate limit, whichever worker answers', async () => {
    // Loopback is a trusted proxy by default, so X-Forwarded-For names the client.
    const client = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await once(`${serve.url}/graphql`, 'POST', '{"query":"{ status { chainId } }"}', client)).status);
    // Counted by each worker alone, three requests a worker would all pass.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await once(`${serve.url}/graphql`, 'POST', '{"query":"{ status { chainId } }"}', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });

  it('answers /metrics for all the workers: counters add up, the head is the head', async () => {
    const head = (await lastIndexed(db))!.block;
    const text = (await once(`${serve.url}/metrics`, 'GET')).text;
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('yuscan_http_requests_total{route="/graphql",method="POST",status="200"}')).toBe(5);
    expect(value('yuscan_http_requests_total{route="/graphql",method="POST",status="429"}')).toBe(2);
    expect(value('yuscan_indexer_head')).toBe(head);
  });

  it('delivers newBlock to subscribers on either worker', async () => {
    const head = (await lastIndexed(db))!.block;
    expect(await newBlockSeenOn([serve.url, serve.url], head + 1, async () => {
      await c.mine();
      await indexOnce(c.rpcUrl, db);
    })).toEqual([true, true]);
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    // A client address of its own for each request, clear of the rate limit of 4 a minute.
    let client = 0;
    const ask = () => once(`${serve.url}/graphql`, 'POST', '{"query":"{ status { chainId } }"}', { 'x-forwarded-for': `198.51.100.${++client}` }).then((r) => r.status);
    const [doomed, survivor] = workersOf(serve.child.pid!) as [number, number];
    process.kill(doomed, 'SIGKILL');
    // Ask only once the primary has seen the death (it forks the replacement on 'exit'): a
    // connection node:cluster hands to a worker in the instant it dies is lost with it,
    // which a proxy's timeout covers but a test would wait out.
    const deadline = Date.now() + 30_000;
    let now = workersOf(serve.child.pid!);
    while (Date.now() < deadline && !now.some((pid) => pid !== doomed && pid !== survivor)) {
      await new Promise((r) => setTimeout(r, 20));
      now = workersOf(serve.child.pid!);
    }
    // The replacement is still loading the server: the survivor answers alone meanwhile.
    for (let i = 0; i < 10; i++) {
      expect(await ask()).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    now = workersOf(serve.child.pid!);
    expect(now).toContain(survivor);
    expect(now).not.toContain(doomed);
    expect(now).toHaveLength(2);
    expect(await Promise.all([0, 1, 2, 3].map(ask))).toEqual([200, 200, 200, 200]);
  });

  it('stops every worker on SIGTERM, and exits 0', async () => {
    const workers = workersOf(serve.child.pid!);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(workers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    })).toEqual([]);
  });
});
