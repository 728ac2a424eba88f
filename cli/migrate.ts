import type { MigrateConfig } from '../config';
import { connect, migrateToLatest } from '../db';

export async function runMigrate(config: MigrateConfig): Promise<void> {
  const db = connect(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await db.close();
  }
}
