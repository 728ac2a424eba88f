// The sync loop: backfill in pipelined batches (bounded fetches in flight, writes in
// order), then follow the head; on a parent-hash mismatch, roll back to the common
// ancestor and carry on from there.
import type { Logger } from 'pino';
import type { Db } from '../db/connect';
import { sleep, withRetry, type RetryPolicy } from './backoff';
import { Enricher } from './enrich';
import { BlockFetcher, nodeHead, type FetchedBlock } from './fetch';
import { RateMeter, eta, type IndexerProgress } from './progress';
import { continues, findCommonAncestor } from './reorg';
import type { IndexerObserver } from './observer';
import type { RpcClient } from './rpc';
import { buildRows } from './rows';
import { SealTracker, writeSealRows } from './sealing';
import { contractCodeRows, writeContractCode } from './contract-code';
import { rewindCheckpoint, saveBalanceHistory, saveChainHead } from '../db/indexer-state';
import { rollbackTo, writeBatch } from './writer';
import type { Genesis } from './genesis';
import { fetchTraces, type TracerKind } from './tracer';
import { allTargets, applyHeadCheck, readHeadValues, type CheckTargets } from './head-check';
import { exactFromAfterBatch, exactFromAfterHeadCheck } from './exactness';
import { splitHoldingKey } from './enrich';

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
  tracer: TracerKind;
  /** The genesis allocations, written as block 0's deltas; null when not given. */
  genesis: Genesis | null;
  /** The index starts at block 0, so an address it has not seen held nothing. */
  zeroBase: boolean;
  /** Where exact balance history begins (null: not known yet). */
  exactFrom: number | null;
}

/** A batch ending this close to the node's head is checked against the node's balances there. */
const HEAD_CHECK_WINDOW = 16;

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
  private exactFrom: number | null;
  /** Everything the index holds is checked against the node once, on first catching up. */
  private checkedAll = false;
  private wake?: () => void;
  private unsubscribe?: () => void;

  constructor(private readonly o: SyncOptions) {
    this.lastBlock = o.lastBlock;
    this.lastHash = o.lastHash;
    this.fetcher = new BlockFetcher(o.rpc);
    this.sealing = new SealTracker(o.db);
    this.enricher = new Enricher(this.fetcher, o.tracer, o.genesis);
    this.exactFrom = o.exactFrom;
  }

  /** Blocks with receipts and, alongside, their traces; then the reads they call for. */
  private async fetchBatch(from: number, to: number): Promise<FetchedBlock[]> {
    const [blocks, traces] = await Promise.all([this.fetcher.fetchRange(from, to), fetchTraces(this.o.tracer, this.fetcher, from, to)]);
    await this.enricher.enrich(blocks, traces);
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
    const head = await this.retry('eth_blockNumber', () => nodeHead(this.fetcher));
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
        if (!this.checkedAll && this.lastBlock >= 0) {
          await this.headCheck(await allTargets(this.o.db.db), 'everything indexed');
          this.checkedAll = true;
        }
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
    const exactFrom = exactFromAfterBatch(this.exactFrom, rows.accountsTokens.incompleteBlocks);
    await this.o.db.db.transaction().execute(async (trx) => {
      await writeBatch(trx, this.o.db, rows, { chainId: this.o.chainId, registry: this.o.registry, lastBlock, lastHash, chainHead }, { zeroBase: this.o.zeroBase });
      await writeSealRows(trx, this.o.db, seals);
      await writeContractCode(trx, this.o.db, contractCodeRows(blocks));
      if (exactFrom !== this.exactFrom) await saveBalanceHistory(trx, { balancesExactFrom: exactFrom });
    });
    if (exactFrom !== this.exactFrom) {
      // With no tracer at all the start-up warning said so once; a tracer that failed on some blocks is news.
      if (this.o.tracer !== 'none') this.o.logger.warn({ blocks: rows.accountsTokens.incompleteBlocks }, `blocks the node could not trace: balance history is exact only from block ${exactFrom}`);
      this.exactFrom = exactFrom;
    }
    this.o.onCommit?.();
    this.o.observer?.batchWritten((performance.now() - t) / 1000, blocks.length, rows.txCount);
    this.enricher.addKnown(rows.accountsTokens.newTokens.map((t) => t.address));
    this.savedHead = chainHead;
    this.lastBlock = lastBlock;
    this.lastHash = lastHash;
    this.avgTxPerBlock = this.avgTxPerBlock * 0.7 + (rows.txCount / blocks.length) * 0.3;
    this.meter.add(Date.now(), blocks.length, rows.txCount);
    // Following the head, each batch is checked where the node surely still has the state;
    // during the backfill the one full check on catching up does it.
    if (this.checkedAll && lastBlock >= this.head - HEAD_CHECK_WINDOW) {
      const a = rows.accountsTokens;
      await this.headCheck({
        addresses: [...new Set(a.coin.flatMap((b) => [...b.deltas.keys()]))],
        holdings: [...new Set(a.holdings.flatMap((b) => [...b.deltas.keys()]))],
        tokens: [...new Set([...a.supplies.flatMap((b) => [...b.deltas.keys()]), ...a.holdings.flatMap((b) => [...b.deltas.keys()].map((k) => splitHoldingKey(k).token))])],
      }, `blocks to ${lastBlock}`);
    }
    this.report(lastBlock < target);
  }

  /** Hold balances, holdings and supplies at the checkpoint against the node; the node wins. */
  private async headCheck(targets: CheckTargets, what: string): Promise<void> {
    const block = this.lastBlock;
    const hash = this.lastHash;
    const values = await this.retry(`head check of ${what}`, () => readHeadValues(this.fetcher, block, hash, targets));
    if (!values) {
      this.o.logger.warn({ block }, `the node has no state at block ${block} (or no longer that block); head check of ${what} skipped`);
      return;
    }
    const { db } = this.o;
    let exactFrom = this.exactFrom;
    await db.db.transaction().execute(async (trx) => {
      const fixed = await applyHeadCheck(trx, db, values, this.o.logger);
      const total = fixed.balances + fixed.holdings + fixed.supplies;
      exactFrom = exactFromAfterHeadCheck(this.exactFrom, block, fixed.balances);
      if (exactFrom !== this.exactFrom) await saveBalanceHistory(trx, { balancesExactFrom: exactFrom });
      const checked = targets.addresses.length + targets.holdings.length + targets.tokens.length;
      if (total) this.o.logger.warn({ block, ...fixed }, `head check of ${what}: ${total} of ${checked} values differed from the node and were corrected`);
      else this.o.logger.debug({ block, checked }, `head check of ${what}: all agree`);
    });
    this.o.onCommit?.();
    this.exactFrom = exactFrom;
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
      await rollbackTo(trx, ancestor);
      await rewindCheckpoint(trx, ancestor, ancestorHash);
    });
    this.o.onCommit?.();
    this.o.logger.warn({ depth, from: this.lastBlock, ancestor, head: this.head }, `reorg of depth ${depth}: rolled back to block ${ancestor}`);
    this.lastBlock = ancestor;
    this.lastHash = ancestorHash;
    await this.loadKnownTokens();
  }
}
