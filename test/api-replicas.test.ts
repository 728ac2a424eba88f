// Stateless API replicas: two `yuscan serve` processes on one PostgreSQL database each
// serve queries and newBlock subscriptions; kill one under load and the other answers
// every request.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIndexer } from '../indexer/index';
import { freePort, gql, newBlockSeenOn } from './helpers/api';
import { lastIndexed, openDb, startChain, type TestChain } from './helpers/indexer';
import type { Db } from '../db/connect';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Replica { url: string; child: ChildProcess; exited: Promise<unknown> }

async function startReplica(dbUrl: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/yuscan.js', 'serve', '--db', dbUrl, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('yuscan API + web:')) resolve();
    });
    void exited.then(() => reject(new Error(`serve exited: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, exited };
}

let c: TestChain;
let db: Db;
let replicas: Replica[] = [];
const index = async () => (await startIndexer({ rpcUrl: c.rpcUrl, db, fromBlock: 0, confirmations: 0, once: true, logger: pino({ level: 'silent' }) })).done;

beforeAll(async () => {
  c = await startChain();
  await c.mine(5);
  db = await openDb('postgres', 'replicas');
  await index();
  replicas = await Promise.all([startReplica(db.url), startReplica(db.url)]);
});
afterAll(async () => {
  for (const r of replicas) r.child.kill('SIGKILL');
  await db?.close();
  await c?.stop();
});

describe('API replicas on one PostgreSQL', () => {
  it('each replica serves queries and delivers newBlock to its own subscribers', async () => {
    const head = (await lastIndexed(db))!.block;
    for (const r of replicas) expect((await gql(r.url, '{ status { indexedHead } }')).body.data.status.indexedHead).toBe(head);
    expect(await newBlockSeenOn(replicas.map((r) => r.url), head + 1, async () => {
      await c.mine();
      await index();
    })).toEqual([true, true]);
  });

  it('one replica SIGKILLed under load: the other answers every request', async () => {
    const [doomed, survivor] = replicas as [Replica, Replica];
    const outcomes: { replica: number; ok: boolean; detail: string }[] = [];
    let running = true;
    const worker = async (replica: number, url: string) => {
      while (running) {
        try {
          const r = await gql(url, '{ status { indexedHead } blocks(first: 5) { edges { node { number hash } } } }');
          outcomes.push({ replica, ok: r.status === 200 && !r.body.errors && r.body.data.blocks.edges.length === 5, detail: `${r.status}` });
        } catch (err) {
          outcomes.push({ replica, ok: false, detail: (err as Error).message });
          if (replica === 0) await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    // Eight clients on each replica, as a load balancer would spread them.
    const workers = [...Array(8)].flatMap(() => [worker(0, doomed.url), worker(1, survivor.url)]);
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeKill = outcomes.filter((o) => o.replica === 1).length;
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await new Promise((r) => setTimeout(r, 2_000));
    running = false;
    await Promise.all(workers);

    const survivorOutcomes = outcomes.filter((o) => o.replica === 1);
    expect(beforeKill).toBeGreaterThan(0);
    expect(survivorOutcomes.length).toBeGreaterThan(beforeKill);
    expect(survivorOutcomes.filter((o) => !o.ok)).toEqual([]);
    // The kill really happened under load: the doomed replica had answered, then stopped answering.
    expect(outcomes.some((o) => o.replica === 0 && o.ok)).toBe(true);
    expect(outcomes.some((o) => o.replica === 0 && !o.ok)).toBe(true);
  });
});
