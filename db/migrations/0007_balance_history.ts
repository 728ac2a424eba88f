// How much of the balance history can be trusted, now that balances are sums of deltas
// rather than per-block reads of state the node may have pruned: the tracer in use, and the
// block from which every delta source was seen and the head agreed (null: not yet).
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);
  await db.schema.alterTable('indexer_state').addColumn('trace_method', 'text').execute();
  await db.schema.alterTable('indexer_state').addColumn('balances_exact_from', int64).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indexer_state').dropColumn('balances_exact_from').execute();
  await db.schema.alterTable('indexer_state').dropColumn('trace_method').execute();
}
