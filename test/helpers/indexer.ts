// Shared machinery for the indexer suites: a devnet the test drives block by block, fresh
// databases of either dialect, table dumps and checksums, and a chain-building toolkit.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CompiledQuery } from 'kysely';
import { pino, type Logger } from 'pino';
import { createPublicClient, encodeDeployData, encodeFunctionData, http, type Hex } from 'viem';
import {
  hostileTokenAbi, hostileTokenBytecode, patentCertificateAbi, patentCertificateBytecode, serviceCreditAbi, serviceCreditBytecode,
  subsidyPoolAbi, subsidyPoolBytecode, warehouseReceiptAbi, warehouseReceiptBytecode,
} from '../../contracts/demo/artifacts';
import { allianceRegistryAbi, allianceRegistryBytecode, kpiKey, asciiToBytes32 } from '../../contracts/registry';
import { connect, type Db } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import type { Dialect } from '../../db/dialect';
import { TABLE_NAMES, TABLES, type TableName } from '../../db/schema';
import { startDevnet, type Devnet } from '../../devnet/index';
import { startIndexer, type IndexerOptions } from '../../indexer/index';
import { freshPostgresUrl } from './postgres';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every table whose rows are a function of the indexed chain: what checksums compare. */
export const DATA_TABLES = TABLE_NAMES.filter((t) => TABLES[t].checksum);
export const ALLIANCE_TABLES = TABLE_NAMES.filter((t) => TABLES[t].group === 'alliance');

export async function openDb(dialect: Dialect, label: string): Promise<Db> {
  const url =
    dialect === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'yuscan-ix-')), `${label}.db`)}` : await freshPostgresUrl(label);
  const db = connect(url);
  await migrateToLatest(db);
  return db;
}

/** Rows as plain JSON-comparable values (numeric strings and numbers normalised to strings). */
export async function dumpTable(db: Db, table: TableName): Promise<Record<string, string | null>[]> {
  const order = TABLES[table].key.map((c) => `"${c}"`).join(', ');
  const r = await db.db.executeQuery(CompiledQuery.raw(`select * from "${table}" order by ${order}`));
  return (r.rows as Record<string, unknown>[]).map((row) => {
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(row)) out[k] = v == null ? null : String(v);
    return out;
  });
}

export async function dumpAll(db: Db): Promise<Record<string, Record<string, string | null>[]>> {
  const out: Record<string, Record<string, string | null>[]> = {};
  for (const t of DATA_TABLES) out[t] = await dumpTable(db, t);
  return out;
}

export async function checksums(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of DATA_TABLES) {
    const h = createHash('sha256');
    const rows = await dumpTable(db, t);
    for (const r of rows) h.update(JSON.stringify(r) + '\n');
    out[t] = `${rows.length}:${h.digest('hex').slice(0, 16)}`;
  }
  return out;
}

export async function lastIndexed(db: Db): Promise<{ block: number; hash: string } | undefined> {
  const r = await db.db.selectFrom('indexer_state').select(['last_block', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  return r ? { block: Number(r.last_block), hash: r.last_hash } : undefined;
}

/** A pino logger whose lines land in an array, for asserting on what was logged. */
export function captureLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

export async function indexOnce(rpcUrl: string, db: Db, extra: Partial<IndexerOptions> = {}): Promise<void> {
  const { logger } = captureLogger();
  const ix = await startIndexer({ rpcUrl, db, fromBlock: 0, confirmations: 0, once: true, logger, ...extra });
  await ix.done;
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface TestChain extends Devnet {
  rpc<T = any>(method: string, params?: unknown[]): Promise<T>;
  /** Many calls in one HTTP request; throws on any error. */
  rpcBatch(calls: { method: string; params: unknown[] }[]): Promise<unknown[]>;
  client: ReturnType<typeof createPublicClient>;
  send(tx: Record<string, unknown>): Promise<Hex>;
  registryCall(from: Hex, fn: string, args: unknown[], to?: Hex): Promise<Hex>;
  mine(count?: number): Promise<void>;
  automine(on: boolean): Promise<void>;
  snapshot(): Promise<string>;
  revert(id: string): Promise<void>;
  head(): Promise<{ number: number; hash: string }>;
}

export async function startChain(): Promise<TestChain> {
  const d = await startDevnet({ port: 0, seed: 7, history: 'none', blockTimeMs: 1000, live: false });
  let id = 1;
  const post = async (body: unknown) => {
    const res = await fetch(d.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return res.json() as Promise<any>;
  };
  const rpc = async (method: string, params: unknown[] = []) => {
    const r = await post({ jsonrpc: '2.0', id: id++, method, params });
    if (r.error) throw new Error(`${method}: ${r.error.message}`);
    return r.result;
  };
  const chain: TestChain = {
    ...d,
    rpc,
    async rpcBatch(calls) {
      const out: unknown[] = [];
      for (let i = 0; i < calls.length; i += 500) {
        const part = calls.slice(i, i + 500).map((c) => ({ jsonrpc: '2.0', id: id++, ...c }));
        const r = (await post(part)) as { id: number; result?: unknown; error?: { message: string } }[];
        const byId = new Map(r.map((x) => [x.id, x]));
        for (const c of part) {
          const x = byId.get(c.id)!;
          if (x.error) throw new Error(`${c.method}: ${x.error.message}`);
          out.push(x.result);
        }
      }
      return out;
    },
    client: createPublicClient({ transport: http(d.rpcUrl, { batch: true }) }),
    send: (tx) => rpc('eth_sendTransaction', [tx]),
    registryCall: (from, fn, args, to = d.registry) =>
      rpc('eth_sendTransaction', [
        { from, to, data: encodeFunctionData({ abi: allianceRegistryAbi, functionName: fn as any, args: args as any }), gas: '0x4c4b40' },
      ]),
    mine: async (count = 1) => {
      if (count === 1) await rpc('evm_mine');
      else await rpc('anvil_mine', [`0x${count.toString(16)}`]);
    },
    automine: (on) => rpc('evm_setAutomine', [on]),
    snapshot: () => rpc('evm_snapshot'),
    revert: async (sid) => {
      if (!(await rpc('evm_revert', [sid]))) throw new Error(`evm_revert ${sid} failed`);
    },
    async head() {
      const b = await rpc('eth_getBlockByNumber', ['latest', false]);
      return { number: parseInt(b.number, 16), hash: b.hash };
    },
  };
  return chain;
}

export const bytes32 = asciiToBytes32;
export { kpiKey, allianceRegistryBytecode };

/**
 * The exactness chain: legacy and EIP-1559 transfers, a contract creation (a look-alike
 * registry deployed by a stranger), a reverted call, a self-send, every registry event,
 * a corrected output report, and look-alike events from the impostor. Returns the impostor.
 */
export async function buildRichChain(c: TestChain): Promise<{ impostor: Hex; members: Hex[] }> {
  const [m0, m1, m2, m3] = c.members as [Hex, Hex, Hex, Hex];
  const [u0, u1, u2, u3] = c.users as [Hex, Hex, Hex, Hex];
  for (const [m, name] of [[m0, 'Inspur'], [m1, 'Huawei'], [m2, 'Tencent'], [m3, 'Baidu']] as const) {
    await c.registryCall(c.owner, 'admitMember', [m, name, 'CN', 'tech']);
  }
  const start = 1586822400n; // 2020-04-14
  const end = 1744588800n;
  for (const [k, t] of [['patents', 1000n], ['scenarios', 20n], ['outputValue', 5_000_000_000n], ['members', 100n]] as const) {
    await c.registryCall(c.owner, 'setTarget', [kpiKey(k), t, start, end]);
  }
  await c.automine(false);
  const gasPrice = BigInt(await c.rpc('eth_gasPrice')) * 2n;
  await c.send({ from: u0, to: u1, value: '0x1234', gas: '0x5208', gasPrice: `0x${gasPrice.toString(16)}`, type: '0x0' });
  await c.send({ from: u1, to: u0, value: '0x99', gas: '0x5208', maxFeePerGas: '0x2540be400', maxPriorityFeePerGas: '0x1', type: '0x2' });
  await c.send({ from: u2, data: allianceRegistryBytecode, gas: '0x1e8480' });
  // Not a member: reverts, and is still mined with status 0.
  await c.registryCall(u3, 'filePatent', [bytes32('CN-REVERT-1'), 'should revert', 1600000000n]);
  await c.send({ from: u3, to: u3, value: '0x5', gas: '0x5208' });
  await c.mine();
  const impostorReceipt = await c.client.getTransactionReceipt({
    hash: (await c.rpc('eth_getBlockByNumber', ['latest', false])).transactions[2],
  });
  const impostor = impostorReceipt.contractAddress!.toLowerCase() as Hex;

  await c.registryCall(m0, 'filePatent', [bytes32('CN202010001'), 'Consensus for logistics', 1590000000n]);
  await c.registryCall(m1, 'filePatent', [bytes32('CN202010002'), 'Cross-border settlement', 1600000000n]);
  await c.registryCall(c.owner, 'launchScenario', ['Yu Express freight', 'logistics', m0]);
  await c.registryCall(c.owner, 'launchScenario', ['Chongqing customs', 'trade', m1]);
  await c.mine();
  await c.registryCall(c.owner, 'setScenarioStage', [1n, 1]);
  await c.registryCall(m0, 'reportOutput', [20202, 100_000_000n]);
  await c.registryCall(m1, 'reportOutput', [20203, 7_000n]);
  await c.mine();
  // The correction: same member, same period, a later block.
  await c.registryCall(m0, 'reportOutput', [20202, 150_000_000n]);
  await c.registryCall(c.owner, 'removeMember', [m3]);
  await c.mine();
  await c.automine(true);
  return { impostor, members: [m0, m1, m2, m3] };
}

/** The impostor registry mimics every event; none of it may reach an alliance table. */
export async function spoof(c: TestChain, impostor: Hex): Promise<void> {
  const [u2] = [c.users[2]!];
  const k = kpiKey('patents');
  await c.registryCall(u2, 'admitMember', [u2, 'Fake Co', 'XX', 'fraud'], impostor);
  await c.registryCall(u2, 'setTarget', [k, 1n, 0n, 1n], impostor);
  await c.registryCall(u2, 'filePatent', [bytes32('FAKE-1'), 'fake', 1600000000n], impostor);
  await c.registryCall(u2, 'launchScenario', ['fake', 'fake', u2], impostor);
  await c.registryCall(u2, 'setScenarioStage', [1n, 1], impostor);
  await c.registryCall(u2, 'reportOutput', [20202, 10n ** 30n], impostor);
  await c.registryCall(u2, 'removeMember', [u2], impostor);
}

/** Many simple transfers, `perBlock` per block, for bulk chains. Automine must be off. */
export async function bulkTransfers(c: TestChain, blocks: number, perBlock: number, salt = 0): Promise<void> {
  for (let b = 0; b < blocks; b++) {
    const calls = [];
    for (let i = 0; i < perBlock; i++) {
      const from = c.users[(b * perBlock + i) % c.users.length]!;
      const to = c.users[(b * perBlock + i + 1 + salt) % c.users.length]!;
      calls.push({ method: 'eth_sendTransaction', params: [{ from, to, value: `0x${(1 + salt + i).toString(16)}`, gas: '0x5208' }] });
    }
    if (calls.length) await c.rpcBatch(calls);
    await c.rpc('evm_mine');
  }
}

// --- accounts and tokens ---

export interface DemoTokens {
  credit: Hex;
  certificate: Hex;
  receipt: Hex;
  pool: Hex;
}

/** Deploy the demo ERC-20, ERC-721, ERC-1155 and subsidy pool from the owner (automine on). */
export async function deployDemoTokens(c: TestChain): Promise<DemoTokens> {
  const out: Hex[] = [];
  for (const data of [serviceCreditBytecode, patentCertificateBytecode, warehouseReceiptBytecode, subsidyPoolBytecode]) {
    const hash = await c.send({ from: c.owner, data, gas: '0x2dc6c0' });
    out.push((await c.client.getTransactionReceipt({ hash })).contractAddress!.toLowerCase() as Hex);
  }
  const [credit, certificate, receipt, pool] = out as [Hex, Hex, Hex, Hex];
  return { credit, certificate, receipt, pool };
}

/** Init code of a contract whose runtime is one PUSH1 `salt` … RETURN: returns `salt` as a word. */
export const childInit = (salt: number): Hex => {
  const b = salt.toString(16).padStart(2, '0');
  const runtime = `60${b}60005260206000f3`; // 10 bytes
  return `0x69${runtime}600052600a6016f3`; // PUSH10 runtime, MSTORE, RETURN(22, 10): 19 bytes
};

/**
 * Init code of a factory: its constructor creates childInit(salt) with CREATE and again with
 * CREATE2 (salt `salt`), and the factory's own runtime code is childInit(salt). Two internal
 * creations per deployment, with no compiler involved.
 */
export const factoryInit = (salt: number): Hex => {
  const b = salt.toString(16).padStart(2, '0');
  const child = childInit(salt).slice(2);
  // PUSH19 child, PUSH1 0, MSTORE (child at memory 13..32); CREATE(0, 13, 19); POP;
  // CREATE2(0, 13, 19, salt); POP; RETURN(13, 19).
  return `0x72${child}6000526013600d6000f05060${b}6013600d6000f5506013600df3`;
};

/** Deploy a HostileToken (see contracts/demo/HostileToken.sol) in `mode` 0 or 1 (automine on). */
export async function deployHostile(c: TestChain, mode: 0 | 1, cursed: Hex): Promise<Hex> {
  const data = encodeDeployData({ abi: hostileTokenAbi, bytecode: hostileTokenBytecode, args: [mode, cursed] });
  const hash = await c.send({ from: c.users[5], data, gas: '0x2dc6c0' });
  return (await c.client.getTransactionReceipt({ hash })).contractAddress!.toLowerCase() as Hex;
}

/** Calldata for any ABI function, untyped (the tests pick functions by name). */
export const encodeCall = (abi: readonly unknown[], functionName: string, args: unknown[]): Hex =>
  (encodeFunctionData as (p: { abi: readonly unknown[]; functionName: string; args: unknown[] }) => Hex)({ abi, functionName, args });

export const sendCall = (to: Hex, data: Hex, from: Hex, value = 0n) => ({
  method: 'eth_sendTransaction',
  params: [{ from, to, data, gas: '0x7a120', ...(value ? { value: `0x${value.toString(16)}` } : {}) }],
});

/**
 * Token activity for the next block (automine must be off; the caller mines): ERC-20 mint, transfer and burn;
 * ERC-721 mint and transfer; ERC-1155 issue, batch issue, transfer and redeem; a subsidy
 * disbursement paying two members and, failing inside, the ERC-20 contract. `salt` makes
 * branches differ; ids are unique per salt.
 */
export async function tokenBlock(c: TestChain, t: DemoTokens, salt: number): Promise<void> {
  const [m0, m1, m2] = c.members as [Hex, Hex, Hex];
  const s = BigInt(salt);
  const id = 1000n + s * 10n;
  // One at a time: within one HTTP batch the node may take different senders' calls in any order.
  const txs = [
    sendCall(t.credit, encodeCall(serviceCreditAbi, 'mint', [m0, 10_000n + s]), c.owner),
    sendCall(t.credit, encodeCall(serviceCreditAbi, 'transfer', [m1, 100n + s]), m0),
    sendCall(t.credit, encodeCall(serviceCreditAbi, 'burn', [1n]), m0),
    sendCall(t.certificate, encodeCall(patentCertificateAbi, 'mint', [m0, id]), c.owner),
    sendCall(t.certificate, encodeCall(patentCertificateAbi, 'transferFrom', [m0, m1, id]), m0),
    sendCall(t.receipt, encodeCall(warehouseReceiptAbi, 'issue', [m0, id, 50n + s]), c.owner),
    sendCall(t.receipt, encodeCall(warehouseReceiptAbi, 'issueBatch', [m1, [id + 1n, id + 2n], [5n, 7n + s]]), c.owner),
    sendCall(t.receipt, encodeCall(warehouseReceiptAbi, 'safeTransferFrom', [m0, m2, id, 20n, '0x']), m0),
    sendCall(t.receipt, encodeCall(warehouseReceiptAbi, 'redeem', [id + 1n, 2n]), m1),
    sendCall(t.pool, encodeCall(subsidyPoolAbi, 'disburse', [[m1, m2, t.credit], [3n + s, 4n, 5n]]), c.owner, 12n + s),
  ];
  for (const tx of txs) await c.rpc(tx.method, tx.params);
}

/** `yuscan index --rpc … --db … --once` in a child process; resolves `started` on its 'indexer started' line. */
export function runChild(rpc: string, db: string, genesisFile?: string): {
  child: ChildProcess;
  exited: Promise<number | null>;
  started: Promise<void>;
  stderr: () => string;
  /** Resolves when stderr first contains `text`. */
  saw: (text: string) => Promise<void>;
} {
  const markers = new Map<string, () => void>();
  const child = spawn(process.execPath, ['bin/yuscan.js', 'index', '--rpc', rpc, '--db', db, '--once', ...(genesisFile ? ['--genesis', genesisFile] : [])], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => {
    err += String(d);
    for (const [marker, fn] of markers) if (err.includes(marker)) fn();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const saw = (text: string) =>
    err.includes(text) ? Promise.resolve() : new Promise<void>((r) => markers.set(text, r));
  return { child, exited, started: saw('"indexer started"'), stderr: () => err, saw };
}
