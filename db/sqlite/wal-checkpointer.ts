// SQLite only: checkpoints off the writer's thread.
//
// SQLite copies its write-ahead log back into the database (a checkpoint) inside the commit
// that pushes the log past 1,000 pages, and at synchronous=NORMAL that copy ends in an
// fsync. Every batch of a backfill crosses that line, so the indexer's one thread spent much
// of its commit time waiting on the disk (docs/performance.md). The indexer turns automatic
// checkpoints off on its own connection and tells this worker thread, which holds a second
// connection to the same file, about each commit instead; the worker checkpoints at most
// once a second, so a backfill's log stays a few batches long and a chain followed block by
// block costs no more than one checkpoint a second. PASSIVE checkpoints never wait for the
// writer or for readers, and a checkpoint cut short by a crash is safe: the log stays the
// source of truth until SQLite has copied it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database as SqliteHandle } from 'better-sqlite3';

export interface WalCheckpointer {
  /** A commit landed: checkpoint within a second. */
  committed(): void;
  /** Let a running checkpoint finish, drop a pending one, and stop the worker. */
  close(): Promise<void>;
}

const MIN_INTERVAL_MS = 1_000;

/**
 * The log file's size, in bytes, that the writer cuts it back to when it starts the log over
 * after a checkpoint. SQLite reuses the log from its start but never shrinks the file by
 * itself, so one large backfill batch left it at its high-water size for as long as the
 * indexer then followed the chain.
 */
export const WAL_SIZE_LIMIT = 16 * 1024 * 1024;

// Plain CommonJS, evaluated in the worker, so it works the same from sources and from the
// compiled bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
let last = 0;
let timer = null;
const checkpoint = () => {
  timer = null;
  last = Date.now();
  // A failed checkpoint leaves the log to the next one; the data is never at risk.
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
};
parentPort.on('message', (m) => {
  if (m === 'close') {
    if (timer) clearTimeout(timer);
    db.close();
    parentPort.close();
  } else if (!timer) {
    timer = setTimeout(checkpoint, Math.max(0, last + workerData.minIntervalMs - Date.now()));
  }
});
`;

/**
 * Take checkpoints of `sqlite` (a file database in WAL mode) off this thread; null for an
 * in-memory database. The worker starts with the first commit, so a caught-up
 * `index --once` that writes nothing does not pay for it.
 */
export function startWalCheckpointer(sqlite: SqliteHandle): WalCheckpointer | null {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  let worker: { post(m: string): void; exited: Promise<void> } | null = null;
  const start = () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: sqlite.name, minIntervalMs: MIN_INTERVAL_MS } });
    // A worker that cannot start leaves the log to grow until this connection closes, which
    // checkpoints it; the data is never at risk.
    w.on('error', () => {});
    return { post: (m: string) => w.postMessage(m), exited: new Promise<void>((resolve) => w.once('exit', () => resolve())) };
  };
  return {
    committed() {
      (worker ??= start()).post('commit');
    },
    async close() {
      if (worker) {
        worker.post('close');
        await worker.exited;
      }
      // Back to SQLite's own checkpoints for whoever uses this connection next.
      sqlite.pragma('wal_autocheckpoint = 1000');
    },
  };
}
