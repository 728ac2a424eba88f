// What SQLite and PostgreSQL do differently, behind one interface: the bulk insert, the fixed
// queries prepared once, the single writer's lock, and the writer's own connection settings
// and checkpoints. Kysely's model: one interface here, one small implementation per database
// (db/sqlite/engine.ts, db/postgres/engine.ts). Code outside db/ asks its Db's engine and
// never which database it is on; eslint.config.js makes `npm run check` fail otherwise.
import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './dialect';
import type { Database } from './schema';

/** An open database: `connect()`'s answer. */
export interface Db {
  db: Kysely<Database>;
  /** Which database this is, for messages and for db/ itself; code outside db/ asks `engine`. */
  dialect: Dialect;
  url: string;
  engine: Engine;
  /**
   * SQLite only: the better-sqlite3 handle behind `db`, the same single connection. For db/
   * and for tests that inspect the database; nothing else reaches the driver.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export type Q = Kysely<Database> | Transaction<Database>;

/** Insert `rows` (objects keyed by column) into `table`; `suffix` follows the rows (ON CONFLICT, RETURNING). Returns RETURNING rows. */
export type Insert = (table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], suffix?: string) => Promise<unknown[]>;

export class LockError extends Error {
  override name = 'LockError';
}

export interface WriterLock {
  /** Rejects when the lock is lost (another process took a stale-looking lock, connection dropped). */
  lost: Promise<never>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** PostgreSQL: called once when another indexer holds the lock and this one starts waiting. */
  onStandby?: () => void;
  /** Gives up waiting (rejects with LockError). */
  signal?: AbortSignal;
}

/** The writer's connection, tuned for writing until close(). */
export interface WriterSession {
  /** A write transaction committed. */
  committed(): void;
  close(): Promise<void>;
}

export interface Engine {
  /**
   * The bulk insert (and upsert, through `suffix`) for one transaction. `trx` must be a
   * transaction on this engine's database: on SQLite the prepared statements run on the same
   * single connection, so they are part of it.
   */
  inserter(trx: Q): Insert;
  /** Rows of a fixed query's compiled SQL, prepared once per connection where the driver keeps statements. */
  prepared<R>(text: string, params: readonly unknown[]): Promise<R[]>;
  /** The SQL names of the two-argument maximum and minimum (SQLite's scalar max/min, PostgreSQL's greatest/least). */
  readonly greatest: string;
  readonly least: string;
  /** One writer per database: waits (PostgreSQL, a hot standby) or refuses (SQLite) while another holds it. */
  acquireWriterLock(options?: LockOptions): Promise<WriterLock>;
  /** Tune this connection for the single writer: its page cache and its checkpoints. */
  startWriter(options: { pageCacheKib: number }): WriterSession;
  /**
   * A connection for readers beside the writer: on a SQLite file a second one, which reads
   * only what has committed, without waiting behind the writer's transactions (a statement
   * on the writer's handle would see a batch half written); otherwise null, and the readers
   * share the writer's Db (PostgreSQL's pool gives each query its own connection; :memory:
   * has no file to share).
   */
  readerConnection(): Db | null;
}
