// PostgreSQL's bulk insert: every statement is a network round trip, and a multi-row VALUES
// list with tens of thousands of placeholders costs the server more to parse and plan than
// the rows cost to store. So one statement per table and batch, with one array parameter per
// column: insert … select * from unnest($1::bigint[], $2::text[], …). The column types come
// from the catalogue, so this works for any table without a list to keep in step.
import { sql, type CompiledQuery, type QueryExecutorProvider } from 'kysely';
import type { Insert, Q } from '../engine';
import { insertHead } from '../insert-head';

/** Rows per PostgreSQL statement: bounds the size of one message, not a parameter limit. */
export const PG_ROWS_PER_STATEMENT = 5_000;

/**
 * `insert into table (…) select * from unnest(<array>::type[], …) suffix` statements covering
 * `rows`, at most PG_ROWS_PER_STATEMENT rows each, compiled by `q` (Kysely numbers the
 * placeholders). `types` maps each column to its SQL type.
 */
export function buildUnnestInserts(
  q: QueryExecutorProvider,
  table: string,
  columns: readonly string[],
  types: Readonly<Record<string, string>>,
  rows: readonly Record<string, unknown>[],
  suffix = '',
): CompiledQuery[] {
  const casts = columns.map((c) => {
    const type = types[c];
    if (!type) throw new Error(`table ${table} has no column ${c}`);
    return sql.raw(`::${type}[]`);
  });
  const out: CompiledQuery[] = [];
  for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
    const arrays = columns.map((c, i) => sql`${chunk.map((row) => row[c] ?? null)}${casts[i]}`);
    out.push(sql`${sql.raw(insertHead(table, columns))}select * from unnest(${sql.join(arrays)})${sql.raw(suffix)}`.compile(q));
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
    const r = await sql<{ name: string; type: string }>`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = to_regclass(${`"${table}"`}) and attnum > 0 and not attisdropped`.execute(trx);
    types = Object.fromEntries(r.rows.map((c) => [c.name, c.type]));
    tables.set(table, types);
  }
  return types;
}

/** The unnest inserter for one transaction; `db` keys the cache of column types (one per database). */
export function unnestInserter(trx: Q, db: object): Insert {
  return async (table, columns, rows, suffix = '') => {
    const types = await columnTypes(trx, db, table);
    const out: unknown[] = [];
    for (const cq of buildUnnestInserts(trx, table, columns, types, rows, suffix)) out.push(...(await trx.executeQuery(cq)).rows);
    return out;
  };
}
