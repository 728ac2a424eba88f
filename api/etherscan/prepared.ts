// Queries /api runs on every request of an action, built once. Kysely builds and compiles a
// query on every call, and its SQLite driver prepares every statement it runs; for txlist,
// SQLite's parse and plan of the statement alone cost a third of executing it. So the query
// is built with Kysely once per shape, its SQL kept, and on SQLite prepared once per
// connection (the handle db/connect.ts exposes), from the cache Kysely's driver uses too.
import type { Database as SqliteHandle } from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { cachedStatement } from '../../db/statement-cache';

/**
 * A query of fixed shape with positional parameters. `build` is called once per database
 * and shape key with `sentinels` as the parameter values; the compiled parameters must be
 * exactly the sentinels in order, so the SQL is known to take its parameters as run() passes them.
 */
export function fixedQuery<P extends readonly unknown[], K extends string>(
  build: (db: Kysely<Database>, key: K, ...params: P) => { compile(): CompiledQuery },
  sentinels: P,
) {
  const compiled = new WeakMap<Kysely<Database>, Map<K, string>>();
  const sqlOf = (db: Kysely<Database>, key: K): string => {
    let byKey = compiled.get(db);
    if (!byKey) compiled.set(db, (byKey = new Map()));
    let text = byKey.get(key);
    if (text === undefined) {
      const q = build(db, key, ...sentinels).compile();
      if (q.parameters.length !== sentinels.length || q.parameters.some((p, i) => p !== sentinels[i])) {
        throw new Error(`fixedQuery: the compiled parameters ${JSON.stringify(q.parameters)} are not the sentinels in order`);
      }
      byKey.set(key, (text = q.sql));
    }
    return text;
  };
  return {
    async run<R>(deps: { db: Kysely<Database>; sqlite?: SqliteHandle }, key: K, ...params: P): Promise<R[]> {
      const text = sqlOf(deps.db, key);
      if (deps.sqlite) return cachedStatement(deps.sqlite, text).all(...params) as R[];
      return (await deps.db.executeQuery(CompiledQuery.raw(text, [...params]))).rows as R[];
    },
  };
}
