// Synthetic chain for `npm run bench:api`: ≥ 1,000,000 transactions written straight to SQL
// (the indexer's schema, its conventions), plus a realistic registry (120 members, ~1,100
// patents, quarterly reports with corrections, 25 scenarios, the phase-1 targets).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db';
import type { Insert } from '../db/engine';
import { saveCheckpoint } from '../db/indexer-state';
import { resetDatabase } from '../db/reset';
import { asciiToBytes32 } from '../contracts/registry';
import { COLUMNS } from '../indexer/writer';
import { activeHorizon, countActive, type ActivePair } from '../db/active-accounts';

export const BLOCKS = 50_000;
export const TX_PER_BLOCK = 20;
export const ADDRESSES = 10_000;
export const START = Date.parse('2020-04-14T02:00:00Z') / 1000;
export const BLOCK_TIME = 3_000; // 50,000 blocks ≈ 4.75 years
const PHASE1 = { start: Date.parse('2020-04-14T00:00:00+08:00') / 1000, end: Date.parse('2025-04-14T00:00:00+08:00') / 1000 };

let rnd = 1;
const rand = () => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const hex = (bytes: Buffer, i: number, n: number) => `0x${bytes.subarray(i * n, i * n + n).toString('hex')}`;

export interface BenchData {
  url: string;
  blockNumbers: number[];
  txHashes: string[];
  addresses: string[];
}

/** Rows for one table, given as values in its column order (COLUMNS), written by the engine's bulk insert. */
function rowsOf(table: keyof typeof COLUMNS, suffix = '') {
  const columns = COLUMNS[table];
  let rows: Record<string, unknown>[] = [];
  return {
    add: (...values: unknown[]) => void rows.push(Object.fromEntries(columns.map((c, i) => [c, values[i]]))),
    async flush(insert: Insert) {
      if (rows.length) await insert(table, columns, rows, suffix);
      rows = [];
    },
  };
}

export async function buildBenchDb(url: string, log: (s: string) => void): Promise<BenchData> {
  const db = connect(url);
  await migrateToLatest(db);
  // A synthetic database, rebuilt when lost: no need to wait for the disk.
  await sql`pragma synchronous = off`.execute(db.db);
  const have = Number((await db.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const addresses = Array.from({ length: ADDRESSES }, (_, i) => `0x${(BigInt(i + 1) * 0x9e3779b97f4a7c15n).toString(16).padStart(40, '0').slice(-40)}`);
  const sample = async () => {
    const blockNumbers = Array.from({ length: 2000 }, () => 1 + Math.floor(rand() * (BLOCKS - 1)));
    const txHashes = (await sql<{ hash: string }>`select hash from transactions where rowid % 997 = 0 limit 2000`.execute(db.db)).rows.map((r) => r.hash);
    return { url, blockNumbers, txHashes, addresses: addresses.slice(0, 2000) };
  };
  if (have >= BLOCKS * TX_PER_BLOCK) {
    log(`bench db: reusing ${url} (${have.toLocaleString('en')} transactions)`);
    const s = await sample();
    await db.close();
    return s;
  }
  log(`bench db: writing ${(BLOCKS * TX_PER_BLOCK).toLocaleString('en')} transactions to ${url} …`);
  const t0 = Date.now();
  await resetDatabase(db.db);
  const blocks = rowsOf('blocks');
  const txs = rowsOf('transactions');
  const logs = rowsOf('logs');
  const addressTxs = rowsOf('address_transactions');
  const daily = new Map<number, { blocks: number; txs: number; gas: number; first: number; last: number; active: Set<string> }>();
  const counts = new Map<string, { first: number; n: number }>();
  let parent = `0x${'0'.repeat(64)}`;
  const chunk = 1000;
  for (let b0 = 0; b0 < BLOCKS; b0 += chunk) {
    {
      const hashes = randomBytes(32 * chunk * (TX_PER_BLOCK + 1));
      let h = 0;
      for (let number = b0; number < Math.min(BLOCKS, b0 + chunk); number++) {
        const ts = START + number * BLOCK_TIME;
        const day = Math.floor(ts / 86400);
        const hash = hex(hashes, h++, 32);
        const gasUsed = TX_PER_BLOCK * 21_000;
        blocks.add(number, hash, parent, ts, addresses[0], gasUsed, 30_000_000, '1000000000', 1200, TX_PER_BLOCK);
        parent = hash;
        let d = daily.get(day);
        if (!d) daily.set(day, (d = { blocks: 0, txs: 0, gas: 0, first: ts, last: ts, active: new Set() }));
        d.blocks++;
        d.txs += TX_PER_BLOCK;
        d.gas += gasUsed;
        d.last = ts;
        for (let i = 0; i < TX_PER_BLOCK; i++) {
          const tx = hex(hashes, h++, 32);
          const from = addresses[Math.floor(rand() * ADDRESSES)]!;
          const to = addresses[Math.floor(rand() * ADDRESSES)]!;
          txs.add(tx, number, i, ts, from, to, '1000000000000000', number, 21000, null, '2000000000', '1000000000', 2, '0x', 1, 21000, '1500000000', null, null, null);
          if (i % 4 === 0) logs.add(number, i, i, to, `0x${'dd'.repeat(32)}`, `0x${from.slice(2).padStart(64, '0')}`, null, null, `0x${'00'.repeat(31)}01`, null, null);
          addressTxs.add(from, number, i);
          if (to !== from) addressTxs.add(to, number, i);
          for (const a of [from, to]) {
            const c = counts.get(a);
            if (c) c.n++;
            else counts.set(a, { first: number, n: 1 });
            d.active.add(a);
          }
        }
      }
    }
    await db.db.transaction().execute(async (trx) => {
      const insert = db.engine.inserter(trx);
      for (const t of [blocks, txs, logs, addressTxs]) await t.flush(insert);
    });
    if ((b0 / chunk) % 10 === 9) log(`  ${((b0 + chunk) * TX_PER_BLOCK).toLocaleString('en')} transactions (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  await db.db.transaction().execute(async (trx) => {
    // As the indexer keeps them (db/active-accounts.ts): counts per day, and the day rows
    // only from the oldest calendar bucket still open at the head.
    const pairs: ActivePair[] = [...daily].flatMap(([day, d]) => [...d.active].map((address) => ({ day, address })));
    const counted = countActive(pairs, pairs);
    const insDay = rowsOf('daily_stats');
    for (const [day, d] of daily) {
      const c = counted.get(day)!;
      insDay.add(day, d.blocks, d.txs, d.gas, d.first, d.last, c.active_accounts, c.active_week, c.active_month, c.active_quarter);
    }
    const horizon = activeHorizon(Math.max(...daily.keys()));
    const insActive = rowsOf('daily_active_accounts');
    for (const p of pairs) if (p.day >= horizon) insActive.add(p.day, p.address);
    const insAcct = rowsOf('accounts');
    for (const [a, c] of counts) insAcct.add(a, c.first, c.n, 0, null);

    // The registry.
    const at = (i: number) => START + Math.floor((i / 6000) * (BLOCKS * BLOCK_TIME));
    let li = 10_000;
    const key = (n: number) => [Math.min(BLOCKS - 1, Math.floor((at(n) - START) / BLOCK_TIME)), li++, `0x${randomBytes(32).toString('hex')}`] as const;
    const insMember = rowsOf('member_events');
    const sectors = ['finance', 'logistics', 'government', 'healthcare', 'manufacturing', 'energy'];
    const members = addresses.slice(0, 120);
    members.forEach((m, i) => insMember.add(...key(i * 10), m, 'admitted', `Enterprise ${i} / 企业${i}`, i % 5 === 0 ? 'SG' : 'CN', sectors[i % 6], at(i * 10)));
    for (let i = 0; i < 6; i++) insMember.add(...key(3000 + i), members[i * 7], 'removed', null, null, null, at(3000 + i));
    const insTarget = rowsOf('kpi_targets');
    for (const [k, t] of [['patents', '1000'], ['scenarios', '20'], ['outputValue', '5000000000'], ['members', '100']] as const) {
      insTarget.add(...key(0), k, t, PHASE1.start, PHASE1.end);
    }
    const insPatent = rowsOf('patents');
    for (let i = 0; i < 1100; i++) {
      const n = Math.floor((i / 1100) * 5800);
      insPatent.add(...key(n), members[i % 120], asciiToBytes32(`CN2020${String(i).padStart(6, '0')}`), `Patent ${i}`, at(n) - 86400 * 3);
    }
    const insScenario = rowsOf('scenarios');
    const insStage = rowsOf('scenario_stages');
    for (let s = 0; s < 25; s++) {
      insScenario.add(...key(s * 200), s + 1, members[s], `Scenario ${s} / 场景${s}`, sectors[s % 6], at(s * 200));
      if (s < 22) insStage.add(...key(s * 200 + 300), s + 1, 1, at(s * 200 + 300));
      if (s % 7 === 0) insStage.add(...key(s * 200 + 900), s + 1, 2, at(s * 200 + 900));
    }
    const insReport = rowsOf('output_reports');
    for (let q = 0; q < 20; q++) {
      const year = 2020 + Math.floor((q + 1) / 4);
      const period = year * 10 + ((q + 1) % 4) + 1;
      for (let m = 0; m < 60; m++) {
        const n = Math.min(5999, Math.floor(((q + 1) / 20) * 5800) + m);
        insReport.add(...key(n), members[m], period, String(1_000_000 + m * 10_000 + q * 5_000), at(n));
        if (m % 10 === 0) insReport.add(...key(n + 5), members[m], period, String(1_100_000 + m * 10_000), at(n + 5));
      }
    }
    const insert = db.engine.inserter(trx);
    for (const t of [insDay, insActive, insAcct, insMember, insTarget, insPatent, insScenario, insStage, insReport]) await t.flush(insert);
    await saveCheckpoint(trx, { chainId: 20200414, registry: addresses[9999]!, lastBlock: BLOCKS - 1, lastHash: parent, chainHead: BLOCKS - 1 });
  });
  await sql`analyze`.execute(db.db);
  log(`bench db: done in ${Math.round((Date.now() - t0) / 1000)} s`);
  const s = await sample();
  await db.close();
  return s;
}
