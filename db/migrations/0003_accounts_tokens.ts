// Accounts and tokens: native balance history, token transfers, token balances,
// token metadata and internal transactions. Every table the indexer appends to is keyed by
// block number (history); the "current" tables (account_balances, token_holdings, tokens)
// are derived from the history and rebuilt from it for the rows a rollback touches.
// Balances are also kept as `sort_key`, the decimal zero-padded to 78 digits, so both
// dialects rank them exactly with a plain text index.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const big = isPostgres(db) ? sql`numeric(78,0)` : sql`text`;
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);

  // Native balance after every block that touched the address (eth_getBalance at that block).
  await db.schema
    .createTable('coin_balances')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('balance', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('coin_balances_pk', ['address', 'block_number'])
    .execute();
  await db.schema.createIndex('coin_balances_block').ifNotExists().on('coin_balances').column('block_number').execute();

  // The latest coin_balances row per address.
  await db.schema
    .createTable('account_balances')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('balance', big, (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_balances_rank').ifNotExists().on('account_balances').columns(['sort_key', 'address']).execute();
  await db.schema.createIndex('account_balances_block').ifNotExists().on('account_balances').column('block_number').execute();

  // Token metadata, read by eth_call when first seen. Counters are maintained per batch and
  // recomputed from the history on rollback.
  await db.schema
    .createTable('tokens')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('symbol', 'text')
    .addColumn('decimals', 'integer')
    .addColumn('total_supply', big)
    .addColumn('holder_count', int64, (c) => c.notNull())
    .addColumn('transfer_count', int64, (c) => c.notNull())
    .addColumn('first_seen_block', int64, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tokens_rank').ifNotExists().on('tokens').columns(['holder_count', 'address']).execute();
  await db.schema.createIndex('tokens_first_seen').ifNotExists().on('tokens').column('first_seen_block').execute();

  // totalSupply() as read at the first-seen block and after every mint or burn.
  await db.schema
    .createTable('token_supplies')
    .ifNotExists()
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('total_supply', big)
    .addPrimaryKeyConstraint('token_supplies_pk', ['token', 'block_number'])
    .execute();
  await db.schema.createIndex('token_supplies_block').ifNotExists().on('token_supplies').column('block_number').execute();

  // What could not be read or did not add up, and at which block it was noticed.
  await db.schema
    .createTable('token_issues')
    .ifNotExists()
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('issue', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('token_issues_pk', ['token', 'block_number', 'issue'])
    .execute();
  await db.schema.createIndex('token_issues_block').ifNotExists().on('token_issues').column('block_number').execute();

  // One row per decoded transfer (TransferBatch: one per id, `batch_index` its position).
  // token_id is '' for ERC-20 (a key column on both dialects, so text).
  await db.schema
    .createTable('token_transfers')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('log_index', 'integer', (c) => c.notNull())
    .addColumn('batch_index', 'integer', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('tx_index', 'integer', (c) => c.notNull())
    .addColumn('timestamp', int64, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('value', big, (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('token_transfers_pk', ['block_number', 'log_index', 'batch_index'])
    .execute();
  await db.schema.createIndex('token_transfers_token').ifNotExists().on('token_transfers').columns(['token', 'block_number']).execute();
  await db.schema.createIndex('token_transfers_from').ifNotExists().on('token_transfers').columns(['from_address', 'block_number']).execute();
  await db.schema.createIndex('token_transfers_to').ifNotExists().on('token_transfers').columns(['to_address', 'block_number']).execute();
  await db.schema.createIndex('token_transfers_tx').ifNotExists().on('token_transfers').column('tx_hash').execute();

  // balanceOf(holder) (ERC-1155: balanceOf(holder, id)) after every block that touched it.
  await db.schema
    .createTable('token_balances')
    .ifNotExists()
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('balance', big)
    .addPrimaryKeyConstraint('token_balances_pk', ['token', 'holder', 'token_id', 'block_number'])
    .execute();
  await db.schema.createIndex('token_balances_block').ifNotExists().on('token_balances').column('block_number').execute();

  // The latest readable, non-zero token_balances row per (token, holder, id).
  await db.schema
    .createTable('token_holdings')
    .ifNotExists()
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('balance', big, (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('token_holdings_pk', ['token', 'holder', 'token_id'])
    .execute();
  await db.schema.createIndex('token_holdings_rank').ifNotExists().on('token_holdings').columns(['token', 'token_id', 'sort_key']).execute();
  await db.schema.createIndex('token_holdings_holder').ifNotExists().on('token_holdings').columns(['holder', 'token']).execute();
  await db.schema.createIndex('token_holdings_block').ifNotExists().on('token_holdings').column('block_number').execute();

  // callTracer frames below the top-level call; `idx` is depth-first order within the tx.
  await db.schema
    .createTable('internal_transactions')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.notNull())
    .addColumn('tx_index', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', int64, (c) => c.notNull())
    .addColumn('trace_address', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('call_type', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text')
    .addColumn('value', big, (c) => c.notNull())
    .addColumn('gas_used', int64, (c) => c.notNull())
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('internal_transactions_pk', ['block_number', 'tx_index', 'idx'])
    .execute();
  await db.schema.createIndex('internal_transactions_from').ifNotExists().on('internal_transactions').columns(['from_address', 'block_number']).execute();
  await db.schema.createIndex('internal_transactions_to').ifNotExists().on('internal_transactions').columns(['to_address', 'block_number']).execute();
  await db.schema.createIndex('internal_transactions_tx').ifNotExists().on('internal_transactions').column('tx_hash').execute();

  // Blocks whose internal transactions were traced; a block without a row was not (no tracer).
  await db.schema
    .createTable('traced_blocks')
    .ifNotExists()
    .addColumn('block_number', int64, (c) => c.primaryKey())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'traced_blocks', 'internal_transactions', 'token_holdings', 'token_balances', 'token_transfers', 'token_issues',
    'token_supplies', 'tokens', 'account_balances', 'coin_balances',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
