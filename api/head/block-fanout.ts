// Publishes newly indexed blocks to `newBlock` subscribers.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { BlockRow } from '../models';

type Listener = (block: BlockRow) => void;

/** At most this many blocks are published per head change. */
const MAX_PUBLISHED = 100;

export class BlockFanout {
  private listeners = new Set<Listener>();

  constructor(private readonly db: Kysely<Database>) {}

  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }

  /**
   * Publish every block after the previous head up to the new one (a reorg republishes from
   * the new branch's first different height the tracker can see).
   */
  async publish(prevHead: number, newHead: number): Promise<void> {
    if (!this.listeners.size) return;
    const from = Math.min(prevHead, newHead - 1);
    const blocks = await this.db
      .selectFrom('blocks').selectAll()
      .where('number', '>', Math.max(from, newHead - MAX_PUBLISHED))
      .where('number', '<=', newHead)
      .orderBy('number')
      .execute()
      .catch(() => [] as BlockRow[]);
    for (const b of blocks) for (const l of this.listeners) l(b);
  }
}
