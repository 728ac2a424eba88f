// better-sqlite3 as Kysely sees it, with prepared statements reused by their SQL text.
// Kysely's SQLite driver prepares every statement it runs; preparing cost as much as running
// the API's small keyset reads (a page of blocks, a batch of loaded rows), so a busy server
// spent much of its SQL time compiling the same few dozen statements again
// (docs/performance.md).
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

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

/**
 * A reading statement as Kysely's driver sees it, its rows built in JavaScript. better-sqlite3
 * makes each row object in C++, one property at a time; reading the row as an array and
 * building the object with a function compiled for the statement's columns (one object
 * literal: one allocation, one fixed shape) cut the CPU of the home page's two pages (blocks
 * and transactions, 20 columns a row) through Kysely by about a quarter, collector included.
 * The statement is shared with cachedStatement's other users, which expect objects: it is raw
 * only for the duration of one call.
 */
function objectRows(stmt: SQLite.Statement): SqliteStatement {
  const names = stmt.columns().map((c) => c.name);
  const build = new Function('v', `return { ${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')} };`) as (v: unknown[]) => unknown;
  return {
    reader: true,
    all: (parameters) => {
      stmt.raw(true);
      try {
        return (stmt.all(parameters) as unknown[][]).map(build);
      } finally {
        stmt.raw(false);
      }
    },
    run: (parameters) => stmt.run(parameters),
    iterate: (parameters) => stmt.iterate(parameters),
  };
}

const readers = new WeakMap<SQLite.Statement, SqliteStatement>();

export function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  return {
    prepare: (sql) => {
      const stmt = cachedStatement(sqlite, sql);
      if (!stmt.reader) return stmt;
      let reader = readers.get(stmt);
      if (!reader) readers.set(stmt, (reader = objectRows(stmt)));
      return reader;
    },
    close: () => sqlite.close(),
  };
}
