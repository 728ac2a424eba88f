// The first schema. Column types are chosen per dialect only where they must differ:
// uint256-sized numbers are NUMERIC(78,0) on PostgreSQL and TEXT on SQLite (lossless both ways).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const big = isPostgres(db) ? sql`numeric(78,0)` : sql`text`;
  // SQLite's INTEGER is 64-bit already; PostgreSQL needs bigint for gas and timestamps.
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);

  await db.schema
    .createTable('blocks')
    .ifNotExists()
    .addColumn('number', int64, (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('parent_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', int64, (c) => c.notNull())
    .addColumn('miner', 'text', (c) => c.notNull())
    .addColumn('gas_used', int64, (c) => c.notNull())
    .addColumn('gas_limit', int64, (c) => c.notNull())
    .addColumn('base_fee_per_gas', big)
    .addColumn('size', int64, (c) => c.notNull())
    .addColumn('tx_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blocks_timestamp').ifNotExists().on('blocks').column('timestamp').execute();

  await db.schema
    .createTable('transactions')
    .ifNotExists()
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('tx_index', 'integer', (c) => c.notNull())
    .addColumn('timestamp', int64, (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text')
    .addColumn('value', big, (c) => c.notNull())
    .addColumn('nonce', int64, (c) => c.notNull())
    .addColumn('gas', int64, (c) => c.notNull())
    .addColumn('gas_price', big)
    .addColumn('max_fee_per_gas', big)
    .addColumn('max_priority_fee_per_gas', big)
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('gas_used', int64, (c) => c.notNull())
    .addColumn('effective_gas_price', big, (c) => c.notNull())
    .addColumn('contract_address', 'text')
    .addColumn('method_name', 'text')
    .addColumn('method_args', 'text')
    .execute();
  await db.schema
    .createIndex('transactions_block')
    .ifNotExists()
    .unique()
    .on('transactions')
    .columns(['block_number', 'tx_index'])
    .execute();

  await db.schema
    .createTable('logs')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('log_index', 'integer', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('tx_index', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('topic0', 'text')
    .addColumn('topic1', 'text')
    .addColumn('topic2', 'text')
    .addColumn('topic3', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('event_name', 'text')
    .addColumn('event_args', 'text')
    .addPrimaryKeyConstraint('logs_pk', ['block_number', 'log_index'])
    .execute();
  await db.schema.createIndex('logs_tx').ifNotExists().on('logs').column('tx_hash').execute();
  await db.schema.createIndex('logs_address').ifNotExists().on('logs').columns(['address', 'block_number']).execute();

  await db.schema
    .createTable('address_transactions')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('tx_index', 'integer', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('address_transactions_pk', ['address', 'block_number', 'tx_index'])
    .execute();
  await db.schema
    .createIndex('address_transactions_block')
    .ifNotExists()
    .on('address_transactions')
    .column('block_number')
    .execute();

  await db.schema
    .createTable('accounts')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('first_seen_block', int64, (c) => c.notNull())
    .addColumn('tx_count', int64, (c) => c.notNull())
    .addColumn('is_contract', 'integer', (c) => c.notNull())
    .addColumn('creation_tx', 'text')
    .execute();
  await db.schema.createIndex('accounts_first_seen').ifNotExists().on('accounts').column('first_seen_block').execute();

  // Registry events: one table per event family, each row keyed by (block_number, log_index).
  const eventTable = (name: string) =>
    db.schema
      .createTable(name)
      .ifNotExists()
      .addColumn('block_number', int64, (c) => c.notNull())
      .addColumn('log_index', 'integer', (c) => c.notNull())
      .addColumn('tx_hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['block_number', 'log_index']);

  await eventTable('member_events')
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('country', 'text')
    .addColumn('sector', 'text')
    .addColumn('at', int64, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_events_member').ifNotExists().on('member_events').column('member').execute();

  await eventTable('kpi_targets')
    .addColumn('kpi', 'text', (c) => c.notNull())
    .addColumn('target', big, (c) => c.notNull())
    .addColumn('period_start', int64, (c) => c.notNull())
    .addColumn('period_end', int64, (c) => c.notNull())
    .execute();

  await eventTable('patents')
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('application_no', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filed_at', int64, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patents_member').ifNotExists().on('patents').column('member').execute();
  await db.schema.createIndex('patents_filed_at').ifNotExists().on('patents').column('filed_at').execute();

  await eventTable('scenarios')
    .addColumn('scenario_id', int64, (c) => c.notNull())
    .addColumn('lead_member', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('launched_at', int64, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scenarios_id').ifNotExists().on('scenarios').column('scenario_id').execute();

  await eventTable('scenario_stages')
    .addColumn('scenario_id', int64, (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('at', int64, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scenario_stages_id').ifNotExists().on('scenario_stages').column('scenario_id').execute();

  await eventTable('output_reports')
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('amount_cny', big, (c) => c.notNull())
    .addColumn('at', int64, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('output_reports_member_period')
    .ifNotExists()
    .on('output_reports')
    .columns(['member', 'period'])
    .execute();

  await db.schema
    .createTable('daily_stats')
    .ifNotExists()
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('block_count', int64, (c) => c.notNull())
    .addColumn('tx_count', int64, (c) => c.notNull())
    .addColumn('gas_used', int64, (c) => c.notNull())
    .addColumn('first_block_time', int64, (c) => c.notNull())
    .addColumn('last_block_time', int64, (c) => c.notNull())
    .addColumn('active_accounts', int64, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('daily_active_accounts')
    .ifNotExists()
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_active_accounts_pk', ['day', 'address'])
    .execute();

  await db.schema
    .createTable('indexer_state')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('chain_id', int64, (c) => c.notNull())
    .addColumn('registry', 'text')
    .addColumn('last_block', int64, (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('chain_head', int64, (c) => c.notNull())
    .addColumn('updated_at', int64, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indexer_lock')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('heartbeat_at', int64, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'indexer_lock', 'indexer_state', 'daily_active_accounts', 'daily_stats', 'output_reports',
    'scenario_stages', 'scenarios', 'patents', 'kpi_targets', 'member_events', 'accounts',
    'address_transactions', 'logs', 'transactions', 'blocks',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
