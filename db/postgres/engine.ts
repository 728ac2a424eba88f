// PostgreSQL's side of the engine (db/engine.ts). Every statement is a network round trip,
// so inserts are one unnest statement per table and batch; the server keeps its own plans,
// so a fixed query is simply sent; the writer lock is an advisory lock.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from '../engine';
import type { Database } from '../schema';
import { acquireAdvisoryLock } from './advisory-lock';
import { unnestInserter } from './unnest';

export function postgresEngine(db: Kysely<Database>, url: string): Engine {
  return {
    inserter: (trx) => unnestInserter(trx, db),
    prepared: async <R>(text: string, params: readonly unknown[]) => (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows,
    greatest: 'greatest',
    least: 'least',
    acquireWriterLock: (options = {}) => acquireAdvisoryLock(url, options),
    // The server manages its own cache and checkpoints.
    startWriter: () => ({ committed: () => {}, close: async () => {} }),
    readerConnection: () => null,
  };
}
