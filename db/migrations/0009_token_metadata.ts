// Token metadata: what tokenURI(id) / uri(id) pointed at, fetched by `yuscan serve` (never by
// the indexer). Not keyed by block: metadata lives off chain and is refreshed on request, so
// a reorg has nothing to roll back here.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);
  await db.schema
    .createTable('token_metadata')
    .ifNotExists()
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uri', 'text')
    .addColumn('metadata', 'text')
    .addColumn('image_url', 'text')
    .addColumn('error', 'text')
    .addColumn('fetched_at', int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('token_metadata_pk', ['token', 'token_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('token_metadata').ifExists().execute();
}
