// Every write the indexer makes. A batch of blocks and its checkpoint go in one
// transaction, and so does a reorg rollback: a crash at any instant leaves the database at
// a batch boundary. Inserts bypass Kysely's query builder (the engine's bulk insert,
// db/engine.ts), because building an AST for thousands of rows costs more than the insert itself.
import { sql } from 'kysely';
import type { Db, Q } from '../db/engine';
import { blockKeyedTables, type Database } from '../db/schema';
import { saveCheckpoint, type Checkpoint } from '../db/indexer-state';
import { rollbackAccountTokens, writeAccountTokens, type AccountWriteOptions } from './account-writer';
import type { BatchRows } from './rows';
import { SECONDS_PER_DAY } from './rows';

export const COLUMNS = {
  blocks: ['number', 'hash', 'parent_hash', 'timestamp', 'miner', 'gas_used', 'gas_limit', 'base_fee_per_gas', 'size', 'tx_count'],
  transactions: [
    'hash', 'block_number', 'tx_index', 'timestamp', 'from_address', 'to_address', 'value', 'nonce', 'gas', 'gas_price',
    'max_fee_per_gas', 'max_priority_fee_per_gas', 'type', 'input', 'status', 'gas_used', 'effective_gas_price',
    'contract_address', 'method_name', 'method_args',
  ],
  logs: ['block_number', 'log_index', 'tx_hash', 'tx_index', 'address', 'topic0', 'topic1', 'topic2', 'topic3', 'data', 'event_name', 'event_args'],
  address_transactions: ['address', 'block_number', 'tx_index', 'tx_hash'],
  accounts: ['address', 'first_seen_block', 'tx_count', 'is_contract', 'creation_tx'],
  member_events: ['block_number', 'log_index', 'tx_hash', 'member', 'kind', 'name', 'country', 'sector', 'at'],
  kpi_targets: ['block_number', 'log_index', 'tx_hash', 'kpi', 'target', 'period_start', 'period_end'],
  patents: ['block_number', 'log_index', 'tx_hash', 'member', 'application_no', 'title', 'filed_at'],
  scenarios: ['block_number', 'log_index', 'tx_hash', 'scenario_id', 'lead_member', 'name', 'sector', 'launched_at'],
  scenario_stages: ['block_number', 'log_index', 'tx_hash', 'scenario_id', 'stage', 'at'],
  output_reports: ['block_number', 'log_index', 'tx_hash', 'member', 'period', 'amount_cny', 'at'],
  daily_stats: ['day', 'block_count', 'tx_count', 'gas_used', 'first_block_time', 'last_block_time', 'active_accounts'],
  daily_active_accounts: ['day', 'address'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

/** Tables whose rows hang off a block number; a rollback deletes above the ancestor in each (accounts-and-tokens' in its own pass). */
const BLOCK_KEYED_TABLES = blockKeyedTables((group) => group !== 'accounts');

/** Write one batch's rows and its checkpoint. Call inside a transaction on `db`. */
export async function writeBatch(trx: Q, { engine }: Pick<Db, 'engine'>, rows: BatchRows, cp: Checkpoint, opts: AccountWriteOptions): Promise<void> {
  const insert = engine.inserter(trx);
  const plain: [keyof typeof COLUMNS, Record<string, unknown>[]][] = [
    ['blocks', rows.blocks],
    ['transactions', rows.transactions],
    ['logs', rows.logs],
    ['address_transactions', rows.addressTransactions],
    ['member_events', rows.memberEvents],
    ['kpi_targets', rows.kpiTargets],
    ['patents', rows.patents],
    ['scenarios', rows.scenarios],
    ['scenario_stages', rows.scenarioStages],
    ['output_reports', rows.outputReports],
  ];
  for (const [table, data] of plain) if (data.length) await insert(table, COLUMNS[table], data);

  if (rows.accounts.length) {
    // Rows are pre-aggregated per address: PostgreSQL refuses to touch one row twice in a statement.
    await insert(
      'accounts',
      COLUMNS.accounts,
      rows.accounts,
      ` on conflict ("address") do update set "tx_count" = "accounts"."tx_count" + excluded."tx_count",` +
        ` "is_contract" = ${engine.greatest}("accounts"."is_contract", excluded."is_contract"),` +
        ` "creation_tx" = coalesce(excluded."creation_tx", "accounts"."creation_tx")`,
    );
  }

  if (rows.days.length) {
    const newActive = new Map<number, number>();
    if (rows.activeAccounts.length) {
      const suffix = ' on conflict do nothing returning "day"';
      const inserted = (await insert('daily_active_accounts', COLUMNS.daily_active_accounts, rows.activeAccounts, suffix)) as { day: number }[];
      for (const r of inserted) newActive.set(Number(r.day), (newActive.get(Number(r.day)) ?? 0) + 1);
    }
    const days = rows.days.map((d) => ({ ...d, active_accounts: newActive.get(d.day) ?? 0 }));
    await insert(
      'daily_stats',
      COLUMNS.daily_stats,
      days,
      ` on conflict ("day") do update set "block_count" = "daily_stats"."block_count" + excluded."block_count",` +
        ` "tx_count" = "daily_stats"."tx_count" + excluded."tx_count",` +
        ` "gas_used" = "daily_stats"."gas_used" + excluded."gas_used",` +
        ` "first_block_time" = ${engine.least}("daily_stats"."first_block_time", excluded."first_block_time"),` +
        ` "last_block_time" = ${engine.greatest}("daily_stats"."last_block_time", excluded."last_block_time"),` +
        ` "active_accounts" = "daily_stats"."active_accounts" + excluded."active_accounts"`,
    );
  }
  await writeAccountTokens(trx, engine, rows.accountsTokens, opts);
  await saveCheckpoint(trx, cp);
}

/**
 * Undo every block above `ancestor`: chain data, alliance data, account counters and the
 * aggregates of every day those blocks touched (recomputed from what remains, so the
 * result equals a fresh index). Call inside a transaction.
 */
export async function rollbackTo(trx: Q, ancestor: number): Promise<void> {
  const first = await sql<{ t: number | string | null }>`select min("timestamp") as t from "blocks" where "number" > ${ancestor}`.execute(trx);
  const minTime = first.rows[0]?.t;

  await sql`update "accounts" set "is_contract" = 0, "creation_tx" = null where "creation_tx" in (select "hash" from "transactions" where "block_number" > ${ancestor})`.execute(trx);
  await sql`update "accounts" set "tx_count" = "tx_count" - (select count(*) from "address_transactions" t where t."address" = "accounts"."address" and t."block_number" > ${ancestor})
    where "address" in (select "address" from "address_transactions" where "block_number" > ${ancestor})`.execute(trx);
  await sql`delete from "accounts" where "first_seen_block" > ${ancestor}`.execute(trx);
  await rollbackAccountTokens(trx, ancestor);
  for (const t of BLOCK_KEYED_TABLES) await sql`delete from ${sql.table(t.name)} where ${sql.ref(t.column)} > ${ancestor}`.execute(trx);

  if (minTime != null) await recomputeDays(trx, Math.floor(Number(minTime) / SECONDS_PER_DAY));
}

/** Rebuild daily_stats and daily_active_accounts for every day >= fromDay from the chain tables. */
export async function recomputeDays(trx: Q, fromDay: number): Promise<void> {
  const from = fromDay * SECONDS_PER_DAY;
  const day = sql.lit(SECONDS_PER_DAY);
  await sql`delete from "daily_stats" where "day" >= ${fromDay}`.execute(trx);
  await sql`delete from "daily_active_accounts" where "day" >= ${fromDay}`.execute(trx);
  await sql`insert into "daily_active_accounts" ("day", "address")
    select "timestamp" / ${day}, "from_address" from "transactions" where "timestamp" >= ${from}
    union select "timestamp" / ${day}, "to_address" from "transactions" where "timestamp" >= ${from} and "to_address" is not null`.execute(trx);
  await sql`insert into "daily_stats" ("day", "block_count", "tx_count", "gas_used", "first_block_time", "last_block_time", "active_accounts")
    select "day", count(*), sum("tx_count"), sum("gas_used"), min("timestamp"), max("timestamp"), 0
    from (select "timestamp" / ${day} as "day", "tx_count", "gas_used", "timestamp" from "blocks" where "timestamp" >= ${from}) b
    group by "day"`.execute(trx);
  await sql`update "daily_stats" set "active_accounts" = (select count(*) from "daily_active_accounts" d where d."day" = "daily_stats"."day") where "day" >= ${fromDay}`.execute(trx);
}
