// One benchmark phase in its own process, so its peak RSS is the indexer's alone.
// Usage: node --import tsx bench/indexer-phase.ts fetch|index RPC_URL [DB_URL] [GENESIS_FILE]
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { connect } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { DEFAULT_RETRY, withRetry } from '../indexer/backoff';
import { Enricher } from '../indexer/enrich';
import { BlockFetcher, toHex, type FetchedBlock } from '../indexer/fetch';
import { INDEXER_HEAP_GROWTH_PERCENT, limitHeapGrowth } from '../config/heap';
import { startIndexer } from '../indexer/index';
import { createRpcClient } from '../indexer/rpc';
import { chooseTracer, fetchTraces } from '../indexer/tracer';
import { readHeadValues } from '../indexer/head-check';

const [phase, rpcUrl, dbUrl, genesisFile] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
// The indexer's own defaults, so (a) fetches exactly the way (b) and (c) do.
const CONCURRENCY = 4;
const TARGET_TX = 2_000;
const MAX_BLOCKS = 100;

async function fetchOnly(): Promise<{ blocks: number; txs: number }> {
  limitHeapGrowth(INDEXER_HEAP_GROWTH_PERCENT); // as startIndexer does, so the ceiling runs with the indexer's heap
  const rpc = createRpcClient(rpcUrl);
  const fetcher = new BlockFetcher(rpc);
  // Every call the indexer makes: blocks and receipts with their traces alongside, the
  // code and token reads at the head, and at the end the touched addresses' balances there.
  const head = parseInt(await rpc.request<string>('eth_blockNumber'), 16);
  const tracer = await chooseTracer('auto', fetcher, head);
  const enricher = new Enricher(fetcher, tracer, null);
  const touched = new Set<string>();
  let next = 0;
  let avg = 1;
  let txs = 0;
  const queue: Promise<FetchedBlock[]>[] = [];
  const fill = () => {
    while (queue.length < CONCURRENCY && next <= head) {
      const size = Math.max(1, Math.min(MAX_BLOCKS, Math.round(TARGET_TX / Math.max(1, avg))));
      const to = Math.min(head, next + size - 1);
      const from = next;
      // Retried like the indexer retries (a busy node may drop a connection).
      queue.push(withRetry(async () => {
        const [blocks, traces] = await Promise.all([fetcher.fetchRange(from, to), fetchTraces(tracer, fetcher, from, to)]);
        await enricher.enrich(blocks, traces);
        return blocks;
      }, DEFAULT_RETRY));
      next = to + 1;
    }
  };
  fill();
  while (queue.length) {
    const blocks = await queue.shift()!;
    // As the writer does once a batch commits: its new tokens' metadata is not read again.
    enricher.addKnown(blocks.flatMap((b) => [...(b.extras?.meta.keys() ?? [])]));
    fill();
    for (const b of blocks) for (const a of b.extras?.native.deltas.keys() ?? []) touched.add(a);
    const n = blocks.reduce((s, b) => s + b.block.transactions.length, 0);
    txs += n;
    avg = avg * 0.7 + (n / blocks.length) * 0.3;
  }
  const headHash = (await rpc.request<{ hash: string }>('eth_getBlockByNumber', [toHex(head), false])).hash;
  await readHeadValues(fetcher, head, headHash, { addresses: [...touched], holdings: [], tokens: [] });
  return { blocks: head + 1, txs };
}

async function indexAll(): Promise<{ blocks: number; txs: number }> {
  const db = connect(dbUrl!);
  await migrateToLatest(db);
  const ix = await startIndexer({ rpcUrl, db, fromBlock: 0, confirmations: 0, once: true, genesisFile, logger: pino({ level: 'warn' }, pino.destination(2)) });
  await ix.done;
  const s = await db.db.selectFrom('indexer_state').select('last_block').executeTakeFirstOrThrow();
  const t = await db.db.selectFrom('blocks').select((eb) => eb.fn.sum<number>('tx_count').as('n')).executeTakeFirstOrThrow();
  await db.close();
  return { blocks: Number(s.last_block) + 1, txs: Number(t.n) };
}

const t0 = performance.now();
const r = phase === 'fetch' ? await fetchOnly() : await indexAll();
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  JSON.stringify({ ...r, seconds, cpuSeconds: cpuSeconds(), blocksPerSecond: r.blocks / seconds, txPerSecond: r.txs / seconds, maxRssMb: peakRssMb() }) + '\n',
);

/** User + system CPU time of this process: on a shared machine, less noisy than wall clock. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * VmHWM, the peak RSS of this process image. Not getrusage's maxRSS: Linux carries that
 * across fork+exec, so a child would report its (large) parent's peak.
 */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}
