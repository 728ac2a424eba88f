// better-sqlite3 as Kysely sees it, with prepared statements reused by their SQL text.
// Kysely's SQLite driver prepares every statement it runs; preparing cost as much as running
// the API's small keyset reads (a page of blocks, a batch of loaded rows), so a busy server
// spent a quarter of its SQL time compiling the same few dozen statements again.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection, least recently used dropped first ("in (?, ?, …)" lists vary by length). */
const MAX_STATEMENTS = 256;

const caches = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared once. Shared by Kysely's
 * driver (below), the indexer's inserts and /api's fixed queries. Safe to share because
 * nothing here iterates a statement: better-sqlite3 runs each to completion synchronously.
 */
export function cachedStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let statements = caches.get(sqlite);
  if (!statements) caches.set(sqlite, (statements = new Map()));
  let stmt = statements.get(sql);
  if (stmt) statements.delete(sql); // re-inserted below: Map order is recency order
  else stmt = sqlite.prepare(sql);
  statements.set(sql, stmt);
  if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
  return stmt;
}

export function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  return {
    prepare: (sql) => cachedStatement(sqlite, sql),
    close: () => sqlite.close(),
  };
}
