// `npm run bench:api`: load the API with autocannon (64 connections per query) over a SQLite
// database of ≥ 1,000,000 transactions, and set beside each figure the same data read by
// raw SQL (statements prepared once, run by the engine in one thread), and the server's CPU per request. Then two floors
// under the same load (bench/api-floor-server.ts) show what this machine allows at all.
// Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { BLOCK_TIME, BLOCKS, buildBenchDb, START } from './api-data';
import { postgresCopy } from './api-postgres';
import { formatSize, postgresSize, sqliteSize } from '../db/size';
import { cpuSeconds } from './process-stats';
import { connect, type Db } from '../db';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
// BENCH_NO_CACHE=1 turns the server's per-head response cache off: every request runs its
// resolvers and SQL, the figure for a cold or fast-moving head.
const NO_CACHE = process.env.BENCH_NO_CACHE === '1';
// BENCH_DATABASE=postgres serves the same rows from PostgreSQL (TEST_DATABASE_URL's server);
// the raw SQL column still reads the SQLite copy.
const POSTGRES = process.env.BENCH_DATABASE === 'postgres';
// BENCH_WORKERS=N serves as `yuscan serve --workers N` does: N server processes on the port.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
if (!Number.isInteger(WORKERS) || WORKERS < 1) throw new Error(`BENCH_WORKERS "${process.env.BENCH_WORKERS}" is not a whole number ≥ 1`);
const log = (s: string) => process.stderr.write(`${s}\n`);
// The machine is shared: a figure means little without the load it was measured under.
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

mkdirSync('bench/out', { recursive: true });
const data = await buildBenchDb('sqlite:bench/out/api-bench.db', log);
const serverUrl = POSTGRES ? await postgresCopy(data.url, log) : data.url;
// Measured before the load: the server only reads, but the figure should not wait on it.
const size = POSTGRES ? formatSize('database size (PostgreSQL, pg_total_relation_size)', await postgresSize(serverUrl)) : formatSize('database size (SQLite file + WAL after a checkpoint)', sqliteSize(data.url));
log(size);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const YEAR = 365 * 86_400;
/** The start of a year's window inside the bench chain's time span. */
const yearWindow = () => START + Math.floor(Math.random() * (BLOCKS * BLOCK_TIME - YEAR));

interface Case {
  name: string;
  query: string;
  /** A request's variables, drawn afresh for each; absent: the query takes none, and every request is the same body. */
  variables?: () => Record<string, unknown>;
  /** The same data by raw SQL. */
  sql: (db: Db) => () => Promise<unknown>;
}

/**
 * A statement as the engine runs db/fixed-query.ts's queries: SQL text kept, prepared once per
 * connection (on SQLite), run with positional parameters.
 */
const prepare = (db: Db, text: string) => ({
  all: <R>(...params: unknown[]) => db.engine.prepared<R>(text, params),
  get: async <R>(...params: unknown[]) => (await db.engine.prepared<R>(text, params))[0],
});

const cases: Case[] = [
  {
    name: 'home (status + 10 blocks + 10 txs)',
    query: `{ status { chainId isDevnet chainHead indexedHead lag syncing latestBlockTime }
      blocks(first: 10) { edges { node { number hash timestamp txCount gasUsed miner } } }
      transactions(first: 10) { edges { node { hash from to value timestamp status fromMember { name } toMember { name } } } } }`,
    sql: (db) => {
      const s = prepare(db, 'select * from indexer_state where id = 1');
      const b = prepare(db, 'select * from blocks order by number desc limit 11');
      const t = prepare(db, 'select * from transactions order by block_number desc, tx_index desc limit 11');
      return async () => [await s.get(), await b.all(), await t.all()];
    },
  },
  {
    name: 'block by number (+ 20 txs)',
    query: `query($n: Int) { block(number: $n) { number hash parentHash timestamp miner gasUsed gasLimit txCount transactions(first: 20) { edges { node { hash from to value } } } } }`,
    variables: () => ({ n: pick(data.blockNumbers) }),
    sql: (db) => {
      const b = prepare(db, 'select * from blocks where number = ?');
      const t = prepare(db, 'select * from transactions where block_number = ? order by tx_index limit 21');
      return async () => {
        const n = pick(data.blockNumbers);
        await b.get(n);
        await t.all(n);
      };
    },
  },
  {
    name: 'transaction by hash (+ block, logs)',
    query: `query($h: String!) { transaction(hash: $h) { hash blockNumber from to value fee status input block { timestamp hash } logs { logIndex address topics data decoded { name } } } }`,
    variables: () => ({ h: pick(data.txHashes) }),
    sql: (db) => {
      const t = prepare(db, 'select * from transactions where hash = ?');
      const b = prepare(db, 'select * from blocks where number = ?');
      const l = prepare(db, 'select * from logs where block_number = ? and tx_index = ? order by log_index');
      return async () => {
        const h = pick(data.txHashes);
        const tx = (await t.get<{ block_number: number; tx_index: number }>(h))!;
        await b.get(tx.block_number);
        await l.all(tx.block_number, tx.tx_index);
      };
    },
  },
  {
    name: 'account history page (25 txs)',
    query: `query($a: String!) { account(address: $a) { address txCount isContract member { name } transactions(first: 25) { edges { cursor node { hash blockNumber timestamp from to value status } } pageInfo { hasNextPage endCursor } } } }`,
    variables: () => ({ a: pick(data.addresses) }),
    sql: (db) => {
      const a = prepare(db, 'select * from accounts where address = ?');
      const h = prepare(db, 
        'select t.* from address_transactions a join transactions t on t.block_number = a.block_number and t.tx_index = a.tx_index where a.address = ? order by a.block_number desc, a.tx_index desc limit 26',
      );
      return async () => {
        const addr = pick(data.addresses);
        await a.get(addr);
        await h.all(addr);
      };
    },
  },
  {
    // The list filters (api/data/tx-list.ts): one address's outgoing transactions in a year's window.
    name: 'filtered account history (out, 1 year, 25 txs)',
    query: `query($a: String!, $f: TransactionFilter) { account(address: $a) { transactions(filter: $f, first: 25) { edges { cursor node { hash blockNumber timestamp from to value status } } pageInfo { hasNextPage endCursor } } } }`,
    variables: () => {
      const since = yearWindow();
      return { a: pick(data.addresses), f: { direction: 'OUT', since, until: since + YEAR } };
    },
    sql: (db) => {
      const t = prepare(db, 
        `select t.* from address_transactions a join transactions t on t.block_number = a.block_number and t.tx_index = a.tx_index
         where a.address = ? and t.from_address = ? and coalesce(t.to_address, t.contract_address, '') <> ?
           and a.block_number >= (select number from blocks where timestamp >= ? order by timestamp, number limit 1)
           and a.block_number <= (select number from blocks where timestamp <= ? order by timestamp desc, number desc limit 1)
         order by a.block_number desc, a.tx_index desc limit 26`,
      );
      return async () => {
        const addr = pick(data.addresses);
        const since = yearWindow();
        await t.all(addr, addr, addr, since, since + YEAR);
      };
    },
  },
  {
    name: 'kpis with monthly series',
    query: `{ kpis { id current target progress expectedProgress status periodStart periodEnd series(interval: MONTH) { date from to value delta expected } } }`,
    sql: (db) => {
      const p = prepare(db, "select count(*) as n from patents where filed_at >= ? and filed_at < ?");
      const s = prepare(db, 'select count(*) as n from (select scenario_id, stage, row_number() over (partition by scenario_id order by block_number desc, log_index desc) as r from scenario_stages) where r = 1 and stage = 1');
      const o = prepare(db, 'select amount_cny from (select amount_cny, row_number() over (partition by member, period order by block_number desc, log_index desc) as r from output_reports) where r = 1');
      const m = prepare(db, "select count(*) as n from (select kind, row_number() over (partition by member order by block_number desc, log_index desc) as r from member_events) where r = 1 and kind = 'admitted'");
      const t = prepare(db, 'select * from kpi_targets');
      const monthly = prepare(db, "select filed_at / 2592000 as m, count(*) as n from patents group by m");
      return async () => {
        await t.all();
        await p.get(1586793600, 1744560000);
        await s.get();
        (await o.all<{ amount_cny: string }>()).reduce((sum, r) => sum + BigInt(r.amount_cny), 0n);
        await m.get();
        await monthly.all();
      };
    },
  },
  {
    name: 'chainStats (tx/day, 90 days)',
    query: `{ chainStats(metric: TRANSACTIONS, interval: DAY) { date from to value } }`,
    sql: (db) => {
      const s = prepare(db, 'select * from daily_stats where day >= ? and day <= ? order by day');
      const last = prepare(db, 'select max(day) as d from daily_stats').get<{ d: number }>().then((r) => r!.d);
      return async () => s.all((await last) - 90, await last);
    },
  },
  {
    name: 'chainStats (active accounts/week, 1 year)',
    query: `{ chainStats(metric: ACTIVE_ACCOUNTS, interval: WEEK, from: "2024-01-15") { date from to value } }`,
    sql: (db) => {
      const s = prepare(db, 'select * from daily_stats where day >= ? and day <= ? order by day');
      const last = prepare(db, 'select max(day) as d from daily_stats').get<{ d: number }>().then((r) => r!.d);
      return async () => s.all((await last) - 365, await last);
    },
  },
];

async function rawSql(c: Case, db: Db) {
  const run = c.sql(db);
  const lat: number[] = [];
  const end = Date.now() + 2000;
  while (Date.now() < end) {
    const t = process.hrtime.bigint();
    await run();
    lat.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  lat.sort((a, b) => a - b);
  const total = lat.reduce((s, x) => s + x, 0);
  return { ops: lat.length / (total / 1000), p50: lat[Math.floor(lat.length * 0.5)]!, p99: lat[Math.floor(lat.length * 0.99)]! };
}

/** A child server from bench/, ready when it prints "READY <url>". */
async function startServer(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  const url = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`${script} exited ${code}`)));
    child.stdout.on('data', (b: Buffer) => {
      const m = /READY (\S+)/.exec(b.toString());
      if (m) ok(m[1]!);
    });
  });
  return { url, child };
}
const freePort = () => 4700 + Math.floor(Math.random() * 200);

/**
 * 64 connections on /graphql for `duration` s, after a 3 s warm-up (JIT, per-head caches, the
 * page cache of the random rows), with the CPU the server's processes spent on each request.
 */
async function underLoad(url: string, pid: number, body: () => string, varies: boolean) {
  const run = (duration: number) =>
    autocannon({
      url: `${url}/graphql`,
      connections: 64,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A fixed body when nothing varies: autocannon shares the machine with the server, and
      // building a body per request takes CPU from the server (docs/performance.md).
      ...(varies ? { requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }] } : { body: body() }),
    });
  await run(3);
  const cpu = cpuSeconds(pid);
  const r = await run(DURATION);
  const micros = ((cpuSeconds(pid) - cpu) * 1e6) / r.requests.total;
  return { r, micros };
}

const rows: string[][] = [];
const apiColumns = (r: Result, micros: number) => [
  Math.round(r.requests.average).toLocaleString('en'),
  r.latency.p50.toFixed(1),
  r.latency.p99.toFixed(1),
  Math.round(micros).toLocaleString('en'),
];

const server = await startServer('bench/api-server.ts', [serverUrl, String(freePort()), String(WORKERS), ...(NO_CACHE ? ['0'] : [])]);
const db = connect(data.url, { mustExist: true });
try {
  const only = process.env.BENCH_ONLY;
  for (const c of cases.filter((x) => !only || x.name.includes(only))) {
    const request = () => JSON.stringify({ query: c.query, variables: c.variables?.() ?? {} });
    const probe = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request() });
    const body = (await probe.json()) as { errors?: unknown };
    if (probe.status !== 200 || body.errors) throw new Error(`${c.name}: ${probe.status} ${JSON.stringify(body.errors)}`);
    const { r, micros } = await underLoad(server.url, server.child.pid!, request, c.variables !== undefined);
    const raw = await rawSql(c, db);
    const bad = r.non2xx + r.errors + r.timeouts;
    rows.push([
      c.name,
      ...apiColumns(r, micros),
      Math.round(raw.ops).toLocaleString('en'),
      raw.p50.toFixed(3),
      raw.p99.toFixed(3),
      `${((r.requests.average / raw.ops) * 100).toFixed(1)}%`,
      bad ? String(bad) : '0',
    ]);
    log(`  ${c.name}: ${rows.at(-1)!.slice(1).join(' | ')}   (load average ${load()})`);
  }
} finally {
  server.child.kill('SIGTERM');
  await db.close();
}

// The floors: the same load on servers that do less (bench/api-floor-server.ts).
const FIXED_MICROS = 300;
const floors = [
  { name: 'floor: Apollo + Express, { __typename }', args: ['apollo', String(freePort())] },
  { name: `floor: node:http, ${FIXED_MICROS} µs CPU a request`, args: ['fixed', String(freePort()), String(FIXED_MICROS)] },
];
if (process.env.BENCH_FLOOR !== '0') {
  for (const f of floors) {
    const floor = await startServer('bench/api-floor-server.ts', f.args);
    try {
      const { r, micros } = await underLoad(floor.url, floor.child.pid!, () => JSON.stringify({ query: '{ __typename }' }), false);
      rows.push([f.name, ...apiColumns(r, micros), '', '', '', '', String(r.non2xx + r.errors + r.timeouts)]);
      log(`  ${f.name}: ${rows.at(-1)!.slice(1, 5).join(' | ')}   (load average ${load()})`);
    } finally {
      floor.child.kill('SIGTERM');
    }
  }
}

const head = ['query', 'API req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'raw SQL ops/s', 'SQL p50 ms', 'SQL p99 ms', 'API/SQL req/s', 'errors'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nbench:api — ${POSTGRES ? 'PostgreSQL' : data.url}, 1,000,000 transactions, autocannon 64 connections × ${DURATION} s per query, server in ${WORKERS === 1 ? 'its own process' : `${WORKERS} worker processes`}${NO_CACHE ? ", response cache OFF" : ", per-head response cache on"}\n`);
console.log(`machine load average at end: ${load()}\n`);
console.log(`${size}\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log('\nraw SQL: the same rows read with SQLite statements prepared once, run by the engine in one thread (no HTTP, no GraphQL).');
console.log(`server CPU: of the server's processes (Linux /proc)${POSTGRES ? "; PostgreSQL's own processes are not counted" : ''}.`);
console.log('floors: the same load on servers doing less than any GraphQL answer can (BENCH_FLOOR=0 skips them).');
console.log('targets: home p99 ≤ 50 ms and ≥ 1,500 req/s; kpis p99 ≤ 50 ms.');
