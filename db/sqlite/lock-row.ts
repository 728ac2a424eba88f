// The single writer on SQLite: a lock row with pid and heartbeat. A row whose process is dead
// (same host) or whose heartbeat is old is stale, and a second writer exits: there is nothing
// to fail over to on one file.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LockError, type WriterLock } from '../engine';
import type { Database } from '../schema';

export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_S = 30;

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

export async function acquireLockRow(db: Kysely<Database>): Promise<WriterLock> {
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
