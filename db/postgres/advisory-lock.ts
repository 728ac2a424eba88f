// The single writer on PostgreSQL: a session-level advisory lock held on a dedicated
// connection, released by the server when the process dies; a second indexer waits on it as
// a hot standby and takes over the moment it is free.
import { LockError, type LockOptions, type WriterLock } from '../engine';
import { loadPg } from './driver';

/**
 * How fast the server notices a leader whose host vanished without closing its socket
 * (power loss, partition): keepalive probes on the lock's session, about 5 + 3 x 1 s.
 * A killed process closes its socket and frees the lock at once.
 */
const KEEPALIVE = ['tcp_keepalives_idle = 5', 'tcp_keepalives_interval = 1', 'tcp_keepalives_count = 3'];

export async function acquireAdvisoryLock(url: string, { onStandby, signal }: LockOptions): Promise<WriterLock> {
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
