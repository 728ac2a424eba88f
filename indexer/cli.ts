// `yuscan index`: run the indexer with progress until caught up (--once) or a signal.
import type { IndexConfig } from '../config';
import { createLogger } from '../config/log';
import { connect } from '../db/connect';
import { loadIndexerState } from '../db/indexer-state';
import { migrateToLatest } from '../db/migrate';
import { startIndexer, type IndexerProgress } from './index';
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
  try {
    await migrateToLatest(db);
    const indexer = await startIndexer({
      rpcUrl: config.rpcUrl,
      db,
      registry: config.registry,
      fromBlock: config.fromBlock,
      confirmations: config.confirmations,
      once: config.once,
      logger,
      onProgress,
    });
    const stop = () => {
      endLine();
      logger.info('stopping');
      void indexer.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await indexer.done;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      endLine();
    }
    const state = await loadIndexerState(db.db);
    logger.info({ lastBlock: state?.lastBlock, chainHead: state?.chainHead }, config.once ? 'caught up' : 'stopped');
  } finally {
    await db.close();
  }
}
