// Starts Hardhat's in-process EVM (EDR) and serves it over HTTP + websocket JSON-RPC.
// No hardhat.config: everything is configured here so the chain is a pure function of
// the options (genesis date, accounts, coinbase, gas settings) and of what we send it.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Eip1193 } from './eip1193';
import { withCallTracer } from './tracer';

const require = createRequire(import.meta.url);

export type { Eip1193 } from './eip1193';

export interface NodeOptions {
  host: string;
  port: number;
  chainId: number;
  /** Private keys funded at genesis; the node signs eth_sendTransaction for them. */
  accounts: { privateKey: `0x${string}`; balance: bigint }[];
  /** Genesis timestamp. Absent: wall clock (non-deterministic genesis hash). */
  initialDate?: Date;
  automine: boolean;
}

export interface RunningNode {
  provider: Eip1193;
  rpcUrl: string;
  port: number;
  close(): Promise<void>;
}

// Fixed so block hashes never depend on hardhat defaults changing under us.
const COINBASE = '0x00000000000000000000000000000000000c0ffe';
const BLOCK_GAS_LIMIT = 60_000_000;

export async function createProvider(opts: Omit<NodeOptions, 'host' | 'port'>): Promise<Eip1193> {
  // Internal path on purpose: hardhat 2's public API needs a config file and an HRE.
  const { createHardhatNetworkProvider } = require('hardhat/internal/hardhat-network/provider/provider') as {
    createHardhatNetworkProvider(config: unknown, logger: { enabled: boolean }): Promise<Eip1193>;
  };
  const edr = await createHardhatNetworkProvider(
    {
      hardfork: 'osaka',
      chainId: opts.chainId,
      networkId: opts.chainId,
      blockGasLimit: BLOCK_GAS_LIMIT,
      minGasPrice: 0n,
      automine: opts.automine,
      intervalMining: 0,
      // fifo: a block's tx order is the order we sent them, independent of fees.
      mempoolOrder: 'fifo',
      chains: new Map(),
      genesisAccounts: opts.accounts.map((a) => ({ privateKey: a.privateKey, balance: a.balance })),
      allowUnlimitedContractSize: false,
      // Like a real node: a reverting transaction is mined with status 0 rather than turned
      // into a JSON-RPC error, so the explorer has failed transactions to show.
      throwOnTransactionFailures: false,
      throwOnCallFailures: true,
      allowBlocksWithSameTimestamp: false,
      initialDate: opts.initialDate,
      coinbase: COINBASE,
      enableTransientStorage: false,
      enableRip7212: false,
    },
    { enabled: false },
  );
  return gethCompatible(withCallTracer(edr));
}

/**
 * Two places where hardhat 2.29 differs from geth in ways clients notice:
 * - eth_getBlockReceipts is "not supported"; indexers use it to fetch a block's receipts in
 *   one round trip, so we answer it from per-tx receipts.
 * - a reverting eth_call / eth_estimateGas comes back as -32603 "internal error", which viem
 *   (rightly, for a real internal error) retries with back-off: a second per failed call.
 *   geth answers code 3 with the revert data, which clients decode without retrying.
 */
function gethCompatible(inner: Eip1193): Eip1193 {
  return {
    async request(args) {
      if (args.method === 'eth_call' || args.method === 'eth_estimateGas') {
        try {
          return await inner.request(args);
        } catch (err) {
          // EDR throws a SolidityError carrying the revert data; hardhat's HTTP handler keeps
          // the code of anything flagged as a provider error.
          const e = err as { message?: string; code?: number; data?: unknown; _isProviderError?: boolean };
          if (e.code === undefined && typeof e.data === 'string' && e.data.startsWith('0x')) {
            throw Object.assign(new Error(e.message ?? 'execution reverted'), {
              code: 3,
              data: e.data,
              _isProviderError: true,
            });
          }
          throw err;
        }
      }
      if (args.method !== 'eth_getBlockReceipts') return inner.request(args);
      const [tag] = (args.params ?? []) as [unknown];
      const byHash = typeof tag === 'string' && /^0x[0-9a-fA-F]{64}$/.test(tag);
      const block = (await inner.request({
        method: byHash ? 'eth_getBlockByHash' : 'eth_getBlockByNumber',
        params: [tag, false],
      })) as { transactions: string[] } | null;
      if (block === null) return null;
      return Promise.all(
        block.transactions.map((hash) => inner.request({ method: 'eth_getTransactionReceipt', params: [hash] })),
      );
    },
  };
}

export async function startNode(opts: NodeOptions): Promise<RunningNode> {
  // Bind the port first: a busy port must fail at once, not after building years of history.
  // Our own server rather than hardhat's JsonRpcServer: that one never reports a listen
  // error, so a busy port would hang instead of failing.
  const http: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      http.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${opts.port} is already in use`));
      else if (err.code === 'EACCES') reject(new Error(`port ${opts.port} needs more privileges than this process has`));
      else reject(err);
    };
    const onListening = () => {
      http.off('error', onError);
      resolve();
    };
    http.once('error', onError);
    http.once('listening', onListening);
    http.listen(opts.port, opts.host);
  });
  let provider: Eip1193;
  try {
    provider = await createProvider(opts);
  } catch (err) {
    await new Promise<void>((resolve) => http.close(() => resolve()));
    throw err;
  }
  const { JsonRpcHandler } = require('hardhat/internal/hardhat-network/jsonrpc/handler') as {
    JsonRpcHandler: new (p: Eip1193) => {
      handleHttp(req: unknown, res: unknown): Promise<void>;
      handleWs(ws: unknown): Promise<void>;
    };
  };
  const handler = new JsonRpcHandler(provider);
  http.on('request', (req, res) => void handler.handleHttp(req, res));
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => void handler.handleWs(ws));
  const port = (http.address() as AddressInfo).port;
  const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let closed: Promise<void> | undefined;
  return {
    provider,
    rpcUrl: `http://${urlHost}:${port}`,
    port,
    close() {
      closed ??= (async () => {
        for (const ws of wss.clients) ws.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closed;
    },
  };
}
