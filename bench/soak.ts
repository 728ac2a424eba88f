// `npm run bench:soak`: one `yuscan index` following a devnet that mines every 500 ms, and
// `yuscan serve` under a steady query load, for SOAK_MINUTES (default 30). Samples the RSS
// of both every SOAK_SAMPLE_SECONDS and prints the curve and the growth after warm-up (the
// first fifth of the run). Compiled build; SQLite unless SOAK_DATABASE_URL says otherwise.
// Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureServerBuild } from '../cli/build-server';
import { freePort } from '../test/helpers/api';
import { memoryMb, yuscan } from './process-stats';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_SECONDS ?? Math.max(5, Math.round((MINUTES * 60) / 30)));
const RATE = Number(process.env.SOAK_REQUESTS_PER_SECOND ?? 50);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await ensureServerBuild();
const dir = mkdtempSync(join(tmpdir(), 'yuscan-soak-'));
const dbUrl = process.env.SOAK_DATABASE_URL ?? `sqlite:${join(dir, 'soak.db')}`;
const devnetPort = await freePort();
const apiPort = await freePort();
const devnet = yuscan(['devnet', '--port', String(devnetPort), '--history', 'none', '--block-time-ms', '500']);
const procs = [devnet];
try {
  await devnet.saw('Registry:');
  const rpc = `http://127.0.0.1:${devnetPort}`;
  const migrate = yuscan(['migrate', '--db', dbUrl]);
  await migrate.exited;
  const indexer = yuscan(['index', '--rpc', rpc, '--db', dbUrl], { LOG_LEVEL: 'warn' });
  const serve = yuscan(['serve', '--db', dbUrl, '--port', String(apiPort)], { LOG_LEVEL: 'warn', RATE_LIMIT: '0' });
  procs.push(indexer, serve);
  await serve.saw('yuscan API + web:');
  console.log(`bench:soak — ${MINUTES} min, a sample every ${SAMPLE_S} s, ${RATE} req/s on the API, devnet mining every 500 ms, ${dbUrl.startsWith('sqlite') ? 'SQLite' : 'PostgreSQL'}`);
  console.log(`machine load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const queries = [
    '{ status { indexedHead lag } blocks(first: 10) { edges { node { number hash txCount } } } transactions(first: 10) { edges { node { hash from to value } } } }',
    '{ kpis { id current target progress status series(interval: MONTH) { date value } } }',
    '{ chainStats(metric: TRANSACTIONS, interval: DAY) { date value } }',
  ];
  let q = 0;
  const load = autocannon({
    url: `http://127.0.0.1:${apiPort}/graphql`, connections: 4, overallRate: RATE, duration: MINUTES * 60, method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: queries[q++ % queries.length] }) }) }],
  });
  const samples: { t: number; indexer: number; serve: number; head: number }[] = [];
  const start = Date.now();
  console.log('\n  min   indexer RSS   serve RSS   indexed head');
  while (Date.now() - start < MINUTES * 60_000) {
    await sleep(SAMPLE_S * 1000);
    const status = (await fetch(`http://127.0.0.1:${apiPort}/healthz`).then((r) => r.json()).catch(() => ({}))) as { indexedHead?: number };
    const s = { t: (Date.now() - start) / 60_000, indexer: memoryMb(indexer.child.pid!)?.rss ?? NaN, serve: memoryMb(serve.child.pid!)?.rss ?? NaN, head: status.indexedHead ?? NaN };
    samples.push(s);
    console.log(`${s.t.toFixed(1).padStart(5)}   ${s.indexer.toFixed(0).padStart(8)} MB   ${s.serve.toFixed(0).padStart(6)} MB   ${String(s.head).padStart(8)}`);
  }
  const result = await load;
  const warm = samples.filter((s) => s.t >= MINUTES / 5);
  const growth = (k: 'indexer' | 'serve') => {
    const first = warm[0]![k];
    const last = warm.at(-1)![k];
    const max = Math.max(...warm.map((s) => s[k]));
    // Under a garbage collector RSS is a sawtooth, so two single samples compare its phases as
    // much as its level: the envelope sets the highest sample of the first quarter after
    // warm-up against the highest of the last quarter.
    const quarter = Math.max(1, Math.round(warm.length / 4));
    const peakOf = (xs: typeof warm) => Math.max(...xs.map((s) => s[k]));
    const early = peakOf(warm.slice(0, quarter));
    const late = peakOf(warm.slice(-quarter));
    const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
    return `${first.toFixed(0)} -> ${last.toFixed(0)} MB (${pct(first, last)}, max ${max.toFixed(0)} MB); envelope ${early.toFixed(0)} -> ${late.toFixed(0)} MB (${pct(early, late)})`;
  };
  if (warm.length) {
    console.log(`\nafter warm-up (from minute ${(MINUTES / 5).toFixed(1)}), target ≤ 10% growth:`);
    console.log(`  indexer: ${growth('indexer')}`);
    console.log(`  serve:   ${growth('serve')}`);
  }
  console.log(`  API: ${result.requests.total} requests, ${result.non2xx + result.errors + result.timeouts} failed, p99 ${result.latency.p99} ms`);
  console.log(`machine load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  for (const p of procs.reverse()) {
    p.child.kill('SIGTERM');
    await p.exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
