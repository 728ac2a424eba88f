import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect, migrateToLatest } from '../db';
import { activeHorizon } from '../db/active-accounts';
import { TABLE_NAMES } from '../db/schema';
import { bucketStart } from '../rules/calendar';
import { freshPostgresUrl } from './helpers/postgres';

async function checkMigrations(url: string) {
  const first = connect(url);
  try {
    expect(await migrateToLatest(first)).toEqual(['0001_initial', '0003_accounts_tokens', '0004_verified_contracts', '0005_validators', '0006_contract_code', '0007_balance_history', '0008_verification_queue', '0009_token_metadata', '0010_tx_filters', '0011_compact_storage']);
    // Idempotent: a second run applies nothing and fails on nothing.
    expect(await migrateToLatest(first)).toEqual([]);
    // On PostgreSQL other suites' schemas share the database: look at ours only.
    const schema = first.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(first.db)).rows[0]!.s
      : undefined;
    const tables = (await first.db.introspection.getTables())
      .filter((t) => t.schema === schema)
      .map((t) => t.name)
      .sort();
    // The catalogue names exactly the tables the migrations create: a new table left out of
    // it would be left out of every reset, rollback, copy and checksum.
    expect(tables).toEqual([...TABLE_NAMES].sort());

    // uint256 values survive a round trip exactly: wei does not fit in 64 bits.
    const max = (2n ** 256n - 1n).toString();
    await first.db
      .insertInto('kpi_targets')
      .values({ block_number: 1, log_index: 0, tx_hash: '0xab', kpi: 'patents', target: max, period_start: 0, period_end: 1 })
      .execute();
    const row = await first.db.selectFrom('kpi_targets').select('target').executeTakeFirstOrThrow();
    expect(String(row.target)).toBe(max);
    const n = await sql<{ n: number }>`select count(*) as n from blocks`.execute(first.db);
    expect(n.rows[0]!.n).toBe(0);
  } finally {
    await first.close();
  }
}

const DAY = 86_400;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000 / DAY;

/** A database as 0009 left it, with history across a quarter's end, upgraded in place. */
async function checkUpgrade(url: string) {
  const h = connect(url);
  try {
    await migrateToLatest(h, '0009_token_metadata');
    const old = h.db as unknown as Kysely<any>;
    const address = (i: number) => `0x${String(i).padStart(40, '0')}`;
    const history = Array.from({ length: 40 }, (_, i) => ({ address: address(i % 7), block_number: 10 + Math.floor(i / 3), tx_index: i % 3, tx_hash: `0x${String(i).padStart(64, 'f')}` }));
    await old.insertInto('address_transactions').values(history).execute();
    const log = { block_number: 10, log_index: 0, tx_index: 1, address: address(1), topic0: `0x${'ab'.repeat(32)}`, topic1: null, topic2: null, topic3: null, data: '0x', event_name: null, event_args: null };
    await old.insertInto('logs').values({ ...log, tx_hash: history[1]!.tx_hash }).execute();
    // Active accounts on days from 2024-03-20 to 2024-04-20: the last days are in Q2.
    const pairs: { day: number; address: string }[] = [];
    for (let d = dayOf('2024-03-20'); d <= dayOf('2024-04-20'); d++) {
      for (let i = 0; i < 7; i++) if ((d * 3 + i * 5) % 4 === 0) pairs.push({ day: d, address: address(i) });
    }
    await old.insertInto('daily_active_accounts').values(pairs).execute();
    const days = [...new Set(pairs.map((p) => p.day))];
    await old.insertInto('daily_stats').values(days.map((day) => ({
      day, block_count: 1, tx_count: 1, gas_used: 21000, first_block_time: day * DAY, last_block_time: day * DAY,
      active_accounts: pairs.filter((p) => p.day === day).length,
    }))).execute();

    expect(await migrateToLatest(h)).toEqual(['0010_tx_filters', '0011_compact_storage']);

    const rows = await h.db.selectFrom('address_transactions').selectAll().orderBy('address').orderBy('block_number').orderBy('tx_index').execute();
    expect(rows.map((r) => ({ ...r, block_number: Number(r.block_number), tx_index: Number(r.tx_index) })))
      .toEqual(history.map(({ tx_hash: _, ...r }) => r).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.block_number - b.block_number || a.tx_index - b.tx_index)));
    const logs = await h.db.selectFrom('logs').selectAll().execute();
    expect(logs.map((r) => ({ ...r, block_number: Number(r.block_number), log_index: Number(r.log_index), tx_index: Number(r.tx_index) }))).toEqual([log]);
    const stats = await h.db.selectFrom('daily_stats').selectAll().execute();
    for (const [interval, column] of [['WEEK', 'active_week'], ['MONTH', 'active_month'], ['QUARTER', 'active_quarter']] as const) {
      const bucketOf = (day: number) => bucketStart(day * DAY, interval);
      const distinct = new Map<number, Set<string>>();
      for (const p of pairs) distinct.set(bucketOf(p.day), (distinct.get(bucketOf(p.day)) ?? new Set()).add(p.address));
      const summed = new Map<number, number>();
      for (const r of stats) summed.set(bucketOf(Number(r.day)), (summed.get(bucketOf(Number(r.day))) ?? 0) + Number(r[column]));
      expect(summed, interval).toEqual(new Map([...distinct].map(([b, set]) => [b, set.size])));
    }
    // The day rows from the horizon of the last day on stay; the older ones are counted and gone.
    const kept = await h.db.selectFrom('daily_active_accounts').select(['day', 'address']).orderBy('day').orderBy('address').execute();
    const horizon = activeHorizon(Math.max(...days));
    expect(horizon).toBe(dayOf('2024-04-01'));
    expect(kept.map((r) => ({ day: Number(r.day), address: r.address }))).toEqual(pairs.filter((p) => p.day >= horizon));
  } finally {
    await h.close();
  }
}

describe('migrations', () => {
  it('upgrade a database in place on SQLite, nothing lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-upgrade-'));
    await checkUpgrade(`sqlite:${join(dir, 'test.db')}`);
  });

  it('upgrade a database in place on PostgreSQL, nothing lost', async () => {
    await checkUpgrade(await freshPostgresUrl('upgrade'));
  });

  it('apply cleanly, twice, on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-migrate-'));
    await checkMigrations(`sqlite:${join(dir, 'test.db')}`);
  });

  it('apply cleanly, twice, on PostgreSQL', async () => {
    await checkMigrations(await freshPostgresUrl('migrate'));
  });
});
