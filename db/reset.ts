// Emptying a database for another chain (`yuscan start` when the devnet's chain changed).
import type { Kysely } from 'kysely';
import { TABLE_NAMES, type Database } from './schema';

/**
 * Delete every row of every table, in one transaction: the database then holds no chain at
 * all, and keeps its schema and migration history. Both dialects take this path, so the
 * catalogue decides what is emptied, and what is tested is what runs.
 */
export async function resetDatabase(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of TABLE_NAMES) await trx.deleteFrom(t).execute();
  });
}
