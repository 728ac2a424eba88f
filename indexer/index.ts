// The indexer's programmatic entry point (used by `yuscan index` and `yuscan start`).
import type { Logger } from 'pino';
import { DEVNET_CHAIN_ID } from '../config/constants';
import { INDEXER_HEAP_GROWTH_PERCENT, limitHeapGrowth } from '../config/heap';
import { createLogger } from '../config/log';
import { LockError, type Db, type WriterLock } from '../db/engine';
import { migrateToLatest } from '../db/migrate';
import { DEFAULT_RETRY, RetryableError, STARTUP_RETRY, withRetry, type RetryPolicy } from './backoff';
import { toHex } from './fetch';
import { observedRpc, type IndexerObserver } from './observer';
import type { IndexerProgress } from './progress';
import { createRpcClient, redactUrl, RpcError, type RpcClient } from './rpc';
import { Sync } from './sync';
import { loadIndexerState, saveBalanceHistory, saveCheckpoint } from '../db/indexer-state';
import type { TraceMethod } from '../config';
import { exactFromAtStart } from './exactness';
import { BlockFetcher } from './fetch';
import { genesisMismatch, GenesisError, readGenesisFile, type Genesis } from './genesis';
import { chooseTracer, TracerUnavailableError } from './tracer';

export type { IndexerProgress } from './progress';

export interface IndexerOptions {
  rpcUrl: string;
  db: Db;
  registry?: `0x${string}`;
  fromBlock: number;
  confirmations: number;
  once: boolean;
  logger?: Logger;
  onProgress?: (p: IndexerProgress) => void;
  pollIntervalMs?: number;
  /** Tuning; the defaults suit a local node. */
  concurrency?: number;
  targetTxPerBatch?: number;
  maxBlocksPerBatch?: number;
  retry?: RetryPolicy;
  startupRetry?: RetryPolicy;
  rpcTimeoutMs?: number;
  /** Aborts a PostgreSQL standby's wait for the writer lock. */
  signal?: AbortSignal;
  /** Monitoring: RPC timings and errors, batch write times, progress. */
  observer?: IndexerObserver;
  /** A geth-style genesis JSON: its alloc are the balances (and code) at block 0. */
  genesisFile?: string;
  /** Default auto: the fastest complete tracer the node offers. */
  traceMethod?: TraceMethod;
}

export interface Indexer {
  /** Resolves when --once caught up or after stop(); rejects on a fatal error. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** A wrong --rpc, an unknown chain, a second writer: reported as one clear line. */
export class IndexerError extends Error {
  override name = 'IndexerError';
}

async function probeChainId(rpc: RpcClient, policy: RetryPolicy, logger: Logger): Promise<number> {
  try {
    return await withRetry(
      async () => {
        const [r] = await rpc.batch([{ method: 'eth_chainId', params: [] }]);
        if (r!.error || typeof r!.result !== 'string' || !/^0x[0-9a-f]+$/i.test(r!.result)) {
          throw new RetryableError(`eth_chainId answered ${JSON.stringify(r!.error ?? r!.result)}`);
        }
        return parseInt(r!.result, 16);
      },
      policy,
      { onRetry: (err, attempt, delayMs) => logger.warn({ attempt, delayMs, err: err.message }, 'node not answering; retrying') },
    );
  } catch (err) {
    throw new IndexerError(
      `cannot use ${redactUrl(rpc.url)} as an EVM JSON-RPC node after ${policy.attempts} attempts: ${(err as Error).message}`,
    );
  }
}

/**
 * The devnet deploys AllianceRegistry in the first transaction of block 1. Only on the
 * devnet's chain id is that a safe guess; anywhere else the registry must be named.
 */
async function detectDevnetRegistry(rpc: RpcClient): Promise<`0x${string}` | null> {
  const block = await rpc.request<{ transactions: string[] } | null>('eth_getBlockByNumber', [toHex(1), false]);
  const first = block?.transactions[0];
  if (!first) return null;
  const receipt = await rpc.request<{ contractAddress: string | null } | null>('eth_getTransactionReceipt', [first]);
  return (receipt?.contractAddress?.toLowerCase() as `0x${string}` | undefined) ?? null;
}

/**
 * The indexer's SQLite page cache, in KiB. better-sqlite3 builds SQLite with a 16 MB default
 * (SQLite's own is 2 MB), and a connection keeps every page it writes until that cap: on a
 * chain followed block by block the cache, and the indexer's resident memory with it, grew
 * with the database for hours. The writer mostly appends, so a small cache costs a backfill
 * little CPU (docs/performance.md has the figures); the pages it misses are still in the
 * operating system's file cache.
 */
export const INDEXER_PAGE_CACHE_KIB = 2_000;

export async function startIndexer(opts: IndexerOptions): Promise<Indexer> {
  limitHeapGrowth(INDEXER_HEAP_GROWTH_PERCENT);
  const logger = opts.logger ?? createLogger('indexer');
  const { db } = opts;
  await migrateToLatest(db);
  let lock: WriterLock;
  try {
    lock = await db.engine.acquireWriterLock({
      signal: opts.signal,
      onStandby: () =>
        logger.info('standby: another indexer holds the PostgreSQL advisory lock; waiting to take over when it stops'),
    });
    logger.info('holding the writer lock');
  } catch (err) {
    if (err instanceof LockError) throw new IndexerError(err.message);
    throw err;
  }
  const writer = db.engine.startWriter({ pageCacheKib: INDEXER_PAGE_CACHE_KIB });
  const plainRpc = createRpcClient(opts.rpcUrl, { timeoutMs: opts.rpcTimeoutMs });
  const rpc = opts.observer ? observedRpc(plainRpc, opts.observer) : plainRpc;
  const cleanup = async () => {
    await rpc.close().catch(() => {});
    await writer.close();
    await lock.release();
  };
  let sync: Sync;
  const controller = new AbortController();
  try {
    const chainId = await probeChainId(rpc, opts.startupRetry ?? STARTUP_RETRY, logger);
    const cp = await loadIndexerState(db.db);
    if (cp && cp.chainId !== chainId) {
      throw new IndexerError(`this database holds chain ${cp.chainId}, but ${redactUrl(opts.rpcUrl)} serves chain ${chainId}; use another database`);
    }
    const fresh = !cp || cp.lastBlock < opts.fromBlock;
    let registry: string | null = opts.registry?.toLowerCase() ?? cp?.registry ?? null;
    if (cp && opts.registry && cp.registry !== opts.registry.toLowerCase() && !fresh) {
      throw new IndexerError(
        `this database was indexed with registry ${cp.registry ?? '(none)'}, not ${opts.registry.toLowerCase()}; use a fresh database to change it`,
      );
    }
    if (!registry && fresh && chainId === DEVNET_CHAIN_ID) {
      registry = await detectDevnetRegistry(rpc).catch(() => null);
      if (registry) logger.info({ registry }, 'devnet chain id: using the registry deployed by the first transaction of block 1');
    }
    if (!registry) logger.warn('no --registry: indexing chain data only, no alliance data');

    let genesis: Genesis | null = null;
    if (opts.genesisFile) {
      try {
        genesis = readGenesisFile(opts.genesisFile);
      } catch (err) {
        throw new IndexerError((err as GenesisError).message);
      }
      const mismatch = await genesisMismatch(genesis, rpc, chainId);
      if (mismatch) throw new IndexerError(`refusing ${opts.genesisFile}: ${mismatch}`);
    }

    const lastBlock = cp ? cp.lastBlock : opts.fromBlock - 1;
    const lastHash = cp ? cp.lastHash : '';
    if (!cp || cp.registry !== registry) {
      await saveCheckpoint(db.db, { chainId, registry, lastBlock, lastHash, chainHead: cp?.chainHead ?? 0 });
    }
    const fetcher = new BlockFetcher(rpc);
    const head = parseInt(await rpc.request<string>('eth_blockNumber', []), 16);
    let tracer;
    try {
      tracer = await chooseTracer(opts.traceMethod ?? 'auto', fetcher, head);
    } catch (err) {
      if (err instanceof TracerUnavailableError) throw new IndexerError(err.message);
      throw err;
    }
    const floor = (await db.db.selectFrom('blocks').select((eb) => eb.fn.min('number').as('n')).executeTakeFirst())?.n;
    const zeroBase = floor == null ? lastBlock + 1 === 0 : Number(floor) === 0;
    const exactFrom = cp && cp.lastBlock >= 0 ? cp.balancesExactFrom : exactFromAtStart(lastBlock + 1);
    await saveBalanceHistory(db.db, { traceMethod: tracer, balancesExactFrom: exactFrom });
    if (tracer === 'none') logger.warn('the node offers no tracer: internal transactions are unavailable, and balances are exact only where the head check holds them');
    logger.info({ chainId, registry, resumeFrom: lastBlock + 1, tracer, genesis: opts.genesisFile ?? null, rpc: redactUrl(opts.rpcUrl) }, 'indexer started');
    sync = new Sync({
      db,
      rpc,
      logger,
      chainId,
      registry,
      lastBlock,
      lastHash,
      confirmations: opts.confirmations,
      once: opts.once,
      pollIntervalMs: opts.pollIntervalMs ?? 1_000,
      retry: opts.retry ?? DEFAULT_RETRY,
      concurrency: opts.concurrency ?? 4,
      targetTxPerBatch: opts.targetTxPerBatch ?? 2_000,
      maxBlocksPerBatch: opts.maxBlocksPerBatch ?? 100,
      onProgress: opts.onProgress,
      onCommit: () => writer.committed(),
      observer: opts.observer,
      signal: controller.signal,
      tracer,
      genesis,
      zeroBase,
      exactFrom,
    });
  } catch (err) {
    await cleanup();
    throw err;
  }

  const done = (async () => {
    try {
      await Promise.race([sync.run(), lock.lost]);
    } catch (err) {
      if (controller.signal.aborted) return;
      controller.abort();
      if (err instanceof RetryableError) {
        throw new IndexerError(`giving up on ${redactUrl(opts.rpcUrl)} after repeated failures: ${err.message}`);
      }
      if (err instanceof RpcError || err instanceof LockError) throw new IndexerError(err.message);
      throw err;
    } finally {
      await cleanup();
    }
  })();
  done.catch(() => {});

  return {
    done,
    async stop() {
      controller.abort();
      await done.catch(() => {});
    },
  };
}
