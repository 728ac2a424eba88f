// Set-up shared by the verification suites: the Hardhat fixture project compiled with npm
// solc, a devnet with two ServiceLedger deployments (constructor arguments, a call and an
// event before any verification), indexed into a fresh database, and a server over it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import solc from 'solc';
import { createRequire } from 'node:module';
import { encodeDeployData, encodeFunctionData, type Abi, type Hex } from 'viem';
import { connect, migrateToLatest, type Db } from '../../db';
import { createRpcClient, type RpcClient } from '../../indexer/rpc';
import { createServer, type ServerOptions, type YuscanServer } from '../../api/server';
import { indexOnce, startChain, waitFor, type TestChain } from './indexer';

const run = promisify(execFile);
export const HARDHAT_PROJECT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hardhat-verify');
const HARDHAT_CLI = join(HARDHAT_PROJECT, '../../../node_modules/hardhat/internal/cli/cli.js');

export interface HardhatRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a Hardhat task in the fixture project; never throws on a non-zero exit. */
export async function hardhat(args: string[], env: Record<string, string>): Promise<HardhatRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [HARDHAT_CLI, ...args], {
      cwd: HARDHAT_PROJECT,
      env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NO_COLOR: '1', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
  }
}

export const LEDGER_ARGS = ['Yu service credits', 250n] as const;

export interface VerifyWorld {
  chain: TestChain;
  db: Db;
  dbUrl: string;
  rpc: RpcClient;
  server: YuscanServer;
  hardhatOut: string;
  abi: Abi;
  /** Deployed with LEDGER_ARGS and called once (record) before verification. */
  ledger: Hex;
  /** A second deployment nobody verifies in the hardhat test. */
  other: Hex;
  /** A third, for hardhat-verify's other apiKey form. */
  third: Hex;
  recordTx: Hex;
  startServer(extra?: Partial<ServerOptions>): Promise<YuscanServer>;
  /**
   * Index what the chain holds now, then wait until the server has seen it. The server
   * follows the checkpoint on a poll, and until then reads the node at its older head:
   * asked too soon, a proxy deployed since reads as none.
   */
  indexed(): Promise<void>;
  /** Run at close, after the server stops. */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function startVerifyWorld(dbUrl: string): Promise<VerifyWorld> {
  const hardhatOut = mkdtempSync(join(tmpdir(), 'yuscan-hardhat-'));
  const compiled = await hardhat(['compile', '--quiet'], { HARDHAT_OUT: hardhatOut });
  if (compiled.code !== 0) throw new Error(`hardhat compile failed: ${compiled.stderr}`);
  const artifact = JSON.parse(readFileSync(join(hardhatOut, 'artifacts/contracts/ServiceLedger.sol/ServiceLedger.json'), 'utf8')) as { abi: Abi; bytecode: Hex };
  const chain = await startChain();
  const from = chain.users[0]!;
  const deploy = async () => {
    const hash = await chain.send({ from, data: encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args: [...LEDGER_ARGS] }), gas: '0x2dc6c0' });
    return (await chain.client.waitForTransactionReceipt({ hash })).contractAddress!;
  };
  const ledger = await deploy();
  const other = await deploy();
  const third = await deploy();
  const recordTx = await chain.send({ from, to: ledger, data: encodeFunctionData({ abi: artifact.abi, functionName: 'record', args: ['first delivery', 1000n] }), gas: '0x2dc6c0' });
  await chain.client.waitForTransactionReceipt({ hash: recordTx });

  const db = connect(dbUrl);
  await migrateToLatest(db);
  await indexOnce(chain.rpcUrl, db, { genesisFile: chain.genesisFile });
  const rpc = createRpcClient(chain.rpcUrl);
  const startServer = (extra: Partial<ServerOptions> = {}) =>
    createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, pollIntervalMs: 200, rpc, ...extra });
  const closers: (() => Promise<void>)[] = [];
  const world: VerifyWorld = {
    chain, db, dbUrl, rpc, hardhatOut, abi: artifact.abi, ledger: ledger.toLowerCase() as Hex, other: other.toLowerCase() as Hex, third: third.toLowerCase() as Hex, recordTx,
    server: await startServer(),
    startServer,
    async indexed() {
      await indexOnce(chain.rpcUrl, db, { genesisFile: chain.genesisFile });
      const head = Number(await chain.rpc('eth_blockNumber'));
      await waitFor(`the server at block ${head}`, async () => {
        const res = await fetch(`${world.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ status { indexedHead } }' }) });
        const body = (await res.json()) as { data?: { status: { indexedHead: number } } };
        return (body.data?.status.indexedHead ?? -1) >= head;
      });
    },
    onClose: (fn) => closers.push(fn),
    async close() {
      await world.server.close();
      for (const fn of closers) await fn();
      await db.close();
      await rpc.close();
      await chain.stop();
    },
  };
  return world;
}

/** GET /api with query parameters; the parsed JSON and HTTP status. */
export async function api(url: string, params: Record<string, string>) {
  const res = await fetch(`${url}/api?${new URLSearchParams(params)}`);
  return { status: res.status, body: (await res.json()) as { status: string; message: string; result: any; reason?: string } };
}

/** POST /api, form-encoded, as hardhat-verify and foundry do. */
export async function apiPost(url: string, params: Record<string, string>) {
  const res = await fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
  return { status: res.status, body: (await res.json()) as { status: string; message: string; result: any; reason?: string } };
}

/** Poll checkverifystatus until it stops saying Pending in queue. */
export async function verifyStatus(url: string, guid: string) {
  for (let i = 0; i < 600; i++) {
    const r = await api(url, { module: 'contract', action: 'checkverifystatus', guid });
    if (r.body.result !== 'Pending in queue') return r.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('verification still pending after 60 s');
}

/** POST JSON to the Sourcify API v2, as forge and Hardhat 3 do. */
export async function sourcifyPost(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/sourcify/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

/** Poll a Sourcify verification job until it completes. */
export async function sourcifyJob(url: string, verificationId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${url}/sourcify/v2/verify/${verificationId}`);
    const body = (await res.json()) as any;
    if (res.status !== 200) throw new Error(`job ${verificationId}: HTTP ${res.status} ${JSON.stringify(body)}`);
    if (body.isJobCompleted) return body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('verification job still pending after 60 s');
}

export interface FixtureContract {
  abi: Abi;
  bytecode: string;
  metadata: string;
}

/** The contracts of test/fixtures/verify compiled with npm solc 0.8.28, as a build tool would. */
export function compileFixtures() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/verify');
  const sources = Object.fromEntries(['Factory.sol', 'Linked.sol'].map((f) => [`contracts/${f}`, { content: readFileSync(join(dir, f), 'utf8') }]));
  const settings = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' };
  const out = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: { ...settings, outputSelection: { '*': { '*': ['abi', 'metadata', 'evm.bytecode.object'] } } } }))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: Abi; metadata: string; evm: { bytecode: { object: string } } }>>;
  };
  const err = out.errors?.find((e) => e.severity === 'error');
  if (err) throw new Error(err.formattedMessage);
  const pick = (file: string, name: string): FixtureContract => {
    const c = out.contracts[`contracts/${file}`]![name]!;
    return { abi: c.abi, bytecode: c.evm.bytecode.object, metadata: c.metadata };
  };
  return {
    stdJsonInput: { language: 'Solidity', sources, settings },
    compilerVersion: solc.version().replace(/\.Emscripten.*$/, ''),
    factory: pick('Factory.sol', 'Factory'), child: pick('Factory.sol', 'Child'), tally: pick('Linked.sol', 'Tally'), counter: pick('Linked.sol', 'Counter'),
  };
}

// node_modules, where an import path such as @openzeppelin/contracts/proxy/Clones.sol starts.
const NODE_MODULES = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@openzeppelin/contracts/package.json'))));

/** Proxies.sol and every OpenZeppelin file it imports, compiled as a build tool would. */
export function compileProxies() {
  const sources: Record<string, { content: string }> = {
    'contracts/Proxies.sol': { content: readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/verify/Proxies.sol'), 'utf8') },
  };
  const settings = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' };
  // solc-js's typings omit the import callback its compile() takes.
  const compile = solc.compile as (input: string, callbacks: { import(path: string): { contents: string } }) => string;
  const out = JSON.parse(compile(
    JSON.stringify({ language: 'Solidity', sources, settings: { ...settings, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } }),
    {
      import: (path: string) => {
        const content = readFileSync(join(NODE_MODULES, path), 'utf8');
        sources[path] = { content };
        return { contents: content };
      },
    },
  )) as { errors?: { severity: string; formattedMessage: string }[]; contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>> };
  const err = out.errors?.find((e) => e.severity === 'error');
  if (err) throw new Error(err.formattedMessage);
  const get = (name: string) => {
    for (const file of Object.values(out.contracts)) if (file[name]) return { abi: file[name].abi, bytecode: file[name].evm.bytecode.object };
    throw new Error(`no ${name}`);
  };
  return { get, stdJson: JSON.stringify({ language: 'Solidity', sources, settings }), version: `v${solc.version().replace(/\.Emscripten.*$/, '')}` };
}
