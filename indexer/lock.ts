// One writer per database. PostgreSQL: a session-level advisory lock held on a dedicated
// connection, released by the server when the process dies; a second indexer waits on it
// as a hot standby and takes over the moment it is free. SQLite: a lock row with pid and
// heartbeat; a row whose process is dead (same host) or whose heartbeat is old is stale,
// and a second writer exits (there is nothing to fail over to on one file).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { loadPg, type Db } from '../db/connect';

export class LockError extends Error {
  override name = 'LockError';
}

export interface WriterLock {
  /** Rejects when the lock is lost (another process took a stale-looking lock, connection dropped). */
  lost: Promise<never>;
  release(): Promise<void>;
}

export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_S = 30;

export interface LockOptions {
  /** PostgreSQL: called once when another indexer holds the lock and this one starts waiting. */
  onStandby?: () => void;
  /** Gives up waiting (rejects with LockError). */
  signal?: AbortSignal;
}

export async function acquireWriterLock(db: Db, options: LockOptions = {}): Promise<WriterLock> {
  return db.dialect === 'postgres' ? acquirePg(db.url, options) : acquireSqlite(db);
}

/**
 * How fast the server notices a leader whose host vanished without closing its socket
 * (power loss, partition): keepalive probes on the lock's session, about 5 + 3 x 1 s.
 * A killed process closes its socket and frees the lock at once.
 */
const KEEPALIVE = ['tcp_keepalives_idle = 5', 'tcp_keepalives_interval = 1', 'tcp_keepalives_count = 3'];

async function acquirePg(url: string, { onStandby, signal }: LockOptions): Promise<WriterLock> {
  const client = new (loadPg().Client)({ connectionString: url, keepAlive: true });
  await client.connect();
  for (const setting of KEEPALIVE) await client.query(`set ${setting}`);
  let onLost!: (e: Error) => void;
  const lost = new Promise<never>((_, reject) => (onLost = reject));
  lost.catch(() => {});
  let releasing = false;
  client.on('error', (err) => {
    if (!releasing) onLost(new LockError(`lost the PostgreSQL connection that holds the indexer lock: ${err.message}`));
  });
  // Keyed by schema, so databases split into schemas (one per tenant or test) lock separately.
  const key = `hashtext('yuscan.indexer.' || current_schema())`;
  const r = await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(${key}) as ok`);
  if (!r.rows[0]?.ok) {
    onStandby?.();
    // Blocks in the server until the holder's session ends; ending our client aborts it.
    const giveUp = () => void client.end().catch(() => {});
    signal?.addEventListener('abort', giveUp, { once: true });
    try {
      await client.query(`select pg_advisory_lock(${key})`);
    } catch (err) {
      await client.end().catch(() => {});
      throw new LockError(signal?.aborted ? 'stopped while waiting for the indexer lock' : `waiting for the indexer lock failed: ${(err as Error).message}`);
    } finally {
      signal?.removeEventListener('abort', giveUp);
    }
  }
  return {
    lost,
    async release() {
      releasing = true;
      await client.query(`select pg_advisory_unlock(${key})`).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is a lock row still held? Pure except for the liveness probe it is given. */
export function lockIsLive(
  row: { owner: string; pid: number; heartbeat_at: number },
  now: number,
  host: string,
  alive: (pid: number) => boolean = processAlive,
): boolean {
  if (now - row.heartbeat_at > STALE_AFTER_S) return false;
  const [rowHost] = row.owner.split('|');
  return rowHost !== host || alive(row.pid);
}

async function acquireSqlite({ db }: Db): Promise<WriterLock> {
  const host = hostname();
  const owner = `${host}|${process.pid}|${randomBytes(6).toString('hex')}`;
  const now = () => Math.floor(Date.now() / 1000);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('indexer_lock').selectAll().where('id', '=', 1).executeTakeFirst();
    if (row && lockIsLive(row, now(), host)) {
      throw new LockError(
        `another indexer (pid ${row.pid}) is already writing to this SQLite database; stop it first (the lock frees itself ${STALE_AFTER_S}s after that process dies)`,
      );
    }
    await trx
      .insertInto('indexer_lock')
      .values({ id: 1, owner, pid: process.pid, heartbeat_at: now() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ owner, pid: process.pid, heartbeat_at: now() }))
      .execute();
  });
  let onLost!: (e: Error) => void;
  const lost = new Promise<never>((_, reject) => (onLost = reject));
  lost.catch(() => {});
  const timer = setInterval(() => {
    db.updateTable('indexer_lock')
      .set({ heartbeat_at: now() })
      .where('id', '=', 1)
      .where('owner', '=', owner)
      .executeTakeFirst()
      .then((r) => {
        if (Number(r.numUpdatedRows) === 0) onLost(new LockError('another process took over the indexer lock'));
      })
      .catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    lost,
    async release() {
      clearInterval(timer);
      await db.deleteFrom('indexer_lock').where('id', '=', 1).where('owner', '=', owner).execute().catch(() => {});
    },
  };
}
