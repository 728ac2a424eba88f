// `yuscan serve`: API + web over an existing database, read-only (no migrations).
import { metadataSettings, type ServeConfig } from '../config';
import { createLogger } from '../config/log';
import type { Db } from '../db';
import { probeIndexerState } from '../db/indexer-state';
import { limitHeapGrowth, SERVER_HEAP_GROWTH_PERCENT } from '../config/heap';
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { leaveCluster, serveInCluster, startWorkers } from './cluster';

/** The operator's rate limit, trusted proxies and verification limits as server options (a rate limit of 0 turns it off). */
export function serverLimits(config: Pick<ServeConfig, 'rateLimit' | 'trustProxy' | 'verify'>) {
  return {
    rateLimit: config.rateLimit === 0 ? (false as const) : { max: config.rateLimit, windowMs: 60_000 },
    trustProxy: config.trustProxy,
    verify: config.verify,
  };
}

/** Fail with one clear line when the database has no yuscan schema (never create it here). */
export async function assertSchema(db: Db): Promise<void> {
  try {
    await probeIndexerState(db.db);
    await db.db.selectFrom('blocks').select('number').limit(1).execute();
  } catch (err) {
    const msg = (err as Error).message;
    if (/no such table|does not exist/i.test(msg)) {
      throw new Error(`${db.url} has no yuscan schema: run \`yuscan migrate --db URL\` and \`yuscan index\` first`);
    }
    throw new Error(`cannot read ${db.url}: ${msg}`);
  }
}

/** Resolve on the first SIGINT/SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((ok) => {
    const handler = (signal: string) => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      ok(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

export async function runServeCommand(config: ServeConfig): Promise<void> {
  const logger = createLogger('api');
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config.workers, logger);
  return runServer(config, logger);
}

/** `--workers N`: this process only forks and watches the N servers (api/cluster.ts). */
async function runPrimary(count: number, logger: Logger): Promise<void> {
  const workers = await startWorkers(count, logger);
  process.stdout.write(`yuscan API + web: ${workers.url}  (GraphQL ${workers.url}/graphql; ${count} worker processes)\n`);
  logger.info({ url: workers.url, workers: count }, 'serving');
  await untilSignal();
  logger.info('stopping');
  await workers.stop();
}

/** One server: the whole of `yuscan serve`, or one of its workers. */
async function runServer(config: ServeConfig, logger: Logger): Promise<void> {
  // Loaded here rather than at the top, so that a primary of workers, which serves nothing,
  // does not carry the server's code (and its memory).
  const [{ connect }, { createRpcClient }, { createServer }] = await Promise.all([import('../db'), import('../indexer/rpc'), import('./server')]);
  limitHeapGrowth(SERVER_HEAP_GROWTH_PERCENT);
  // A worker of our own primary (runPrimary forked it with the same command line), not of any
  // process manager that happens to use node:cluster with one server per process.
  const worker = config.workers > 1 && cluster.isWorker;
  const db = connect(config.databaseUrl, { mustExist: true });
  try {
    await assertSchema(db);
    const rpc = config.rpcUrl ? createRpcClient(config.rpcUrl) : undefined;
    const server = await createServer({
      db, port: config.port, logger, rpc, nativeCoin: config.nativeCoin, publicRpcUrl: config.publicRpcUrl, ...serverLimits(config), clusterWorker: worker,
      labels: config.labels, metadata: metadataSettings(),
    });
    const h = server.head.current;
    if (worker) {
      logger.info({ url: server.url, chainId: h.chainId, indexedHead: h.indexedHead }, 'worker serving');
      await Promise.race([untilSignal(), serveInCluster(server.url)]);
    } else {
      process.stdout.write(`yuscan API + web: ${server.url}  (GraphQL ${server.url}/graphql)\n`);
      logger.info({ url: server.url, chainId: h.chainId, indexedHead: h.indexedHead }, 'serving');
      await untilSignal();
    }
    logger.info('stopping');
    await server.close();
    await rpc?.close();
  } finally {
    await db.close();
    if (worker) leaveCluster();
  }
}
