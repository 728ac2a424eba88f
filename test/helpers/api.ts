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
import { createClient } from 'graphql-ws';
import { pino } from 'pino';
import WebSocket from 'ws';
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
    const indexer = await startIndexer({ rpcUrl: devnet.rpcUrl, genesisFile: devnet.genesisFile, db, registry: devnet.registry, fromBlock: 0, confirmations: 0, once: true, logger: pino({ level: 'silent' }) });
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

/**
 * Subscribe to newBlock on each of `urls` (one graphql-ws client each), run `produce` (which
 * must make block `next` reach the servers), and return, per url, whether its subscriber saw
 * `next` within 10 s.
 */
export async function newBlockSeenOn(urls: string[], next: number, produce: () => Promise<void>): Promise<boolean[]> {
  const clients = urls.map((url) => createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false }));
  try {
    const seen = clients.map(() => [] as number[]);
    clients.forEach((client, i) =>
      client.subscribe<{ newBlock: { number: number } }>(
        { query: 'subscription { newBlock { number } }' },
        { next: (m) => seen[i]!.push(m.data!.newBlock.number), error: () => {}, complete: () => {} },
      ),
    );
    await new Promise((r) => setTimeout(r, 1_000)); // subscribed
    await produce();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !seen.every((s) => s.includes(next))) await new Promise((r) => setTimeout(r, 50));
    return seen.map((s) => s.includes(next));
  } finally {
    await Promise.all(clients.map((cl) => cl.dispose()));
  }
}
