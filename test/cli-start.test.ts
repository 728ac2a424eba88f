// `yuscan start` as a user runs it: one process brings up the devnet, indexer and server,
// prints one banner with the URL, serves the app and API, and stops cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, sqlitePath } from '../db';
import { freePort } from './helpers/api';
import { anvilBelow, outlive } from './helpers/processes';

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const tick = setInterval(() => {
      const m = read().match(pattern);
      if (m) {
        clearInterval(tick);
        ok(m);
      } else if (Date.now() - started > ms) {
        clearInterval(tick);
        fail(new Error(`no ${pattern} within ${ms} ms in:\n${read()}`));
      }
    }, 100);
  });
}

describe('yuscan start', () => {
  it('runs devnet + indexer + API + web behind one banner, and Ctrl-C stops it cleanly', async () => {
    const port = await freePort();
    const devnetPort = await freePort();
    const dbUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'yuscan-start-e2e-')), 'yuscan.db')}`;
    const child = spawn(
      process.execPath,
      ['bin/yuscan.js', 'start', '--db', dbUrl, '--port', String(port), '--devnet-port', String(devnetPort), '--history', 'none', '--block-time-ms', '500'],
      // NODE_ENV as in production: under `test` libraries skip their own signal handling.
      // LOG_LEVEL unset: start's own default, warnings only.
      { env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: '', RPC_URL: '', DATABASE_URL: '', PORT: '', PUBLIC_RPC_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    let anvil: number[] = [];
    try {
      await waitFor(() => stdout, new RegExp(`➜  http://localhost:${port}`), 60_000);
      expect(stdout).toContain('devnet (chain id 20200414) — demo network, simulated data');
      expect(stdout.match(/yuscan — Yu Express Chain/g)).toHaveLength(1);
      anvil = anvilBelow(child.pid!);
      expect(anvil).toHaveLength(1);

      // The live devnet mines every 500 ms; the indexer follows it and the API reports it.
      const base = `http://127.0.0.1:${port}`;
      await waitFor(() => stdout, /indexing: up to date at block \d+/, 30_000);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as Record<string, unknown>;
      expect(body).toHaveProperty('lag');
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ status { chainId isDevnet indexedHead chainName publicRpcUrl } }' }),
      });
      const status = ((await res.json()) as { data: { status: { chainId: number; isDevnet: boolean; indexedHead: number; chainName: string; publicRpcUrl: string } } }).data.status;
      expect(status.chainId).toBe(20200414);
      // Wallets are offered the devnet's own node, since no PUBLIC_RPC_URL names another.
      expect([status.chainName, new URL(status.publicRpcUrl).port]).toEqual(['Yu Express Chain Devnet', String(devnetPort)]);
      expect(status.isDevnet).toBe(true);
      expect(status.indexedHead).toBeGreaterThanOrEqual(1);
      const page = await fetch(`${base}/alliance`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    // The devnet's node stopped with it.
    expect(await outlive(anvil, 5_000)).toEqual([]);
    expect(stderr).not.toMatch(/error/i);
    // The banner, then progress lines only; the logs (JSON here: stderr is a pipe) say only what needs attention.
    const afterBanner = stdout.slice(stdout.indexOf('  GraphQL:')).split('\n').slice(1).filter((l) => l.trim());
    expect(afterBanner.length).toBeGreaterThan(0);
    for (const line of afterBanner) expect(line).toMatch(/^indexing: /);
    for (const line of stderr.split('\n').filter((l) => l.startsWith('{'))) expect((JSON.parse(line) as { level: number }).level, line).toBeGreaterThanOrEqual(40);
    // Every connection closed: SQLite folds its write-ahead log back in and removes it.
    expect(existsSync(`${sqlitePath(dbUrl)}-wal`)).toBe(false);

    // Nothing left half-written: the checkpoint names a block that is stored with its hash.
    const db = connect(dbUrl);
    try {
      const state = await db.db.selectFrom('indexer_state').selectAll().executeTakeFirstOrThrow();
      const block = await db.db.selectFrom('blocks').select('hash').where('number', '=', state.last_block).executeTakeFirstOrThrow();
      expect(block.hash).toBe(state.last_hash);
      const max = await db.db.selectFrom('blocks').select((e) => e.fn.max('number').as('n')).executeTakeFirstOrThrow();
      expect(Number(max.n)).toBe(state.last_block);
    } finally {
      await db.close();
    }
  });
});
