// Crash safety (SIGKILLed child processes) and RPC faults (node unreachable for 10 s), on
// both dialects, against one devnet chain. Each run must end equal, table by table, to an
// uninterrupted index of the same chain.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIndexer } from '../indexer/index';
import {
  DIALECTS, bulkTransfers, bytes32, captureLogger, checksums, deployDemoTokens, indexOnce, lastIndexed, openDb, runChild, startChain,
  tokenBlock, waitFor, type TestChain,
} from './helpers/indexer';
import { startRpcProxy, type RpcProxy } from './helpers/indexer-proxy';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let c: TestChain;
let head: number;
let reference: Record<string, string>;

beforeAll(async () => {
  c = await startChain();
  const [m0, m1] = c.members as [`0x${string}`, `0x${string}`];
  await c.registryCall(c.owner, 'admitMember', [m0, 'A', 'CN', 'x']);
  await c.registryCall(c.owner, 'admitMember', [m1, 'B', 'CN', 'x']);
  const tokens = await deployDemoTokens(c);
  await c.automine(false);
  // ~30 write batches of 100 blocks, with registry events sprinkled through.
  for (let i = 0; i < 30; i++) {
    await c.registryCall(m0, 'filePatent', [bytes32(`CRASH-${i}`), `p${i}`, 1600000000n + BigInt(i)]);
    await c.registryCall(m1, 'reportOutput', [20201 + (i % 4), BigInt(i * 7)]);
    await tokenBlock(c, tokens, i);
    await bulkTransfers(c, 100, 1, i);
  }
  head = (await c.head()).number;
  const ref = await openDb('sqlite', 'reference');
  await indexOnce(c.rpcUrl, ref, { genesisFile: c.genesisFile });
  reference = await checksums(ref);
  await ref.close();
});
afterAll(() => c?.stop());

describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  it('survives 10+ SIGKILLs at random moments of one backfill', async () => {
    const db = await openDb(dialect, 'crash');
    // A slow node (each request 50 ms, one at a time) makes the backfill last long enough to kill it:
    // a batch takes three round trips (blocks and receipts, traces, balances and token reads).
    const proxy = await startRpcProxy(c.rpcUrl, { delayMs: 50 });
    try {
      let kills = 0;
      const checkpoints: number[] = [];
      for (let attempt = 0; kills < 10 && attempt < 30; attempt++) {
        const run = runChild(proxy.url, db.url, c.genesisFile);
        // Mostly while it fetches and writes, sometimes while it is still starting up.
        const during = attempt % 5 !== 4;
        // The moment follows the backfill's progress, not a clock: inside the batch in flight
        // or the next one. A fixed window let a fast machine finish before the tenth kill.
        // Every other attempt waits for a commit first, so the kills are spread through the
        // backfill for certain (a coin toss per attempt left too few kills after a commit, and
        // the progress check failed, a few runs in a hundred).
        const moment = during
          ? run.started.then(async () => {
              if (attempt % 2 === 0) {
                const from = (await lastIndexed(db))?.block ?? -1;
                await waitFor('a batch to commit', async () => run.child.exitCode !== null || ((await lastIndexed(db))?.block ?? -1) > from);
              }
              await sleep(Math.random() * 400);
            })
          : sleep(Math.random() * 800);
        const outcome = await Promise.race([run.exited.then((code) => ({ code })), moment.then(() => null)]);
        if (outcome) throw new Error(`indexer exited (${outcome.code}) before it could be killed: ${run.stderr()}`);
        run.child.kill('SIGKILL');
        await run.exited;
        kills++;
        checkpoints.push((await lastIndexed(db))?.block ?? -1);
      }
      expect(kills).toBeGreaterThanOrEqual(10);
      // The kills fell inside the backfill, and it moved forward between them.
      expect(checkpoints.at(-1)!).toBeLessThan(head);
      expect(new Set(checkpoints).size).toBeGreaterThan(2);

      const last = runChild(proxy.url, db.url, c.genesisFile);
      expect(await last.exited, last.stderr()).toBe(0);
      expect((await lastIndexed(db))!.block).toBe(head);
      expect(await checksums(db)).toEqual(reference);
    } finally {
      await proxy.close();
      await db.close();
    }
  });
});

describe('RPC faults', () => {
  it('rides out a node that is down for 10 s mid-backfill, on both dialects at once, with no gap', async () => {
    const proxy: RpcProxy = await startRpcProxy(c.rpcUrl, { delayMs: 60 });
    const dbs = await Promise.all(DIALECTS.map((d) => openDb(d, 'fault')));
    const logs = DIALECTS.map(() => captureLogger());
    try {
      const ixs = await Promise.all(
        // Small batches: with 3,000 blocks in big ones the backfill could end before the node goes down.
        dbs.map((db, i) => startIndexer({ rpcUrl: proxy.url, genesisFile: c.genesisFile, db, fromBlock: 0, confirmations: 0, once: true, maxBlocksPerBatch: 30, logger: logs[i]!.logger })),
      );
      await waitFor('both indexers mid-backfill', async () => {
        const l = await Promise.all(dbs.map(lastIndexed));
        return l.every((x) => x && x.block > 0);
      });
      await proxy.down();
      const frozen = await Promise.all(dbs.map(lastIndexed));
      await sleep(10_000);
      expect(frozen.every((f) => f!.block < head)).toBe(true);
      await proxy.up();
      await Promise.all(ixs.map((ix) => ix.done));
      for (const [i, db] of dbs.entries()) {
        expect((await lastIndexed(db))!.block).toBe(head);
        expect(await checksums(db), DIALECTS[i]).toEqual(reference);
        expect(logs[i]!.lines.some((l) => /retrying/.test(String(l.msg)))).toBe(true);
      }
    } finally {
      await proxy.close();
      await Promise.all(dbs.map((db) => db.close()));
    }
  });

  it('fails with a clear message on a wrong --rpc: nothing listening, or not JSON-RPC', async () => {
    const db = await openDb('sqlite', 'wrong');
    const html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
    try {
      const quick = { attempts: 3, baseMs: 10, capMs: 20 };
      const { logger } = captureLogger();
      await expect(
        startIndexer({ rpcUrl: 'http://127.0.0.1:1', db, fromBlock: 0, confirmations: 0, once: true, logger, startupRetry: quick }),
      ).rejects.toThrow(/cannot use http:\/\/127\.0\.0\.1:1 as an EVM JSON-RPC node after 3 attempts: .*unreachable/);
      const url = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
      await expect(startIndexer({ rpcUrl: url, db, fromBlock: 0, confirmations: 0, once: true, logger, startupRetry: quick })).rejects.toThrow(
        /did not answer as JSON-RPC/,
      );
      // The command: exit 1 and one line naming the node.
      const run = runChild('http://127.0.0.1:1', db.url);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(/yuscan index: cannot use http:\/\/127\.0\.0\.1:1 as an EVM JSON-RPC node after 5 attempts/);
    } finally {
      html.close();
      await db.close();
    }
  });
});
