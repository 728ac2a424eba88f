// A real stack for browser tests: devnet (history 'none', no live loop) + a small
// deterministic scenario sent through viem + the indexer following it + the API/web
// server over a fresh SQLite file. The web app is built first when stale (build.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPublicClient, createWalletClient, http, parseEther, type Hex, type PublicClient, type WalletClient } from 'viem';
import { connect, migrateToLatest, type Db } from '../../db';
import { startDevnet, type Devnet } from '../../devnet';
import { startIndexer, type Indexer } from '../../indexer';
import { createServer, type ServerOptions, type YuscanServer } from '../../api/server';
import { allianceRegistryAbi, asciiToBytes32, kpiKey } from '../../contracts/registry';
import { WEB_DIST } from '../../cli/build-web';

export interface ScenarioMember {
  address: Hex;
  name: string;
  nameEn: string;
  nameZh: string;
  country: string;
  sector: string;
}

export interface Scenario {
  members: ScenarioMember[];
  /** Hashes of the plain value transfers, in order. */
  transfers: Hex[];
  /** Hashes of the patent filings, in order. */
  patents: Hex[];
}

export interface Stack {
  /** Base URL of the API + web server, e.g. http://127.0.0.1:43210 */
  url: string;
  rpcUrl: string;
  devnet: Devnet;
  chain: PublicClient;
  wallet: WalletClient;
  scenario: Scenario;
  db: Db;
  server: YuscanServer;
  indexer: Indexer;
  /** Mine one block with a transfer in it; resolves with its number once mined. */
  mineBlock(): Promise<bigint>;
  /** Resolves when the database has indexed at least block `n`. */
  waitIndexed(n: bigint | number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

const MEMBERS: Omit<ScenarioMember, 'address' | 'name'>[] = [
  { nameEn: 'Inspur Blockchain Services', nameZh: '浪潮区块链服务', country: 'CN', sector: 'technology' },
  { nameEn: 'Chongqing Rural Commercial Bank', nameZh: '重庆农村商业银行', country: 'CN', sector: 'finance' },
  { nameEn: 'Yuzhong Logistics Group', nameZh: '渝中物流集团', country: 'CN', sector: 'logistics' },
  { nameEn: 'Overseas Ledger Labs', nameZh: '海外账本实验室', country: 'SG', sector: 'technology' },
];

/** The deterministic scenario: admit members, set a target, file patents, send transfers. */
async function runScenario(devnet: Devnet, chain: PublicClient, wallet: WalletClient): Promise<Scenario> {
  const registry = devnet.registry;
  const owner = devnet.owner;
  const wait = async (hash: Hex) => {
    const r = await chain.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (r.status !== 'success') throw new Error(`scenario tx ${hash} reverted`);
    return hash;
  };
  const write = (account: Hex, functionName: string, args: unknown[]) =>
    wallet
      .writeContract({ address: registry, abi: allianceRegistryAbi, functionName, args, account, chain: null } as never)
      .then(wait);

  const members: ScenarioMember[] = MEMBERS.map((m, i) => ({
    ...m,
    address: devnet.members[i]!.toLowerCase() as Hex,
    name: `${m.nameEn} / ${m.nameZh}`,
  }));
  for (const m of members) await write(owner, 'admitMember', [m.address, m.name, m.country, m.sector]);

  const now = Math.floor(Date.now() / 1000);
  const start = BigInt(now - 365 * 86_400);
  const end = BigInt(now + 4 * 365 * 86_400);
  await write(owner, 'setTarget', [kpiKey('patents'), 1000n, start, end]);
  await write(owner, 'setTarget', [kpiKey('members'), 100n, start, end]);

  const patents: Hex[] = [];
  for (let i = 0; i < 3; i++) {
    const m = members[i % members.length]!;
    patents.push(await write(m.address, 'filePatent', [asciiToBytes32(`CN20241000${i}.X`), `Ledger method ${i} / 账本方法 ${i}`, BigInt(now - 86_400 * (10 - i))]));
  }

  const transfers: Hex[] = [];
  for (let i = 0; i < 3; i++) {
    const from = devnet.users[i]!;
    const to = members[i]!.address;
    const hash = await wallet.sendTransaction({ account: from, to, value: parseEther(`${i + 1}.25`), chain: null });
    transfers.push(await wait(hash));
  }
  return { members, transfers, patents };
}

/**
 * The web app is built by the suite's global setup (test/global-setup.ts) or the caller.
 * `server`: more server options (labels, a node for token metadata), from the running devnet.
 */
export async function startStack(opts: { server?: (devnet: Devnet) => Partial<ServerOptions> | Promise<Partial<ServerOptions>> } = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'yuscan-e2e-'));
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
  };
  try {
    const devnet = await startDevnet({ port: await freePort(), seed: 7, history: 'none', blockTimeMs: 1000, live: false });
    cleanups.push(() => devnet.stop());
    const transport = http(devnet.rpcUrl, { retryCount: 0 });
    const chain = createPublicClient({ transport, pollingInterval: 50 }) as PublicClient;
    const wallet = createWalletClient({ transport });
    const scenario = await runScenario(devnet, chain, wallet);

    const db = connect(`sqlite:${join(dir, 'e2e.db')}`);
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    const indexer = await startIndexer({
      rpcUrl: devnet.rpcUrl,
      genesisFile: devnet.genesisFile,
      db,
      registry: devnet.registry,
      fromBlock: 0,
      confirmations: 0,
      once: false,
      pollIntervalMs: 200,
    });
    cleanups.push(() => indexer.stop());
    const extra = opts.server ? await opts.server(devnet) : {};
    const server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, webDir: WEB_DIST, pollIntervalMs: 200, ...extra });
    cleanups.push(() => server.close());

    const waitIndexed = async (n: bigint | number, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const row = await db.db.selectFrom('blocks').select((eb) => eb.fn.max('number').as('max')).executeTakeFirst();
        if (row?.max != null && BigInt(row.max as number) >= BigInt(n)) return;
        if (Date.now() > deadline) throw new Error(`block ${n} not indexed within ${timeoutMs} ms`);
        await sleep(100);
      }
    };
    await waitIndexed(await chain.getBlockNumber());

    let k = 0;
    const mineBlock = async () => {
      const hash = await wallet.sendTransaction({
        account: devnet.users[10 + (k++ % 10)]!,
        to: devnet.users[0]!,
        value: 1n,
        chain: null,
      });
      const r = await chain.waitForTransactionReceipt({ hash, pollingInterval: 50 });
      return r.blockNumber;
    };

    return { url: server.url, rpcUrl: devnet.rpcUrl, devnet, chain, wallet, scenario, db, server, indexer, mineBlock, waitIndexed, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
