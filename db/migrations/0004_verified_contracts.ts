// Verified contracts: the one thing `yuscan serve` writes. These tables are not
// keyed by block: a verification is a fact about source code, not about the chain, and the
// creation it was matched against is looked up again whenever it is shown.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);

  await db.schema
    .createTable('verified_contracts')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('contract_name', 'text', (c) => c.notNull())
    /** "path:Name" as submitted. */
    .addColumn('fully_qualified_name', 'text', (c) => c.notNull())
    .addColumn('compiler_version', 'text', (c) => c.notNull())
    .addColumn('match_kind', 'text', (c) => c.notNull())
    .addColumn('abi', 'text', (c) => c.notNull())
    /** The standard-JSON `settings` the match was made with (JSON). */
    .addColumn('settings', 'text', (c) => c.notNull())
    /** { path: content } of every source file (JSON). */
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('constructor_args', 'text', (c) => c.notNull())
    .addColumn('creation_tx', 'text')
    .addColumn('license', 'text')
    .addColumn('verified_at', int64, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('verification_jobs')
    .ifNotExists()
    .addColumn('guid', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('match_kind', 'text')
    .addColumn('created_at', int64, (c) => c.notNull())
    .addColumn('finished_at', int64)
    .execute();
  await db.schema.createIndex('verification_jobs_created').ifNotExists().on('verification_jobs').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('verification_jobs').ifExists().execute();
  await db.schema.dropTable('verified_contracts').ifExists().execute();
}
