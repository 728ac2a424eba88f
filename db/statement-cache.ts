// better-sqlite3 as Kysely sees it, with prepared statements reused by their SQL text.
// Kysely's SQLite driver prepares every statement it runs; preparing cost as much as running
// the API's small keyset reads (a page of blocks, a batch of loaded rows), so a busy server
// spent a quarter of its SQL time compiling the same few dozen statements again.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept, least recently used dropped first ("in (?, ?, …)" lists vary by length). */
const MAX_STATEMENTS = 256;

export function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      let stmt = statements.get(sql);
      if (stmt) statements.delete(sql); // re-inserted below: Map order is recency order
      else stmt = sqlite.prepare(sql);
      statements.set(sql, stmt);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}
