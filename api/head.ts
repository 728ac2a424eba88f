// Follows the database's indexed head by polling (cheap: one primary-key read), so the API
// works as a separate process from the indexer and on PostgreSQL replicas. It publishes newly
// indexed blocks to `newBlock` subscribers and keys the per-head registry state.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { BlockRow, StatusModel } from './models';
import { AllianceState, loadAllianceState } from './state';

export interface Head extends StatusModel {
  /** Changes whenever the indexed head changes (number or hash, so reorgs too). */
  key: string;
}

const EMPTY: Head = {
  key: 'empty', chainId: 0, chainHead: 0, indexedHead: 0, registry: null,
  latestBlockTime: null, latestBlockHash: null, updatedAt: null,
};

type Listener = (block: BlockRow) => void;

export class HeadTracker {
  private head: Head = EMPTY;
  private timer: NodeJS.Timeout | undefined;
  private listeners = new Set<Listener>();
  private state: { key: string; promise: Promise<AllianceState> } | undefined;
  private polling: Promise<void> | undefined;
  /** Set when the last poll failed (database unreachable). */
  error: Error | undefined;

  constructor(private readonly db: Kysely<Database>, private readonly intervalMs = 500) {}

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }

  get current(): Head {
    return this.head;
  }

  /** Poll now (also used by tests). Overlapping calls share one poll. */
  poll(): Promise<void> {
    this.polling ??= this.doPoll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async doPoll(): Promise<void> {
    let row;
    try {
      row = await this.db.selectFrom('indexer_state').selectAll().where('id', '=', 1).executeTakeFirst();
      this.error = undefined;
    } catch (err) {
      this.error = err as Error;
      return;
    }
    if (!row) return;
    const prev = this.head;
    const key = `${row.last_block}:${row.last_hash}`;
    if (key === prev.key) {
      this.head = { ...prev, chainHead: Number(row.chain_head), updatedAt: Number(row.updated_at) };
      return;
    }
    const latest = await this.db.selectFrom('blocks').select(['timestamp', 'hash']).where('number', '=', row.last_block).executeTakeFirst().catch(() => undefined);
    this.head = {
      key,
      chainId: Number(row.chain_id),
      chainHead: Number(row.chain_head),
      indexedHead: Number(row.last_block),
      registry: row.registry,
      latestBlockTime: latest ? Number(latest.timestamp) : null,
      latestBlockHash: latest?.hash ?? row.last_hash,
      updatedAt: Number(row.updated_at),
    };
    if (this.listeners.size && prev !== EMPTY) {
      // Publish every block after the previous head (at most 100 per poll; a reorg
      // republishes from the new branch's first different height the tracker can see).
      const from = Math.min(prev.indexedHead, this.head.indexedHead - 1);
      const blocks = await this.db
        .selectFrom('blocks').selectAll()
        .where('number', '>', Math.max(from, this.head.indexedHead - 100))
        .where('number', '<=', this.head.indexedHead)
        .orderBy('number')
        .execute()
        .catch(() => [] as BlockRow[]);
      for (const b of blocks) for (const l of this.listeners) l(b);
    }
  }

  /** The registry state at the current head, loaded once per head. */
  allianceState(): Promise<AllianceState> {
    const head = this.head;
    if (this.state?.key !== head.key) {
      const promise = loadAllianceState(this.db, head.latestBlockTime ?? Math.floor(Date.now() / 1000));
      this.state = { key: head.key, promise };
      promise.catch(() => {
        if (this.state?.promise === promise) this.state = undefined;
      });
    }
    return this.state.promise;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
