// Verification jobs that survive a restart and can be limited per client: each job keeps the
// request it was given (so a restarted server resumes it), the client that sent it, and when
// it started; a verified contract records its creation and runtime matches apart, as the
// Sourcify API reports them.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);
  await db.schema.alterTable('verification_jobs').addColumn('client', 'text').execute();
  await db.schema.alterTable('verification_jobs').addColumn('request', 'text').execute();
  await db.schema.alterTable('verification_jobs').addColumn('started_at', int64).execute();
  await db.schema.alterTable('verification_jobs').addColumn('compile_ms', int64).execute();
  await db.schema.createIndex('verification_jobs_state').ifNotExists().on('verification_jobs').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('verification_jobs_client').ifNotExists().on('verification_jobs').columns(['client', 'created_at']).execute();
  await db.schema.alterTable('verified_contracts').addColumn('creation_match', 'text').execute();
  await db.schema.alterTable('verified_contracts').addColumn('runtime_match', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('verification_jobs_client').ifExists().execute();
  await db.schema.dropIndex('verification_jobs_state').ifExists().execute();
  for (const c of ['client', 'request', 'started_at', 'compile_ms']) await db.schema.alterTable('verification_jobs').dropColumn(c).execute();
  for (const c of ['creation_match', 'runtime_match']) await db.schema.alterTable('verified_contracts').dropColumn(c).execute();
}
