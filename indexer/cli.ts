// `yuscan index`: run the indexer with progress until caught up (--once) or a signal.
import type { Server } from 'node:http';
import type { IndexConfig } from '../config';
import { createLogger } from '../config/log';
import { connect } from '../db/connect';
import { loadIndexerState } from '../db/indexer-state';
import { migrateToLatest } from '../db/migrate';
import { startIndexer, type Indexer, type IndexerProgress } from './index';
import type { IndexerObserver } from './observer';
import { formatDuration, progressLine } from './progress';

const LOG_EVERY_MS = 5_000;

export async function runIndexCommand(config: IndexConfig): Promise<void> {
  const logger = createLogger('indexer');
  const tty = Boolean(process.stderr.isTTY);
  const db = connect(config.databaseUrl);
  let lastLog = 0;
  let lineShown = false;
  const onProgress = (p: IndexerProgress) => {
    const now = Date.now();
    if (tty) {
      // Redraw at most a few times a second; the terminal is slower than the indexer.
      if (now - lastLog < 200 && p.syncing) return;
      lastLog = now;
      process.stderr.write(`\r\x1b[2K${progressLine(p, Math.max(10, Math.min(30, (process.stderr.columns ?? 100) - 90)))}`);
      lineShown = true;
      return;
    }
    if (now - lastLog < LOG_EVERY_MS) return;
    lastLog = now;
    logger.info(
      {
        indexedBlock: p.indexedBlock,
        headBlock: p.headBlock,
        blocksPerSecond: Math.round(p.blocksPerSecond),
        txPerSecond: Math.round(p.txPerSecond),
        eta: p.syncing ? formatDuration(p.etaSeconds) : null,
      },
      p.syncing ? 'indexing' : 'following head',
    );
  };
  const endLine = () => {
    if (lineShown) process.stderr.write('\n');
    lineShown = false;
  };
  // A signal may come while a PostgreSQL standby waits for the lock, before there is an
  // indexer to stop: it then aborts the wait.
  const standby = new AbortController();
  let indexer: Indexer | undefined;
  const stop = () => {
    endLine();
    logger.info('stopping');
    if (indexer) void indexer.stop();
    else standby.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let metricsServer: Server | undefined;
  try {
    await migrateToLatest(db);
    let observer: IndexerObserver | undefined;
    if (config.metricsPort !== undefined) {
      const { createIndexerMetrics, serveMetrics } = await import('./metrics');
      const metrics = createIndexerMetrics();
      observer = metrics.observer;
      const served = await serveMetrics(metrics.registry, config.metricsPort);
      metricsServer = served.server;
      logger.info({ url: served.url }, 'serving indexer metrics');
    }
    try {
      indexer = await startIndexer({
        rpcUrl: config.rpcUrl,
        db,
        registry: config.registry,
        fromBlock: config.fromBlock,
        confirmations: config.confirmations,
        once: config.once,
        genesisFile: config.genesisFile,
        traceMethod: config.traceMethod,
        logger,
        onProgress,
        observer,
        signal: standby.signal,
      });
    } catch (err) {
      if (standby.signal.aborted) return;
      throw err;
    }
    // Told to stop while it was still starting up: stop now rather than run on.
    if (standby.signal.aborted) await indexer.stop();
    try {
      await indexer.done;
    } finally {
      endLine();
    }
    const state = await loadIndexerState(db.db);
    logger.info({ lastBlock: state?.lastBlock, chainHead: state?.chainHead }, config.once ? 'caught up' : 'stopped');
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    metricsServer?.close();
    await db.close();
  }
}
