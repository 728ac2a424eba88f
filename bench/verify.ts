// `npm run bench:verify`: (1) how long source verification takes for a 20-file standard-JSON
// project, from POST verifysourcecode to "Pass - Verified", against a real devnet deployment;
// (2) how many heavy submissions one client can queue under the default limits, and /graphql
// latency while the whole verification queue is full (compilations running); (3) /api txlist
// throughput with autocannon at 64 connections over the 1,000,000-transaction bench database
// (bench/api-data.ts), the server in its own process. Prints figures; asserts nothing.
// `npm run bench:verify -- --txlist` runs (3) alone, `-- --verify` (1) and (2) alone.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import autocannon from 'autocannon';
import solc from 'solc';
import { encodeDeployData, type Abi, type Hex } from 'viem';
import { buildBenchDb } from './api-data';
import { freshDatabaseUrl } from '../test/helpers/api';
import { apiPost, verifyStatus } from '../test/helpers/verify';
import { indexOnce, startChain } from '../test/helpers/indexer';
import { connect, migrateToLatest } from '../db';
import { createRpcClient } from '../indexer/rpc';
import { createServer } from '../api/server';
import { DEFAULT_VERIFY_LIMITS } from '../config/constants';

const log = (s: string) => process.stderr.write(`${s}\n`);
const FILES = 20;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

/** A project of FILES files: 18 libraries, an interface and a contract that uses them all. */
function project(): Record<string, { content: string }> {
  const sources: Record<string, { content: string }> = {};
  const head = '// SPDX-License-Identifier: MIT\npragma solidity 0.8.28;\n';
  for (let i = 0; i < FILES - 2; i++) {
    sources[`src/lib/Step${i}.sol`] = { content: `${head}library Step${i} { function step(uint256 x) internal pure returns (uint256) { return x * ${i + 3} + ${i}; } }\n` };
  }
  sources['src/IPipeline.sol'] = { content: `${head}interface IPipeline { function run(uint256 x) external view returns (uint256); }\n` };
  const imports = Array.from({ length: FILES - 2 }, (_, i) => `import {Step${i}} from "./lib/Step${i}.sol";`).join('\n');
  const body = Array.from({ length: FILES - 2 }, (_, i) => `x = Step${i}.step(x) % 1000003;`).join(' ');
  sources['src/Pipeline.sol'] = {
    content: `${head}import {IPipeline} from "./IPipeline.sol";\n${imports}\ncontract Pipeline is IPipeline {\n  uint256 public immutable seed;\n  constructor(uint256 s) { seed = s; }\n  function run(uint256 x) external view returns (uint256) { x += seed; ${body} return x; }\n}\n`,
  };
  return sources;
}

async function verificationTime() {
  const sources = project();
  const settings = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' };
  const out = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: { ...settings, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } })));
  const c = out.contracts['src/Pipeline.sol'].Pipeline as { abi: Abi; evm: { bytecode: { object: string } } };
  const chain = await startChain();
  const hash = await chain.send({ from: chain.users[0]!, data: encodeDeployData({ abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` as Hex, args: [7n] }), gas: '0xf42400' });
  const address = (await chain.client.waitForTransactionReceipt({ hash })).contractAddress!;
  const dbUrl = await freshDatabaseUrl('sqlite', 'bench-verify');
  const db = connect(dbUrl);
  await migrateToLatest(db);
  await indexOnce(chain.rpcUrl, db);
  const rpc = createRpcClient(chain.rpcUrl);
  const server = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, rpc });
  const times: number[] = [];
  let queue: Awaited<ReturnType<typeof queueFigures>> | undefined;
  try {
    for (let run = 0; run < 2; run++) {
      await db.db.deleteFrom('verified_contracts').execute(); // verify the same deployment again
      const t0 = performance.now();
      const sub = await apiPost(server.url, {
        module: 'contract', action: 'verifysourcecode', contractaddress: address, codeformat: 'solidity-standard-json-input',
        sourceCode: JSON.stringify({ language: 'Solidity', sources, settings }), contractname: 'src/Pipeline.sol:Pipeline', compilerversion: 'v0.8.28+commit.7893614a',
      });
      const submitted = performance.now() - t0;
      const status = await verifyStatus(server.url, sub.body.result);
      const total = performance.now() - t0;
      if (status.result !== 'Pass - Verified') throw new Error(`verification failed: ${JSON.stringify(status)}`);
      times.push(total);
      log(`  verification ${run + 1}: guid after ${submitted.toFixed(0)} ms, Pass - Verified after ${total.toFixed(0)} ms`);
    }
    await db.db.deleteFrom('verified_contracts').execute(); // the heavy submissions must not be "already verified"
    queue = await queueFigures(server.url, address, sources, settings);
  } finally {
    await server.close();
    await db.close();
    await rpc.close();
    await chain.stop();
  }
  return { times, queue: queue! };
}

/** POST verifysourcecode as the client `ip` (the server trusts X-Forwarded-For from loopback). */
async function submitAs(url: string, ip: string, form: Record<string, string>) {
  const res = await fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: new URLSearchParams(form).toString() });
  return (await res.json()) as { status: string; result: string };
}

/**
 * Heavy submissions (the 20-file project, wrong constructor arguments so each compiles in full
 * and leaves the contract unverified): how many one client gets queued, then the queue filled
 * to its bound from other clients and /graphql measured while it drains.
 */
async function queueFigures(url: string, address: string, sources: Record<string, { content: string }>, settings: object) {
  const form = {
    module: 'contract', action: 'verifysourcecode', contractaddress: address, codeformat: 'solidity-standard-json-input',
    sourceCode: JSON.stringify({ language: 'Solidity', sources, settings }), contractname: 'src/Pipeline.sol:Pipeline', compilerversion: 'v0.8.28+commit.7893614a',
    constructorArguements: '00'.repeat(32),
  };
  const query = JSON.stringify({ query: '{ blocks(first: 10) { edges { node { number hash txCount } } } }' });
  const measure = () => autocannon({ url: `${url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: query, connections: 8, duration: DURATION });
  const idle = await measure();
  let accepted = 0;
  let refusal = '';
  for (let i = 0; i < 20; i++) {
    const r = await submitAs(url, '10.9.0.1', form);
    if (r.status !== '1') {
      refusal = r.result;
      break;
    }
    accepted++;
  }
  let filled = accepted;
  let busy = '';
  for (let client = 2; !busy; client++) {
    for (let i = 0; i < DEFAULT_VERIFY_LIMITS.pendingPerClient && !busy; i++) {
      const r = await submitAs(url, `10.9.0.${client}`, form);
      if (r.status === '1') filled++;
      else busy = r.result;
    }
  }
  const graphql = await measure();
  return { accepted, refusal, filled, busy, idle, graphql };
}

async function txlistThroughput() {
  mkdirSync('bench/out', { recursive: true });
  const data = await buildBenchDb('sqlite:bench/out/api-bench.db', log);
  const port = 4900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts', data.url, String(port)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  const url = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
    child.stdout.on('data', (b: Buffer) => {
      const m = /READY (\S+)/.exec(b.toString());
      if (m) ok(m[1]!);
    });
  });
  const pick = () => data.addresses[Math.floor(Math.random() * data.addresses.length)]!;
  const path = () => `/api?module=account&action=txlist&address=${pick()}&page=1&offset=25&sort=desc`;
  try {
    // A third of the sampled addresses have no transactions (their answer is "No transactions
    // found", status 0, in the run too): probe until one that has some answers.
    for (let tries = 0; ; tries++) {
      const probePath = path();
      const probe = (await (await fetch(`${url}${probePath}`)).json()) as { status: string; message: string };
      if (probe.status === '1') break;
      if (tries === 20 || probe.message !== 'No transactions found') throw new Error(`txlist probe failed: ${url}${probePath} ${JSON.stringify(probe)}`);
    }
    const run = (duration: number) => autocannon({ url, connections: 64, duration, requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }] });
    await run(3);
    return await run(DURATION);
  } finally {
    child.kill('SIGTERM');
  }
}

const TXLIST_ONLY = process.argv.includes('--txlist');
const VERIFY_ONLY = process.argv.includes('--verify');
const verified = TXLIST_ONLY ? undefined : await verificationTime();
const r = VERIFY_ONLY ? undefined : await txlistThroughput();
console.log(`\nbench:verify\n`);
if (verified) {
  const { times, queue } = verified;
  const line = (g: typeof queue.graphql) =>
    `${Math.round(g.requests.average).toLocaleString('en')} req/s, p50 ${g.latency.p50.toFixed(1)} ms, p99 ${g.latency.p99.toFixed(1)} ms, errors ${g.non2xx + g.errors + g.timeouts}`;
  console.log(`verify a ${FILES}-file standard-JSON project (solc 0.8.28 in a low-priority child process, creation + runtime match): ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (POST to Pass - Verified, 2 runs)`);
  console.log(`heavy submissions one client can queue (default limits): ${queue.accepted}; the next: "${queue.refusal}"`);
  console.log(`queue filled to ${queue.filled} jobs from several clients; the next: "${queue.busy}"`);
  console.log(`/graphql blocks(first: 10), 8 connections × ${DURATION} s, queue empty: ${line(queue.idle)}`);
  console.log(`/graphql blocks(first: 10), 8 connections × ${DURATION} s, while the full queue compiles: ${line(queue.graphql)}`);
}
if (r) console.log(
  `/api txlist (25 per page, newest first, random address) over 1,000,000 transactions, 64 connections × ${DURATION} s: ` +
    `${Math.round(r.requests.average).toLocaleString('en')} req/s, p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, errors ${r.non2xx + r.errors + r.timeouts}`,
);
