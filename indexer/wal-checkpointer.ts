// SQLite only: checkpoints off the writer's thread.
//
// SQLite copies its write-ahead log back into the database (a checkpoint) inside the commit
// that pushes the log past 1,000 pages, and at synchronous=NORMAL that copy ends in an
// fsync. Every batch of a backfill crosses that line, so the indexer's one thread sat
// waiting on the disk for about 40 % of its commit time. The indexer turns automatic
// checkpoints off on its own connection and asks this worker thread, which holds a second
// connection to the same file, to checkpoint after each commit instead. PASSIVE
// checkpoints never wait for the writer or for readers, and a checkpoint cut short by a
// crash is safe: the log stays the source of truth until SQLite has copied it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database as SqliteHandle } from 'better-sqlite3';

export interface WalCheckpointer {
  /** A commit landed: checkpoint soon (coalesced while one is running). */
  committed(): void;
  /** Finish the running checkpoint, if any, and stop the worker. */
  close(): Promise<void>;
}

// Plain CommonJS, evaluated in the worker, so it works the same from sources and from the
// compiled bundle. One message in, one checkpoint, one message out.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  parentPort.postMessage('done');
});
`;

/** Take checkpoints of `sqlite` (a file database in WAL mode) off this thread. Null for an in-memory database. */
export function startWalCheckpointer(sqlite: SqliteHandle): WalCheckpointer | null {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: sqlite.name } });
  let running = false;
  let wanted = false;
  worker.on('message', () => {
    running = wanted;
    wanted = false;
    if (running) worker.postMessage('checkpoint');
  });
  // A checkpointer that fails leaves the log to grow until the next start; never the data at risk.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    committed() {
      if (running) wanted = true;
      else {
        running = true;
        worker.postMessage('checkpoint');
      }
    },
    async close() {
      worker.postMessage('close');
      await exited;
      // Back to SQLite's own checkpoints for whoever uses this connection next.
      sqlite.pragma('wal_autocheckpoint = 1000');
    },
  };
}
