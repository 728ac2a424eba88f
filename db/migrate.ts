import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect';
import * as m0001 from './migrations/0001_initial';

// Listed explicitly rather than read from disk, so migrations work the same under tsx,
// vitest and a bundler.
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

/** Apply every pending migration. Idempotent. Returns the names applied by this call. */
export async function migrateToLatest({ db }: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
