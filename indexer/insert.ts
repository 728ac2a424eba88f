// The last step of a batch write: rows into a table. The row building (rows.ts) and the
// writer (writer.ts) are shared; only this step differs by dialect, because each engine is
// fast in a different way:
//  - SQLite (better-sqlite3, in-process): one cached single-row prepared statement per
//    table, stepped once per row inside the batch's transaction. Kysely's driver prepares
//    every statement it runs, and parsing a 1,600-row INSERT with 30k placeholders each
//    batch cost more than the rows themselves; a prepared step is a few microseconds.
//  - PostgreSQL: every statement is a network round trip, and a multi-row VALUES list with
//    tens of thousands of placeholders costs the server more to parse and plan than the
//    rows cost to store. So one statement per table and batch, with one array parameter per
//    column: insert … select * from unnest($1::bigint[], $2::text[], …). The column types
//    come from the catalogue, so this works for any table without a list to keep in step.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/connect';
import { cachedStatement } from '../db/statement-cache';
import type { Database } from '../db/schema';

export type Q = Kysely<Database> | Transaction<Database>;

/** Insert `rows` (objects keyed by column) into `table`; `suffix` follows the rows (ON CONFLICT, RETURNING). Returns RETURNING rows. */
export type Insert = (table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], suffix?: string) => Promise<unknown[]>;

/** Rows per PostgreSQL statement: bounds the size of one message, not a parameter limit. */
export const PG_ROWS_PER_STATEMENT = 5_000;

const insertHead = (table: string, columns: readonly string[]) => `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) `;

/**
 * `insert into table (…) select * from unnest($1::type[], …) suffix` statements covering
 * `rows`, at most PG_ROWS_PER_STATEMENT rows each. `types` maps each column to its SQL type.
 */
export function buildUnnestInserts(
  table: string,
  columns: readonly string[],
  types: Readonly<Record<string, string>>,
  rows: readonly Record<string, unknown>[],
  suffix = '',
): CompiledQuery[] {
  const casts = columns.map((c, i) => {
    const type = types[c];
    if (!type) throw new Error(`table ${table} has no column ${c}`);
    return `$${i + 1}::${type}[]`;
  });
  const text = `${insertHead(table, columns)}select * from unnest(${casts.join(', ')})${suffix}`;
  const out: CompiledQuery[] = [];
  for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
    out.push(CompiledQuery.raw(text, columns.map((c) => chunk.map((row) => row[c] ?? null))));
  }
  return out;
}

/** Column -> SQL type of every table we have inserted into, per database. */
const pgTypes = new WeakMap<object, Map<string, Record<string, string>>>();

async function columnTypes(trx: Q, db: object, table: string): Promise<Record<string, string>> {
  let tables = pgTypes.get(db);
  if (!tables) pgTypes.set(db, (tables = new Map()));
  let types = tables.get(table);
  if (!types) {
    // to_regclass follows search_path, so a database split into schemas finds its own table.
    const r = await trx.executeQuery<{ name: string; type: string }>(
      CompiledQuery.raw(
        `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute` +
          ` where attrelid = to_regclass($1) and attnum > 0 and not attisdropped`,
        [`"${table}"`],
      ),
    );
    types = Object.fromEntries(r.rows.map((c) => [c.name, c.type]));
    tables.set(table, types);
  }
  return types;
}

/**
 * The inserter for one transaction. `trx` must be a transaction on `db`: on SQLite the
 * prepared statements run on the same single connection, so they are part of it.
 */
export function inserter(trx: Q, db: Pick<Db, 'dialect' | 'sqlite'>): Insert {
  const { sqlite } = db;
  if (sqlite) {
    return async (table, columns, rows, suffix = '') => {
      const stmt = cachedStatement(sqlite, `${insertHead(table, columns)}values (${columns.map(() => '?').join(',')})${suffix}`);
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
    const types = await columnTypes(trx, db, table);
    const out: unknown[] = [];
    for (const cq of buildUnnestInserts(table, columns, types, rows, suffix)) out.push(...(await trx.executeQuery(cq)).rows);
    return out;
  };
}
