// Shared set-up for the API suites: a devnet with history, indexed by the real indexer into a
// fresh database, and a server over it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { connect, migrateToLatest, type Db } from '../../db';
import { startDevnet, type Devnet } from '../../devnet';
import { startIndexer } from '../../indexer';
import { createServer, type ServerOptions, type YuscanServer } from '../../api/server';
import { pino } from 'pino';
import { freshPostgresUrl } from './postgres';

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export async function freshDatabaseUrl(dialect: 'sqlite' | 'postgres', label: string): Promise<string> {
  if (dialect === 'postgres') return freshPostgresUrl(label);
  return `sqlite:${join(mkdtempSync(join(tmpdir(), `yuscan-${label}-`)), 'test.db')}`;
}

export interface ApiWorld {
  devnet: Devnet;
  db: Db;
  server: YuscanServer;
  /** Index up to the chain head now (runs the real indexer with --once). */
  index(): Promise<void>;
  close(): Promise<void>;
}

/** Devnet (history end fixed so the chain is the same every run) + indexer + API server. */
export async function startApiWorld(
  dbUrl: string,
  opts: { history?: 'full' | 'none'; server?: Partial<ServerOptions>; onQuery?: (sql: string) => void } = {},
): Promise<ApiWorld> {
  const devnet = await startDevnet({
    port: await freePort(),
    seed: 1,
    history: opts.history ?? 'full',
    blockTimeMs: 1000,
    live: false,
    historyEnd: new Date('2025-06-01T00:00:00Z'),
  });
  const db = connect(dbUrl, { onQuery: opts.onQuery });
  await migrateToLatest(db);
  const index = async () => {
    const indexer = await startIndexer({ rpcUrl: devnet.rpcUrl, db, registry: devnet.registry, fromBlock: 0, confirmations: 0, once: true, logger: pino({ level: 'silent' }) });
    await indexer.done;
  };
  await index();
  const server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, pollIntervalMs: 200, ...opts.server });
  return {
    devnet, db, server, index,
    async close() {
      await server.close();
      await db.close();
      await devnet.stop();
    },
  };
}

/** POST a GraphQL query; returns status and parsed body. */
export async function gql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, body, headers: res.headers };
}
