import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import { isPostgres } from './dialect';
import type { Db } from './connect';
import * as m0001 from './migrations/0001_initial';
import * as m0003 from './migrations/0003_accounts_tokens';
import * as m0004 from './migrations/0004_verified_contracts';
import * as m0005 from './migrations/0005_validators';
import * as m0006 from './migrations/0006_contract_code';
import * as m0007 from './migrations/0007_balance_history';
import * as m0008 from './migrations/0008_verification_queue';
import * as m0009 from './migrations/0009_token_metadata';
import * as m0010 from './migrations/0010_tx_filters';
import * as m0011 from './migrations/0011_compact_storage';

// Listed explicitly rather than read from disk, so migrations work the same under tsx,
// vitest and a bundler.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0003_accounts_tokens': m0003,
  '0004_verified_contracts': m0004,
  '0005_validators': m0005,
  '0006_contract_code': m0006,
  '0007_balance_history': m0007,
  '0008_verification_queue': m0008,
  '0009_token_metadata': m0009,
  '0010_tx_filters': m0010,
  '0011_compact_storage': m0011,
};

/**
 * Apply every pending migration, or those up to and including `target` (the tests' way to
 * build a database as an older release left it). Idempotent. Returns the names applied by
 * this call.
 */
export async function migrateToLatest({ db }: Db, target?: string): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; name ours, or a database split
  // into schemas (tenants, parallel test suites) would find another schema's and skip its own.
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => migrations } });
  const run = () => (target ? migrator.migrateTo(target) : migrator.migrateToLatest());
  let { error, results }: MigrationResultSet = await run();
  // Before taking its lock, Kysely looks up its bookkeeping tables by introspecting every
  // schema's columns; on PostgreSQL that read fails when another schema drops a column at
  // that instant (another database's migration, e.g. 0011). No migration has run then (no
  // results), so trying again is safe.
  for (let attempt = 1; error && !results && isPostgres(db) && attempt < 3; attempt++) ({ error, results } = await run());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
