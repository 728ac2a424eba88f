// `npm run bench:indexer`: prints figures, asserts nothing.
// First, a node none of us wrote: a bare anvil from npm with BENCH_ANVIL_BLOCKS (3,000) blocks
// of 10 transfers, indexed into SQLite against the ceiling of the same calls with no
// database (blocks, receipts, trace_block, the touched addresses' balances at the head).
// BENCH_ONLY=anvil stops there. Then the devnet's token-heavy chain: half of its
// transactions move ERC-20, ERC-721 or ERC-1155 tokens, some pay out value internally.
//  (a) RPC ceiling: fetch only, same batching and concurrency, no database;
//  (b) full index of a devnet chain into SQLite and PostgreSQL;
//  (c) the same chain from a replay server (recorded responses), so the node's cost is out.
// Each phase runs in its own process, compiled the way production is (esbuild, no tsx); its
// peak RSS is that process's high-water mark, and its CPU time is printed beside the wall
// clock. The machine is shared and a phase lasts about a second, so each runs BENCH_REPEAT
// times (default 3): the figures are the median run's, the peak RSS the largest of all runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Hex } from 'viem';
import { NODE_BUNDLE } from '../cli/build-server';
import { patentCertificateAbi, serviceCreditAbi, subsidyPoolAbi, warehouseReceiptAbi } from '../contracts/demo/artifacts';
import { deployDemoTokens, encodeCall, sendCall, startChain } from '../test/helpers/indexer';
import { freshPostgresUrl } from '../test/helpers/postgres';
import { DEV_ACCOUNTS, startAnvil } from '../test/helpers/anvil';

const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 2_000);
const TX_PER_BLOCK = Number(process.env.BENCH_TX_PER_BLOCK ?? 10);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const call = (x: { method: string; params: unknown[] }) => [x.method, x.params] as const;

interface Figures { blocks: number; txs: number; seconds: number; cpuSeconds: number; blocksPerSecond: number; txPerSecond: number; maxRssMb: number }

const PHASE = join(ROOT, 'bench/out/indexer-phase.mjs');
await build({ ...NODE_BUNDLE, entryPoints: [join(ROOT, 'bench/indexer-phase.ts')], outfile: PHASE });

async function phase(args: string[]): Promise<Figures> {
  const { stdout } = await run(process.execPath, [PHASE, ...args], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Figures;
}

/** Run a phase REPEAT times, each with fresh arguments (a fresh database), and keep the median run. */
async function measured(args: () => Promise<string[]> | string[]): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await phase(await args()));
  runs.sort((x, y) => x.seconds - y.seconds);
  return { ...runs[Math.floor(runs.length / 2)]!, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}
const fmt = (f: Figures) =>
  `${f.blocks} blocks, ${f.txs} tx in ${f.seconds.toFixed(2)} s (CPU ${f.cpuSeconds.toFixed(2)} s): ${f.blocksPerSecond.toFixed(0)} blocks/s, ${f.txPerSecond.toFixed(0)} tx/s, peak RSS ${f.maxRssMb.toFixed(0)} MB`;

const ANVIL_BLOCKS = Number(process.env.BENCH_ANVIL_BLOCKS ?? 3_000);
{
  console.log(`building an anvil chain: ${ANVIL_BLOCKS} blocks x 10 transfers …`);
  const anvil = await startAnvil();
  const dir = mkdtempSync(join(tmpdir(), 'yuscan-bench-anvil-'));
  try {
    const t0 = performance.now();
    for (let b = 0; b < ANVIL_BLOCKS; b++) {
      await anvil.batch(Array.from({ length: 10 }, (_, i) => ({
        method: 'eth_sendTransaction',
        params: [{ from: DEV_ACCOUNTS[(b + i) % 10], to: DEV_ACCOUNTS[(b + i + 3) % 10], value: `0x${(b * 10 + i + 1).toString(16)}`, gas: '0x5208' }],
      })));
      await anvil.mine();
    }
    console.log(`anvil chain ready: head ${await anvil.head()} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    let n = 0;
    const ceiling = await measured(() => ['fetch', anvil.url]);
    console.log(`(anvil) ceiling, no database:     ${fmt(ceiling)}`);
    const indexed = await measured(() => ['index', anvil.url, `sqlite:${join(dir, `anvil-${n++}.db`)}`, anvil.genesisFile]);
    console.log(`(anvil) full index into SQLite:   ${fmt(indexed)}`);
    console.log(`    index/ceiling (blocks/s): ${(indexed.blocksPerSecond / ceiling.blocksPerSecond).toFixed(2)}  (target ≥ 0.85); peak RSS ${indexed.maxRssMb.toFixed(0)} MB (target ≤ 200)\n`);
  } finally {
    await anvil.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_ONLY === 'anvil') process.exit(0);
}

console.log(`building a token-heavy devnet chain: ${BLOCKS} blocks x ${TX_PER_BLOCK} txs, half of them token transfers …`);
const c = await startChain();
const t = performance.now();
const tokens = await deployDemoTokens(c);
const users = c.users as Hex[];
// Working capital: every user holds service credits and warehouse receipts (lot 1) to pass on.
for (const u of users) {
  await c.rpc(...call(sendCall(tokens.credit, encodeCall(serviceCreditAbi, 'mint', [u, 10n ** 12n]), c.owner)));
  await c.rpc(...call(sendCall(tokens.receipt, encodeCall(warehouseReceiptAbi, 'issue', [u, 1n, 10n ** 9n]), c.owner)));
}
await c.automine(false);
const half = Math.floor(TX_PER_BLOCK / 2);
for (let b = 0; b < BLOCKS; b++) {
  const calls = [];
  for (let i = 0; i < TX_PER_BLOCK; i++) {
    const k = b * TX_PER_BLOCK + i;
    const from = users[k % users.length]!;
    const to = users[(k * 7 + 3) % users.length]!;
    if (i >= half) calls.push({ method: 'eth_sendTransaction', params: [{ from, to, value: `0x${(k + 1).toString(16)}`, gas: '0x5208' }] });
    else if (i === 0) calls.push(sendCall(tokens.certificate, encodeCall(patentCertificateAbi, 'mint', [to, BigInt(k + 1)]), c.owner));
    else if (i === 1) calls.push(sendCall(tokens.receipt, encodeCall(warehouseReceiptAbi, 'safeTransferFrom', [from, to, 1n, BigInt(1 + (k % 9)), '0x']), from));
    else if (i === 2 && b % 20 === 0) calls.push(sendCall(tokens.pool, encodeCall(subsidyPoolAbi, 'disburse', [[from, to], [1n, 2n]]), c.owner, 3n));
    else calls.push(sendCall(tokens.credit, encodeCall(serviceCreditAbi, 'transfer', [to, BigInt(1 + (k % 1000))]), from));
  }
  await c.rpcBatch(calls);
  await c.rpc('evm_mine');
}
const head = (await c.head()).number;
console.log(`chain ready: head ${head} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);

// Record every response the indexer asks for (one unmeasured run through a recording proxy),
// then serve them from memory.
const recorded = new Map<string, string>();
const key = (method: string, params: unknown) => `${method}:${JSON.stringify(params)}`;
type RpcRequest = { id: number; method: string; params: unknown[] };
const recorder = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (p: Buffer) => parts.push(p));
  req.on('end', async () => {
    const text = Buffer.concat(parts).toString();
    const answer = await (await fetch(c.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })).text();
    const asked = JSON.parse(text) as RpcRequest[] | RpcRequest;
    const got = JSON.parse(answer) as { id: number; result?: unknown }[] | { id: number; result?: unknown };
    const byId = new Map((Array.isArray(got) ? got : [got]).map((g) => [g.id, g]));
    for (const r of Array.isArray(asked) ? asked : [asked]) {
      const g = byId.get(r.id);
      if (g && 'result' in g) recorded.set(key(r.method, r.params ?? []), JSON.stringify(g.result));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  });
});
await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
const replay = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (p: Buffer) => parts.push(p));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString()) as { id: number; method: string; params: unknown[] }[] | { id: number; method: string; params: unknown[] };
    const items = Array.isArray(body) ? body : [body];
    const out = items.map((r) => {
      const v = recorded.get(key(r.method, r.params ?? []));
      return v === undefined
        ? `{"jsonrpc":"2.0","id":${r.id},"error":{"code":-32601,"message":"not recorded"}}`
        : `{"jsonrpc":"2.0","id":${r.id},"result":${v}}`;
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(Array.isArray(body) ? `[${out.join(',')}]` : out[0]);
  });
});
await new Promise<void>((r) => replay.listen(0, '127.0.0.1', r));
const replayUrl = `http://127.0.0.1:${(replay.address() as AddressInfo).port}`;

const dir = mkdtempSync(join(tmpdir(), 'yuscan-bench-'));
let dbCount = 0;
const sqliteUrl = (name: string) => `sqlite:${join(dir, `${name}-${dbCount++}.db`)}`;
try {
  await phase(['index', `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`, sqliteUrl('record')]);
  recorder.close();
  console.log(`recorded ${recorded.size} distinct RPC answers for the replay server`);
  console.log(`each figure: the median of ${REPEAT} runs (BENCH_REPEAT)`);
  const a = await measured(() => ['fetch', c.rpcUrl]);
  console.log(`(a) RPC ceiling, fetch only:      ${fmt(a)}`);
  const bSqlite = await measured(() => ['index', c.rpcUrl, sqliteUrl('b')]);
  console.log(`(b) full index into SQLite:       ${fmt(bSqlite)}`);
  const bPg = await measured(async () => ['index', c.rpcUrl, await freshPostgresUrl('bench')]);
  console.log(`(b) full index into PostgreSQL:   ${fmt(bPg)}`);
  console.log(`    b/a (blocks/s): SQLite ${(bSqlite.blocksPerSecond / a.blocksPerSecond).toFixed(2)}, PostgreSQL ${(bPg.blocksPerSecond / a.blocksPerSecond).toFixed(2)}  (target ≥ 0.85 on SQLite)`);
  const aReplay = await measured(() => ['fetch', replayUrl]);
  console.log(`    replay server, fetch only:    ${fmt(aReplay)}`);
  const cSqlite = await measured(() => ['index', replayUrl, sqliteUrl('c')]);
  console.log(`(c) replay into SQLite:           ${fmt(cSqlite)}  (target ≥ 25,000 tx/s)`);
  const cPg = await measured(async () => ['index', replayUrl, await freshPostgresUrl('bench_replay')]);
  console.log(`    replay into PostgreSQL:       ${fmt(cPg)}`);
  console.log(`peak RSS of all phases (target ≤ 200 MB): ${Math.max(a.maxRssMb, bSqlite.maxRssMb, bPg.maxRssMb, cSqlite.maxRssMb, cPg.maxRssMb).toFixed(0)} MB`);
} finally {
  replay.close();
  await c.stop();
  rmSync(dir, { recursive: true, force: true });
}
