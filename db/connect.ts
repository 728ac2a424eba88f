// One entry point for both dialects: `sqlite:PATH` or `postgres://…`.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import { dialectOf } from './dialect';
import type { Db } from './engine';
import { loadPg } from './postgres/driver';
import { postgresEngine } from './postgres/engine';
import type { Database } from './schema';
import { sqliteEngine } from './sqlite/engine';
import { reusingStatements } from './sqlite/statement-cache';

// Each driver loads on first use, so a process on one dialect never pays for the other's.
const require = createRequire(import.meta.url);

export type { Db } from './engine';

export interface ConnectOptions {
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Called for every executed statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  /** SQLite: fail instead of creating a missing database file (readers never create one). */
  mustExist?: boolean;
}

export function sqlitePath(url: string): string {
  return url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
}

export function connect(url: string, options: ConnectOptions = {}): Db {
  const dialect = dialectOf(url);
  const log = options.onQuery
    ? (e: LogEvent) => {
        if (e.level === 'query') options.onQuery!(e.query.sql);
      }
    : undefined;

  if (dialect === 'sqlite') {
    const path = sqlitePath(url);
    if (path !== ':memory:' && !options.mustExist) mkdirSync(dirname(resolve(path)), { recursive: true });
    const Sqlite = require('better-sqlite3') as typeof SQLite;
    let sqlite: SQLite.Database;
    try {
      sqlite = new Sqlite(path, { fileMustExist: options.mustExist ?? false });
    } catch (err) {
      throw new Error(`cannot open ${url}: ${(err as Error).message}`);
    }
    // WAL lets the API read while the indexer writes; the busy timeout rides out the short
    // moments when a checkpoint holds the lock.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }), log });
    const reopen = path === ':memory:' ? null : () => connect(url, { mustExist: true });
    return { db, dialect, url, engine: sqliteEngine(sqlite, db, reopen), sqlite, close: () => db.destroy() };
  }

  const pool = new (loadPg().Pool)({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client's socket error must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  return { db, dialect, url, engine: postgresEngine(db, url), close: () => db.destroy() };
}
