// The alliance browser tests' stack: a devnet with FULL simulated history up to a fixed
// date (so every figure is deterministic), indexed once into a fresh SQLite file, served by
// the real API/web server. Building the history takes a while: start ONE per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, http, type PublicClient } from 'viem';
import { connect, migrateToLatest, type Db } from '../../db';
import { startDevnet, type Devnet } from '../../devnet';
import { startIndexer } from '../../indexer';
import { createServer, type YuscanServer } from '../../api/server';
import { WEB_DIST } from '../../cli/build-web';
import { freePort } from './stack';

/**
 * History ends here: phase 1 (2020-04-14 – 2025-04-14) has ended, so its KPIs are final
 * (ACHIEVED or MISSED), and phase 2 (to 2030-04-14) is the current plan, with live pace and
 * projections.
 */
export const ALLIANCE_HISTORY_END = new Date(Date.UTC(2026, 10, 25));

export interface AllianceStack {
  url: string;
  rpcUrl: string;
  devnet: Devnet;
  chain: PublicClient;
  db: Db;
  server: YuscanServer;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export async function startAllianceStack(opts: { seed?: number; historyEnd?: Date } = {}): Promise<AllianceStack> {
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t0;
    t0 = Date.now();
  };
  const dir = mkdtempSync(join(tmpdir(), 'yuscan-alliance-'));
  const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve().then(c).catch(() => {});
  };
  try {
    const devnet = await startDevnet({
      port: await freePort(),
      seed: opts.seed ?? 1,
      history: 'full',
      historyEnd: opts.historyEnd ?? ALLIANCE_HISTORY_END,
      blockTimeMs: 2000,
      live: false,
      // Indexed once the history is built, by an indexer that reads balances at past blocks.
      archive: true,
    });
    cleanups.push(() => devnet.stop());
    lap('devnet');
    const db = connect(`sqlite:${join(dir, 'alliance.db')}`);
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    const indexer = await startIndexer({ rpcUrl: devnet.rpcUrl, genesisFile: devnet.genesisFile, db, registry: devnet.registry, fromBlock: 0, confirmations: 0, once: true });
    await indexer.done;
    lap('index');
    const server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, webDir: WEB_DIST });
    cleanups.push(() => server.close());
    const chain = createPublicClient({ transport: http(devnet.rpcUrl, { retryCount: 0 }) }) as PublicClient;
    return { url: server.url, rpcUrl: devnet.rpcUrl, devnet, chain, db, server, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
