// Sealers and the nodes behind them: who sealed each block, which member runs
// which node (from the registry's NodeRegistered/NodeDeregistered), and what the consensus
// says about its validator set. Every table is keyed by block number for reorg rollback,
// except the single consensus row.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);

  // Beside blocks rather than a column on it: the sealer is derived (per consensus), and
  // this keeps its timestamp at hand for the per-sealer 24 h / 7 d counts.
  await db.schema
    .createTable('block_sealers')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.primaryKey())
    .addColumn('timestamp', int64, (c) => c.notNull())
    .addColumn('sealer', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('block_sealers_sealer').ifNotExists().on('block_sealers').columns(['sealer', 'block_number']).execute();
  await db.schema.createIndex('block_sealers_timestamp').ifNotExists().on('block_sealers').column('timestamp').execute();

  await db.schema
    .createTable('node_events')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('log_index', 'integer', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('at', int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('node_events_pk', ['block_number', 'log_index'])
    .execute();
  await db.schema.createIndex('node_events_node').ifNotExists().on('node_events').columns(['node', 'block_number']).execute();
  await db.schema.createIndex('node_events_member').ifNotExists().on('node_events').column('member').execute();

  // The validator set as the headers state it, one row where it changes.
  await db.schema
    .createTable('validator_sets')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.primaryKey())
    .addColumn('validators', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('validator_votes')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.primaryKey())
    .addColumn('proposer', 'text', (c) => c.notNull())
    .addColumn('candidate', 'text', (c) => c.notNull())
    .addColumn('add', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consensus')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('detected_at_block', int64, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['consensus', 'validator_votes', 'validator_sets', 'node_events', 'block_sealers']) await db.schema.dropTable(t).ifExists().execute();
}
