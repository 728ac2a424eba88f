// The sync loop: backfill in pipelined batches (bounded fetches in flight, writes in
// order), then follow the head; on a parent-hash mismatch, roll back to the common
// ancestor and carry on from there.
import type { Logger } from 'pino';
import type { Db } from '../db/connect';
import { RetryableError, sleep, withRetry, type RetryPolicy } from './backoff';
import { Enricher } from './enrich';
import { BlockFetcher, type FetchedBlock } from './fetch';
import { RateMeter, eta, type IndexerProgress } from './progress';
import { continues, findCommonAncestor } from './reorg';
import type { IndexerObserver } from './observer';
import type { RpcClient } from './rpc';
import { buildRows } from './rows';
import { SealTracker, writeSealRows } from './sealing';
import { contractCodeRows, writeContractCode } from './contract-code';
import { rewindCheckpoint, saveChainHead } from '../db/indexer-state';
import { rollbackTo, writeBatch } from './writer';

export interface SyncOptions {
  db: Db;
  rpc: RpcClient;
  logger: Logger;
  chainId: number;
  registry: string | null;
  /** Where the checkpoint stands: the last block written and its hash ('' = accept any parent). */
  lastBlock: number;
  lastHash: string;
  confirmations: number;
  once: boolean;
  pollIntervalMs: number;
  retry: RetryPolicy;
  /** Fetches in flight ahead of the writer. */
  concurrency: number;
  /** A batch aims at this many transactions... */
  targetTxPerBatch: number;
  /** ...and never spans more blocks than this. */
  maxBlocksPerBatch: number;
  onProgress?: (p: IndexerProgress) => void;
  /** After every transaction the sync commits (a batch or a rollback). */
  onCommit?: () => void;
  observer?: IndexerObserver;
  signal: AbortSignal;
}

export class Sync {
  private lastBlock: number;
  private lastHash: string;
  private head = 0;
  private savedHead = -1;
  private readonly fetcher: BlockFetcher;
  private readonly enricher: Enricher;
  private readonly meter = new RateMeter();
  private readonly sealing: SealTracker;
  private avgTxPerBlock = 1;
  private wake?: () => void;
  private unsubscribe?: () => void;

  constructor(private readonly o: SyncOptions) {
    this.lastBlock = o.lastBlock;
    this.lastHash = o.lastHash;
    this.fetcher = new BlockFetcher(o.rpc);
    this.sealing = new SealTracker(o.db);
    this.enricher = new Enricher(this.fetcher);
  }

  /** Blocks with receipts, then their traces and the reads they call for. */
  private async fetchBatch(from: number, to: number): Promise<FetchedBlock[]> {
    const blocks = await this.fetcher.fetchRange(from, to);
    await this.enricher.enrich(blocks);
    return blocks;
  }

  /** The enricher reads metadata only for tokens the database does not hold yet. */
  private async loadKnownTokens(): Promise<void> {
    const rows = await this.o.db.db.selectFrom('tokens').select('address').execute();
    this.enricher.resetKnown(rows.map((r) => r.address));
  }

  private retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, this.o.retry, {
      signal: this.o.signal,
      onRetry: (err, attempt, delayMs) => this.o.logger.warn({ attempt, delayMs, err: err.message }, `${what} failed; retrying`),
    });
  }

  private get stopped() {
    return this.o.signal.aborted;
  }

  private async fetchHead(): Promise<number> {
    const head = await this.retry('eth_blockNumber', async () => {
      const [r] = await this.o.rpc.batch([{ method: 'eth_blockNumber', params: [] }]);
      if (r!.error || typeof r!.result !== 'string') throw new RetryableError(`eth_blockNumber answered ${JSON.stringify(r)}`);
      return parseInt(r!.result, 16);
    });
    this.head = head;
    return head;
  }

  private report(syncing: boolean) {
    this.o.observer?.progress(Math.max(0, this.lastBlock), this.head);
    if (!this.o.onProgress) return;
    const { blocksPerSecond, txPerSecond } = this.meter.rates(Date.now());
    const target = Math.max(0, this.head - this.o.confirmations);
    this.o.onProgress({
      indexedBlock: Math.max(0, this.lastBlock),
      headBlock: this.head,
      blocksPerSecond,
      txPerSecond,
      etaSeconds: syncing ? eta(target - this.lastBlock, blocksPerSecond) : 0,
      syncing,
    });
  }

  private batchSize(): number {
    return Math.max(1, Math.min(this.o.maxBlocksPerBatch, Math.round(this.o.targetTxPerBatch / Math.max(1, this.avgTxPerBlock))));
  }

  async run(): Promise<void> {
    if (this.o.rpc.subscribeNewHeads) {
      try {
        this.unsubscribe = await this.o.rpc.subscribeNewHeads(() => this.wake?.());
      } catch (err) {
        this.o.logger.warn({ err: (err as Error).message }, 'eth_subscribe newHeads failed; polling instead');
      }
    }
    this.meter.add(Date.now(), 0, 0);
    await this.loadKnownTokens();
    try {
      while (!this.stopped) {
        const head = await this.fetchHead();
        const target = head - this.o.confirmations;
        if (target > this.lastBlock) {
          await this.backfill(target);
          continue;
        }
        // Caught up. The chain may still have changed under us (same height or shorter).
        if (await this.tipReorged(target)) continue;
        await this.saveHead(head);
        this.report(false);
        if (this.o.once) return;
        await this.waitForHead();
      }
    } finally {
      this.unsubscribe?.();
    }
  }

  private async saveHead(head: number) {
    if (head === this.savedHead) return;
    await saveChainHead(this.o.db.db, head);
    this.savedHead = head;
  }

  private waitForHead(): Promise<void> {
    // With a subscription the poll is only a safety net for a dropped socket.
    const ms = this.unsubscribe ? Math.max(this.o.pollIntervalMs, 5_000) : this.o.pollIntervalMs;
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      sleep(ms, this.o.signal).then(resolve);
    }).finally(() => (this.wake = undefined));
  }

  /** Is our newest block still on the node's chain? If not, roll back. */
  private async tipReorged(target: number): Promise<boolean> {
    if (this.lastHash === '' || this.lastBlock < 0) return false;
    const hashes = await this.retry('tip check', () => this.fetcher.hashes([this.lastBlock]));
    if (hashes.get(this.lastBlock) === this.lastHash) return false;
    await this.reorg(Math.min(this.lastBlock, target));
    return true;
  }

  private async backfill(target: number): Promise<void> {
    const queue: { from: number; to: number; p: Promise<FetchedBlock[]> }[] = [];
    let next = this.lastBlock + 1;
    const schedule = () => {
      while (queue.length < this.o.concurrency && next <= target && !this.stopped) {
        const from = next;
        const to = Math.min(target, from + this.batchSize() - 1);
        const p = this.retry(`fetching blocks ${from}-${to}`, () => this.fetchBatch(from, to));
        p.catch(() => {}); // awaited below; this only keeps an abandoned fetch from being "unhandled"
        queue.push({ from, to, p });
        next = to + 1;
      }
    };
    schedule();
    while (queue.length && !this.stopped) {
      const item = queue.shift()!;
      const blocks = await item.p;
      schedule();
      if (this.stopped) break;
      const first = blocks[0]!.block;
      if (!continues(this.lastHash, first.parentHash)) {
        await Promise.allSettled(queue.map((q) => q.p));
        await this.reorg(this.lastBlock);
        return;
      }
      await this.write(blocks, target);
    }
  }

  private async write(blocks: FetchedBlock[], target: number): Promise<void> {
    const rows = buildRows(blocks, this.o.registry);
    const seals = await this.sealing.rows(blocks, rows.logs);
    const last = blocks[blocks.length - 1]!.block;
    const lastBlock = parseInt(last.number, 16);
    const lastHash = last.hash.toLowerCase();
    const chainHead = Math.max(this.head, lastBlock);
    const t = performance.now();
    await this.o.db.db.transaction().execute(async (trx) => {
      await writeBatch(trx, this.o.db, rows, { chainId: this.o.chainId, registry: this.o.registry, lastBlock, lastHash, chainHead });
      await writeSealRows(trx, this.o.db, seals);
      await writeContractCode(trx, this.o.db, contractCodeRows(blocks));
    });
    this.o.onCommit?.();
    this.o.observer?.batchWritten((performance.now() - t) / 1000, blocks.length, rows.txCount);
    this.enricher.addKnown(rows.accountsTokens.newTokens.map((t) => t.address));
    this.savedHead = chainHead;
    this.lastBlock = lastBlock;
    this.lastHash = lastHash;
    this.avgTxPerBlock = this.avgTxPerBlock * 0.7 + (rows.txCount / blocks.length) * 0.3;
    this.meter.add(Date.now(), blocks.length, rows.txCount);
    this.report(lastBlock < target);
  }

  /** Roll back to the newest block the node still agrees with; the loop then re-indexes from there. */
  private async reorg(top: number): Promise<void> {
    const { db } = this.o.db;
    const floorRow = await db.selectFrom('blocks').select((eb) => eb.fn.min('number').as('n')).executeTakeFirst();
    const floor = floorRow?.n == null ? this.lastBlock + 1 : Number(floorRow.n);
    const ancestor = await findCommonAncestor({
      top: Math.min(top, this.lastBlock),
      floor,
      local: async (from, to) => {
        const rows = await db.selectFrom('blocks').select(['number', 'hash']).where('number', '>=', from).where('number', '<=', to).execute();
        return new Map(rows.map((r) => [Number(r.number), r.hash]));
      },
      remote: (numbers) => this.retry('reorg walk', () => this.fetcher.hashes(numbers)),
    });
    const depth = this.lastBlock - ancestor;
    const ancestorRow = await db.selectFrom('blocks').select('hash').where('number', '=', ancestor).executeTakeFirst();
    const ancestorHash = ancestorRow?.hash ?? '';
    await db.transaction().execute(async (trx) => {
      await rollbackTo(trx, this.o.db.dialect, ancestor);
      await rewindCheckpoint(trx, ancestor, ancestorHash);
    });
    this.o.onCommit?.();
    this.o.logger.warn({ depth, from: this.lastBlock, ancestor, head: this.head }, `reorg of depth ${depth}: rolled back to block ${ancestor}`);
    this.lastBlock = ancestor;
    this.lastHash = ancestorHash;
    await this.loadKnownTokens();
  }
}
