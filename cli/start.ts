// `yuscan start`: the whole product in one process — the embedded devnet (unless --rpc /
// RPC_URL), migrations, the indexer and the API + web server — behind one banner.
import { DEVNET_CHAIN_ID, metadataSettings, type StartConfig } from '../config';
import { createLogger } from '../config/log';
import { connect, migrateToLatest, type Db } from '../db';
import { loadIndexerState } from '../db/indexer-state';
import { resetDatabase } from '../db/reset';
import { createServer } from '../api/server';
import { serverLimits, untilSignal } from '../api/cli';
import { createRpcClient } from '../indexer/rpc';
import { formatDuration } from '../indexer/progress';

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const client = createRpcClient(url);
  try {
    return await client.request<T>(method, params);
  } finally {
    await client.close();
  }
}

/**
 * Whether the database holds a different chain than the node: another chain id, or another
 * block 1 (a devnet restarted on another day or seed). Empty databases never mismatch.
 */
export async function storedChainDiffers(db: Db, rpcUrl: string): Promise<string | null> {
  const state = await loadIndexerState(db.db);
  const chainId = parseInt(await rpc<string>(rpcUrl, 'eth_chainId', []), 16);
  if (state && state.chainId !== chainId) return `database holds chain ${state.chainId}, the node is chain ${chainId}`;
  const stored = await db.db.selectFrom('blocks').select('hash').where('number', '=', 1).executeTakeFirst();
  if (!stored) return null;
  const block = await rpc<{ hash: string } | null>(rpcUrl, 'eth_getBlockByNumber', ['0x1', false]);
  if (!block || block.hash.toLowerCase() !== stored.hash) return 'database holds another chain (block 1 differs)';
  return null;
}

/** The API's own connection to the indexer's database, when the engine wants one (see readerConnection). */
export function apiConnection(db: Db): Db {
  return db.engine.readerConnection() ?? db;
}

// The banner and the progress line say what is going on; the logs add only what needs
// attention, unless LOG_LEVEL asks for more.
const START_LOG_LEVEL = 'warn';

export async function runStart(config: StartConfig): Promise<void> {
  const logger = createLogger('start', START_LOG_LEVEL);
  const out = process.stdout;
  const tty = !!out.isTTY;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => logger.error({ err }, 'stop failed'));
    stops.length = 0;
  };
  let signalled = false;
  const signal = untilSignal().then((s) => {
    signalled = true;
    return s;
  });

  try {
    let rpcUrl = config.rpcUrl;
    let registry = config.registry;
    let genesisFile = config.genesisFile;
    let devnetChain = false;
    if (!rpcUrl) {
      const { startDevnet } = await import('../devnet');
      let last = '';
      const devnet = await startDevnet({
        port: config.devnet.port,
        seed: config.devnet.seed,
        history: config.devnet.history,
        blockTimeMs: config.devnet.blockTimeMs,
        onProgress: (p) => {
          const line = p.total > 1 ? `devnet: ${p.phase} ${p.done}/${p.total} blocks (${Math.floor((100 * p.done) / p.total)}%)` : `devnet: ${p.phase}`;
          if (tty) return void out.write(`\r\x1b[2K${line}`);
          const step = `${p.phase}:${p.total > 1 ? Math.floor((10 * p.done) / p.total) : 0}`;
          if (step !== last) {
            last = step;
            out.write(`${line}\n`);
          }
        },
        onLiveError: (err) => logger.warn({ err: (err as Error).message }, 'devnet live block failed'),
      });
      if (tty) out.write('\r\x1b[2K');
      stops.push(() => devnet.stop());
      rpcUrl = devnet.rpcUrl;
      registry ??= devnet.registry;
      genesisFile ??= devnet.genesisFile;
      devnetChain = true;
    }
    if (signalled) return;

    const db = connect(config.databaseUrl);
    await migrateToLatest(db);
    const differs = await storedChainDiffers(db, rpcUrl);
    if (differs) {
      if (!devnetChain) {
        await db.close();
        throw new Error(`${differs}; use another --db, or empty this one`);
      }
      logger.warn({ db: config.databaseUrl }, `${differs}: resetting the devnet database`);
      await resetDatabase(db.db);
    }
    stops.push(() => db.close());
    const apiDb = apiConnection(db);
    if (apiDb !== db) stops.push(() => apiDb.close());

    // One process: the API's /metrics carries the indexer's series too.
    const indexerMetrics = (await import('../indexer/metrics')).createIndexerMetrics();
    const server = await createServer({
      db: apiDb, port: config.port, logger: createLogger('api', START_LOG_LEVEL), nativeCoin: config.nativeCoin, rpc: createRpcClient(rpcUrl),
      // Wallets are offered the devnet's own node unless the operator names a public one.
      publicRpcUrl: config.publicRpcUrl ?? (devnetChain ? rpcUrl : undefined),
      ...serverLimits(config), moreMetrics: indexerMetrics.registry, labels: config.labels, metadata: metadataSettings(),
    });
    stops.push(() => server.close());

    const chainId = parseInt(await rpc<string>(rpcUrl, 'eth_chainId', []), 16);
    const isDevnet = chainId === DEVNET_CHAIN_ID;
    const url = `http://localhost:${new URL(server.url).port}`;
    out.write(
      [
        '',
        '  yuscan — Yu Express Chain explorer & alliance dashboard',
        `  ➜  ${url}`,
        `  chain:    ${isDevnet ? `devnet (chain id ${chainId}) — demo network, simulated data` : `chain id ${chainId} at ${rpcUrl}`}`,
        `  registry: ${registry ?? '(auto-detect on the devnet; none otherwise)'}`,
        `  GraphQL:  ${url}/graphql    health: ${url}/healthz    Ctrl-C stops`,
        '',
      ].join('\n') + '\n',
    );

    const { startIndexer } = await import('../indexer');
    let lastLog = 0;
    let lineOpen = false;
    const indexer = await startIndexer({
      rpcUrl,
      db,
      registry,
      fromBlock: config.fromBlock,
      confirmations: config.confirmations,
      // The balances at block 0: the devnet's own genesis, or --genesis for another chain.
      ...(genesisFile === undefined ? {} : { genesisFile }),
      once: false,
      traceMethod: config.traceMethod,
      logger: createLogger('indexer', START_LOG_LEVEL),
      observer: indexerMetrics.observer,
      onProgress: (p) => {
        const pct = p.headBlock > 0 ? Math.floor((100 * p.indexedBlock) / p.headBlock) : 100;
        const line = p.syncing
          ? `  indexing: block ${p.indexedBlock} / ${p.headBlock} (${pct}%) · ${Math.round(p.blocksPerSecond)} blocks/s · ${Math.round(p.txPerSecond)} tx/s · ETA ${formatDuration(p.etaSeconds)}`
          : `  indexing: up to date at block ${p.indexedBlock}`;
        if (tty) {
          out.write(`\r\x1b[2K${line}`);
          lineOpen = true;
        } else if (Date.now() - lastLog > 5000 || !p.syncing) {
          if (!p.syncing && lastLog < 0) return;
          lastLog = p.syncing ? Date.now() : -1;
          out.write(`${line.trim()}\n`);
        }
      },
    });
    stops.push(async () => {
      await indexer.stop();
      if (lineOpen) out.write('\n');
    });
    const failed = indexer.done.then(
      () => null,
      (err: unknown) => err as Error,
    );
    const outcome = await Promise.race([signal.then(() => null), failed]);
    if (outcome) throw new Error(`indexer stopped: ${outcome.message}`);
    if (tty && lineOpen) out.write('\n');
    lineOpen = false;
    logger.info('stopping: server, indexer, devnet');
  } finally {
    await stopAll();
  }
}
