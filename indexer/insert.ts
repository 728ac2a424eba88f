// The last step of a batch write: rows into a table. The row building (rows.ts) and the
// writer (writer.ts) are shared; only this step differs by dialect, because each engine is
// fast in a different way:
//  - SQLite (better-sqlite3, in-process): one cached single-row prepared statement per
//    table, stepped once per row inside the batch's transaction. Kysely's driver prepares
//    every statement it runs, and parsing a 1,600-row INSERT with 30k placeholders each
//    batch cost more than the rows themselves; a prepared step is a few microseconds.
//  - PostgreSQL: multi-row INSERTs, because there every statement is a network round trip.
import type { Statement, Database as SqliteHandle } from 'better-sqlite3';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/connect';
import type { Dialect } from '../db/dialect';
import type { Database } from '../db/schema';

export type Q = Kysely<Database> | Transaction<Database>;

/** Insert `rows` (objects keyed by column) into `table`; `suffix` follows VALUES (ON CONFLICT, RETURNING). Returns RETURNING rows. */
export type Insert = (table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], suffix?: string) => Promise<unknown[]>;

/** Bound-parameter ceilings: SQLite's SQLITE_MAX_VARIABLE_NUMBER and PostgreSQL's wire-protocol Int16 count. */
export const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };
/** Rows per statement, so one statement never grows without bound. */
const MAX_ROWS_PER_STATEMENT = 2_000;

/** Rows per statement for a table of `ncols` columns, inside the dialect's parameter limit. */
export function rowsPerStatement(dialect: Dialect, ncols: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS[dialect] / ncols)));
}

const insertHead = (table: string, columns: readonly string[]) =>
  `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;

/** Build `insert … values (…),(…) suffix` statements covering `rows`, each within the limits. */
export function buildInserts(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  suffix = '',
): CompiledQuery[] {
  const out: CompiledQuery[] = [];
  const per = rowsPerStatement(dialect, columns.length);
  const head = insertHead(table, columns);
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(row[c] ?? null);
        marks.push(dialect === 'postgres' ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(',')})`);
    }
    out.push(CompiledQuery.raw(head + tuples.join(',') + suffix, params));
  }
  return out;
}

/** Prepared statements per SQLite handle, keyed by SQL text; a handful per database. */
const statements = new WeakMap<SqliteHandle, Map<string, Statement<unknown[]>>>();

function prepared(sqlite: SqliteHandle, text: string): Statement<unknown[]> {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = sqlite.prepare<unknown[]>(text)));
  return stmt;
}

/**
 * The inserter for one transaction. `trx` must be a transaction on `db`: on SQLite the
 * prepared statements run on the same single connection, so they are part of it.
 */
export function inserter(trx: Q, db: Pick<Db, 'dialect' | 'sqlite'>): Insert {
  const { sqlite } = db;
  if (sqlite) {
    return async (table, columns, rows, suffix = '') => {
      const stmt = prepared(sqlite, `${insertHead(table, columns)}(${columns.map(() => '?').join(',')})${suffix}`);
      const out: unknown[] = [];
      const params: unknown[] = new Array(columns.length);
      for (const row of rows) {
        for (let i = 0; i < columns.length; i++) params[i] = row[columns[i]!] ?? null;
        if (stmt.reader) out.push(...stmt.all(params));
        else stmt.run(params);
      }
      return out;
    };
  }
  return async (table, columns, rows, suffix = '') => {
    const out: unknown[] = [];
    for (const cq of buildInserts(db.dialect, table, columns, rows, suffix)) out.push(...(await trx.executeQuery(cq)).rows);
    return out;
  };
}
