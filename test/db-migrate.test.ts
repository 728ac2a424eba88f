import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect, migrateToLatest } from '../db';
import { TABLE_NAMES } from '../db/schema';
import { freshPostgresUrl } from './helpers/postgres';

async function checkMigrations(url: string) {
  const first = connect(url);
  try {
    expect(await migrateToLatest(first)).toEqual(['0001_initial', '0003_accounts_tokens', '0004_verified_contracts', '0005_validators', '0006_contract_code', '0007_balance_history', '0008_verification_queue', '0009_token_metadata', '0010_tx_filters']);
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

describe('migrations', () => {
  it('apply cleanly, twice, on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuscan-migrate-'));
    await checkMigrations(`sqlite:${join(dir, 'test.db')}`);
  });

  it('apply cleanly, twice, on PostgreSQL', async () => {
    await checkMigrations(await freshPostgresUrl('migrate'));
  });
});
