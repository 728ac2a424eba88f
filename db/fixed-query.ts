// Queries run on every request of a hot path (/api's txlist), built once. Kysely builds and
// compiles a query on every call, and its SQLite driver prepares every statement it runs; for
// txlist, SQLite's parse and plan of the statement alone cost a third of executing it. So the
// query is built with Kysely once per shape, its SQL kept, and run by the engine, which on
// SQLite prepares it once per connection, from the cache Kysely's driver uses too.
import type { CompiledQuery, Kysely } from 'kysely';
import type { Db } from './engine';
import type { Database } from './schema';

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
    run<R>(deps: Pick<Db, 'db' | 'engine'>, key: K, ...params: P): Promise<R[]> {
      return deps.engine.prepared<R>(sqlOf(deps.db, key), params);
    },
  };
}
