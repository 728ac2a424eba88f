// SQLite's side of the engine (db/engine.ts). better-sqlite3 runs in-process, so what is fast
// is a statement prepared once and stepped many times: Kysely's driver prepares every
// statement it runs, and parsing a 1,600-row INSERT with 30k placeholders each batch cost
// more than the rows themselves, while a prepared step is a few microseconds.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Db, Engine } from '../engine';
import { insertHead } from '../insert-head';
import type { Database } from '../schema';
import { acquireLockRow } from './lock-row';
import { cachedStatement } from './statement-cache';
import { startWalCheckpointer } from './wal-checkpointer';

/**
 * `sqlite` is the one connection behind `db`, so statements run on it inside a Kysely
 * transaction belong to that transaction. `reopen` opens a second connection to the file
 * (null for :memory:, which has none to share).
 */
export function sqliteEngine(sqlite: SQLite.Database, db: Kysely<Database>, reopen: (() => Db) | null): Engine {
  return {
    // One cached single-row statement per table and shape, stepped once per row.
    inserter: () => async (table, columns, rows, suffix = '') => {
      const stmt = cachedStatement(sqlite, `${insertHead(table, columns)}values (${columns.map(() => '?').join(',')})${suffix}`);
      const out: unknown[] = [];
      const params: unknown[] = new Array(columns.length);
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) params[i] = row[columns[i]!] ?? null;
        if (stmt.reader) out.push(...stmt.all(params));
        else stmt.run(params);
      }
      return out;
    },
    prepared: async <R>(text: string, params: readonly unknown[]) => cachedStatement(sqlite, text).all(...params) as R[],
    greatest: 'max',
    least: 'min',
    acquireWriterLock: () => acquireLockRow(db),
    startWriter({ pageCacheKib }) {
      // A negative cache_size is in KiB. It is this connection's own: readers beside the
      // writer (readerConnection) keep their own cache.
      sqlite.pragma(`cache_size = -${pageCacheKib}`);
      const checkpointer = startWalCheckpointer(sqlite);
      return {
        committed: () => checkpointer?.committed(),
        close: async () => checkpointer?.close(),
      };
    },
    readerConnection: () => reopen?.() ?? null,
  };
}
