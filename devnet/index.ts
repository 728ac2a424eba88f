// The embedded demo chain: a real EVM node plus, optionally, years of simulated alliance
// history and a live trickle of new activity.
import { DEVNET_CHAIN_ID } from '../config/constants';
import { allAccounts, deriveAccounts, GENESIS_BALANCE } from './accounts';
import { deployRegistry } from './deploy';
import { startLive, type LiveLoop } from './live';
import { startNode } from './node';
import type { GenesisSpec } from './genesis';
import { GENESIS_DATE, planHistory } from './plan';
import { liveRotation, withSealing } from './sealers';
import { runHistory } from './simulate';
import { addTokenActivity, type DemoContracts } from './tokens';

type Hex = `0x${string}`;

export interface DevnetProgress {
  phase: string;
  done: number;
  total: number;
}

export interface DevnetOptions {
  port: number;
  seed: number;
  history: 'full' | 'none';
  blockTimeMs: number;
  host?: string;
  /** End of the simulated history (exclusive). Default: start of today, UTC. */
  historyEnd?: Date;
  /** Default true: keep mining a block every blockTimeMs. Tests set false and mine themselves. */
  live?: boolean;
  onProgress?: (p: DevnetProgress) => void;
  /** Errors in the live loop (it keeps going). Default: ignored. */
  onLiveError?: (err: unknown) => void;
  /**
   * With the full history: keep every block's state, for clients that read past state. Off by
   * default, as on most nodes: anvil keeps each block's whole state, and for years of history
   * that is gigabytes (on disk, and in memory once read back).
   */
  archive?: boolean;
}

export interface Devnet {
  rpcUrl: string;
  chainId: number;
  registry: Hex;
  owner: Hex;
  /** Funded accounts the node signs for (eth_sendTransaction); with history 'full' the catalogue's enterprises. */
  members: Hex[];
  /** Funded non-member accounts the node also signs for. */
  users: Hex[];
  /** The demo token and payout contracts (history 'full' only). */
  contracts?: DemoContracts;
  /** The geth-style genesis JSON the chain started from (its block 0); removed by stop(). */
  genesisFile: string;
  stop(): Promise<void>;
}

export function startOfTodayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

// Fixed so that block hashes never depend on the node's defaults changing under us.
const COINBASE: Hex = '0x00000000000000000000000000000000000c0ffe';
const BLOCK_GAS_LIMIT = 60_000_000n;
const BASE_FEE = 1_000_000_000n;
/**
 * The full history keeps the state of the last 16 blocks: each costs anvil a whole copy (about
 * 1.3 MB by today). A dev chain without history keeps all of them: it stays small.
 */
const RECENT_STATES = 16;

/**
 * Block 0: every account the devnet signs for, funded. A fixed date makes the history chain
 * reproducible; without history the chain simply starts now, like any fresh dev node.
 */
function devnetGenesis(accounts: ReturnType<typeof deriveAccounts>, timestamp: number): GenesisSpec {
  return {
    chainId: DEVNET_CHAIN_ID,
    timestamp,
    gasLimit: BLOCK_GAS_LIMIT,
    coinbase: COINBASE,
    baseFeePerGas: BASE_FEE,
    accounts: allAccounts(accounts).map((a) => ({ address: a.address, balance: GENESIS_BALANCE, privateKey: a.privateKey })),
  };
}

export async function startDevnet(opts: DevnetOptions): Promise<Devnet> {
  const report = opts.onProgress ?? (() => {});
  const accounts = deriveAccounts(opts.seed);
  const full = opts.history === 'full';
  const live = opts.live ?? true;
  report({ phase: 'starting node', done: 0, total: 1 });
  const node = await startNode({
    host: opts.host ?? '127.0.0.1',
    port: opts.port,
    genesis: devnetGenesis(accounts, Math.floor((full ? GENESIS_DATE.getTime() : Date.now()) / 1000)),
    recentStates: full && !opts.archive ? RECENT_STATES : undefined,
  });
  // Early RPC callers are told what the node is busy with.
  const progress = (p: DevnetProgress) => {
    node.setStatus(p.total > 1 ? `${p.phase} ${p.done}/${p.total} blocks` : p.phase);
    report(p);
  };
  let liveLoop: LiveLoop | undefined;
  try {
    const { provider } = node;
    const owner = accounts.owner.address;
    let registry: Hex;
    let currentMembers: Hex[] = [];
    let contracts: DemoContracts | undefined;
    let nextSealer: (() => Hex) | undefined;
    if (full) {
      const planned = planHistory({ seed: opts.seed, accounts, historyEnd: opts.historyEnd ?? startOfTodayUtc() });
      contracts = addTokenActivity(planned, opts.seed, accounts).contracts;
      const plan = withSealing(planned, opts.seed, accounts.members.map((m) => m.address));
      registry = await runHistory(provider, plan, progress);
      nextSealer = liveRotation(plan.sealing);
      currentMembers = plan.finalMembers;
      // Continue from the wall clock rather than from the last simulated instant.
      const head = (await provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as {
        timestamp: string;
      };
      const behind = Math.floor(Date.now() / 1000) - Number(head.timestamp);
      if (behind > 0) await provider.request({ method: 'evm_increaseTime', params: [behind] });
    } else {
      registry = await deployRegistry(provider, owner);
    }
    await provider.request({ method: 'evm_setAutomine', params: [true] });
    node.ready();
    progress({ phase: 'ready', done: 1, total: 1 });
    if (live) {
      liveLoop = await startLive({
        provider,
        registry,
        seed: opts.seed,
        blockTimeMs: opts.blockTimeMs,
        members: currentMembers,
        users: accounts.users.map((u) => u.address),
        onError: opts.onLiveError,
        nextSealer,
      });
    }
    let stopped: Promise<void> | undefined;
    return {
      rpcUrl: node.rpcUrl,
      chainId: DEVNET_CHAIN_ID,
      registry,
      owner,
      members: accounts.members.map((m) => m.address),
      users: accounts.users.map((u) => u.address),
      contracts,
      genesisFile: node.genesisFile,
      stop() {
        stopped ??= (async () => {
          await liveLoop?.stop();
          await node.close();
        })();
        return stopped;
      },
    };
  } catch (err) {
    await liveLoop?.stop();
    await node.close();
    throw err;
  }
}
