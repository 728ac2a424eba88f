// `npm run bench:startup`: start-up time and memory of the compiled `yuscan` (npm run build
// first, so this measures what production runs). Prints figures; asserts nothing.
//  - `yuscan --help`, and a caught-up `yuscan index --once`: median wall clock of 5 runs;
//  - peak RSS of `yuscan index --once` over the bench chain (BENCH_BLOCKS x BENCH_TX_PER_BLOCK,
//    as bench:indexer), into SQLite and into PostgreSQL;
//  - RSS of `yuscan serve` after a warm-up of steady queries.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureServerBuild } from '../cli/build-server';
import { startChain } from '../test/helpers/indexer';
import { freePort } from '../test/helpers/api';
import { freshPostgresUrl } from '../test/helpers/postgres';
import { median, memoryMb, yuscan } from './process-stats';

const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 2_000);
const TX_PER_BLOCK = Number(process.env.BENCH_TX_PER_BLOCK ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);

await ensureServerBuild();
console.log(`machine load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${process.env.BENCH_NOTE ?? 'shared machine'})`);

// Spawned, not execFileSync: the bench's devnet runs in this process and must keep answering.
const wall = async (args: string[]) => {
  const t = performance.now();
  const run = yuscan(args, { LOG_LEVEL: 'warn' });
  if ((await run.exited) !== 0) throw new Error(`yuscan ${args.join(' ')} failed`);
  return (performance.now() - t) / 1000;
};
const medianOf5 = async (f: () => Promise<number>) => {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) xs.push(await f());
  return median(xs);
};
const bare = median(Array.from({ length: 5 }, () => {
  const t = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  return (performance.now() - t) / 1000;
}));
const help = await medianOf5(() => wall(['--help']));

console.log(`building the bench chain: ${BLOCKS} blocks x ${TX_PER_BLOCK} transfers …`);
const c = await startChain();
await c.automine(false);
for (let b = 0; b < BLOCKS; b++) {
  const calls = [];
  for (let i = 0; i < TX_PER_BLOCK; i++) {
    const k = b * TX_PER_BLOCK + i;
    calls.push({ method: 'eth_sendTransaction', params: [{ from: c.users[k % c.users.length], to: c.users[(k * 7 + 3) % c.users.length], value: `0x${(k + 1).toString(16)}`, gas: '0x5208' }] });
  }
  await c.rpcBatch(calls);
  await c.rpc('evm_mine');
}
const dir = mkdtempSync(join(tmpdir(), 'yuscan-startup-'));
try {
  const sqlite = `sqlite:${join(dir, 'bench.db')}`;
  const fullIndex = async (db: string) => {
    const t = performance.now();
    const run = yuscan(['index', '--rpc', c.rpcUrl, '--db', db, '--once'], { LOG_LEVEL: 'warn' });
    if ((await run.exited) !== 0) throw new Error('yuscan index failed');
    return { seconds: (performance.now() - t) / 1000, peak: run.peakMb() };
  };
  const sq = await fullIndex(sqlite);
  const pg = await fullIndex(await freshPostgresUrl('bench_startup'));
  const caughtUp = await medianOf5(() => wall(['index', '--rpc', c.rpcUrl, '--db', sqlite, '--once']));

  const port = await freePort();
  const serve = yuscan(['serve', '--db', sqlite, '--port', String(port)], { LOG_LEVEL: 'warn', RATE_LIMIT: '0' });
  await serve.saw('yuscan API + web:');
  const afterStart = memoryMb(serve.child.pid!)!;
  const queries = [
    '{ status { indexedHead } blocks(first: 10) { edges { node { number hash txCount } } } transactions(first: 10) { edges { node { hash from to value } } } }',
    '{ kpis { id current target progress status series(interval: MONTH) { date value } } }',
    '{ chainStats(metric: TRANSACTIONS, interval: DAY) { date value } }',
  ];
  let q = 0;
  await autocannon({
    url: `http://127.0.0.1:${port}/graphql`, connections: 8, duration: WARMUP_S, method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: queries[q++ % queries.length] }) }) }],
  });
  const warm = memoryMb(serve.child.pid!)!;
  serve.child.kill('SIGTERM');
  await serve.exited;

  const mb = (x: number) => `${x.toFixed(0)} MB`;
  console.log(`\nbench:startup — compiled build (dist/server), ${BLOCKS} blocks x ${TX_PER_BLOCK} tx`);
  console.log(`  node -e 0 (the floor on this machine):      ${bare.toFixed(3)} s`);
  console.log(`  yuscan --help:                              ${help.toFixed(3)} s   (target ≤ 0.2 s)`);
  console.log(`  yuscan index --once, caught up (SQLite):    ${caughtUp.toFixed(3)} s   (target ≤ 0.5 s)`);
  console.log(`  yuscan index --once, full, SQLite:          ${sq.seconds.toFixed(1)} s, peak RSS ${mb(sq.peak)}   (target ≤ 200 MB)`);
  console.log(`  yuscan index --once, full, PostgreSQL:      ${pg.seconds.toFixed(1)} s, peak RSS ${mb(pg.peak)}`);
  console.log(`  yuscan serve: RSS ${mb(afterStart.rss)} at start, ${mb(warm.rss)} after ${WARMUP_S} s of queries (peak ${mb(warm.peak)})   (target ≤ 150 MB)`);
  console.log(`machine load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await c.stop();
  rmSync(dir, { recursive: true, force: true });
}
