// Follows the database's indexed head by polling (cheap: one primary-key read), so the API
// works as a separate process from the indexer and on PostgreSQL replicas. It publishes newly
// indexed blocks to `newBlock` subscribers and keys the per-head registry state.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { BlockRow } from '../models';
import { loadAllianceState, type AllianceState } from '../state';
import { BlockFanout } from './block-fanout';
import { EMPTY_HEAD, readHead, type Head } from './read-head';
import { PerHeadCache } from './state-cache';

export class HeadTracker {
  private head: Head = EMPTY_HEAD;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private readonly fanout: BlockFanout;
  private readonly state: PerHeadCache<AllianceState>;
  /** Set when the last poll failed (database unreachable). */
  error: Error | undefined;

  constructor(private readonly db: Kysely<Database>, private readonly intervalMs = 500) {
    this.fanout = new BlockFanout(db);
    this.state = new PerHeadCache(() => loadAllianceState(this.db, this.head.latestBlockTime ?? Math.floor(Date.now() / 1000)));
  }

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.fanout.clear();
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
    let next;
    try {
      next = await readHead(this.db, this.head);
      this.error = undefined;
    } catch (err) {
      this.error = err as Error;
      return;
    }
    if (!next) return;
    const prev = this.head;
    this.head = next;
    if (next.key !== prev.key && prev !== EMPTY_HEAD) await this.fanout.publish(prev.indexedHead, next.indexedHead);
  }

  /** The registry state at the current head, loaded once per head. */
  allianceState(): Promise<AllianceState> {
    return this.state.get(this.head.key);
  }

  subscribe(listener: (block: BlockRow) => void): () => void {
    return this.fanout.subscribe(listener);
  }
}
