// Every write the indexer makes. A batch of blocks and its checkpoint go in one
// transaction, and so does a reorg rollback: a crash at any instant leaves the database at
// a batch boundary. Inserts bypass Kysely's query builder (the engine's bulk insert,
// db/engine.ts), because building an AST for thousands of rows costs more than the insert itself.
import { sql } from 'kysely';
import type { Db, Q } from '../db/engine';
import { blockKeyedTables, type Database } from '../db/schema';
import { saveCheckpoint, type Checkpoint } from '../db/indexer-state';
import { activeHorizon, countActive, type ActiveCounts, type ActivePair } from '../db/active-accounts';
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
  logs: ['block_number', 'log_index', 'tx_index', 'address', 'topic0', 'topic1', 'topic2', 'topic3', 'data', 'event_name', 'event_args'],
  address_transactions: ['address', 'block_number', 'tx_index'],
  accounts: ['address', 'first_seen_block', 'tx_count', 'is_contract', 'creation_tx'],
  member_events: ['block_number', 'log_index', 'tx_hash', 'member', 'kind', 'name', 'country', 'sector', 'at'],
  kpi_targets: ['block_number', 'log_index', 'tx_hash', 'kpi', 'target', 'period_start', 'period_end'],
  patents: ['block_number', 'log_index', 'tx_hash', 'member', 'application_no', 'title', 'filed_at'],
  scenarios: ['block_number', 'log_index', 'tx_hash', 'scenario_id', 'lead_member', 'name', 'sector', 'launched_at'],
  scenario_stages: ['block_number', 'log_index', 'tx_hash', 'scenario_id', 'stage', 'at'],
  output_reports: ['block_number', 'log_index', 'tx_hash', 'member', 'period', 'amount_cny', 'at'],
  daily_stats: [
    'day', 'block_count', 'tx_count', 'gas_used', 'first_block_time', 'last_block_time', 'active_accounts', 'active_week', 'active_month',
    'active_quarter',
  ],
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
    // Only the pairs not stored yet count: the batch before may have ended inside a day.
    const fresh = rows.activeAccounts.length
      ? ((await insert('daily_active_accounts', COLUMNS.daily_active_accounts, rows.activeAccounts, ' on conflict do nothing returning "day", "address"')) as ActivePair[])
      : [];
    const counts = await activeCounts(trx, fresh);
    const days = rows.days.map((d) => ({ ...d, ...(counts.get(d.day) ?? NO_ACTIVE) }));
    const add = (c: string) => ` "${c}" = "daily_stats"."${c}" + excluded."${c}"`;
    await insert(
      'daily_stats',
      COLUMNS.daily_stats,
      days,
      ` on conflict ("day") do update set ${['block_count', 'tx_count', 'gas_used'].map(add).join(',')},` +
        ` "first_block_time" = ${engine.least}("daily_stats"."first_block_time", excluded."first_block_time"),` +
        ` "last_block_time" = ${engine.greatest}("daily_stats"."last_block_time", excluded."last_block_time"),` +
        ACTIVE_COLUMNS.map(add).join(','),
    );
    await pruneActive(trx, Math.max(...rows.days.map((d) => d.day)));
  }
  await writeAccountTokens(trx, engine, rows.accountsTokens, opts);
  await saveCheckpoint(trx, cp);
}

const ACTIVE_COLUMNS = ['active_accounts', 'active_week', 'active_month', 'active_quarter'] as const;
const NO_ACTIVE: ActiveCounts = { active_accounts: 0, active_week: 0, active_month: 0, active_quarter: 0 };
/** Addresses per history query: bounds the statement, not a parameter limit. */
const HISTORY_CHUNK = 500;

/** The counts of `pairs` (stored already), from the stored history of their addresses. */
async function activeCounts(trx: Q, pairs: readonly ActivePair[]): Promise<Map<number, ActiveCounts>> {
  if (!pairs.length) return new Map();
  // A loop, not Math.min(...): a deep rollback recounts more pairs than a call takes arguments.
  const from = activeHorizon(pairs.reduce((min, r) => Math.min(min, Number(r.day)), Infinity));
  const addresses = [...new Set(pairs.map((r) => r.address))];
  const history: ActivePair[] = [];
  for (let i = 0; i < addresses.length; i += HISTORY_CHUNK) {
    const chunk = addresses.slice(i, i + HISTORY_CHUNK);
    const rows = await trx.selectFrom('daily_active_accounts').select(['day', 'address']).where('address', 'in', chunk).where('day', '>=', from).execute();
    for (const r of rows) history.push({ day: Number(r.day), address: r.address });
  }
  return countActive(pairs.map((r) => ({ day: Number(r.day), address: r.address })), history);
}

/** Drop the (day, address) rows no day from `headDay` on can need. */
async function pruneActive(trx: Q, headDay: number): Promise<void> {
  await trx.deleteFrom('daily_active_accounts').where('day', '<', activeHorizon(headDay)).execute();
}

/**
 * Undo every block above `ancestor`: chain data, alliance data, account counters and the
 * aggregates of every day those blocks touched (recomputed from what remains, so the
 * result equals a fresh index). Call inside a transaction.
 */
export async function rollbackTo(trx: Q, ancestor: number): Promise<void> {
  const first = await sql<{ t: number | string | null }>`select min("timestamp") as t from "blocks" where "number" > ${ancestor}`.execute(trx);
  const minTime = first.rows[0]?.t;
  const headDay = await lastDay(trx);

  await sql`update "accounts" set "is_contract" = 0, "creation_tx" = null where "creation_tx" in (select "hash" from "transactions" where "block_number" > ${ancestor})`.execute(trx);
  // address_transactions has no index on block_number: its rows above the ancestor are found
  // by address, the parties of the transactions being removed (transactions is indexed by block).
  const parties = sql`select "from_address" from "transactions" where "block_number" > ${ancestor}
    union select "to_address" from "transactions" where "block_number" > ${ancestor} and "to_address" is not null
    union select "contract_address" from "transactions" where "block_number" > ${ancestor} and "contract_address" is not null`;
  await sql`update "accounts" set "tx_count" = "tx_count" - (select count(*) from "address_transactions" t where t."address" = "accounts"."address" and t."block_number" > ${ancestor})
    where "address" in (${parties})`.execute(trx);
  await sql`delete from "address_transactions" where "block_number" > ${ancestor} and "address" in (${parties})`.execute(trx);
  await sql`delete from "accounts" where "first_seen_block" > ${ancestor}`.execute(trx);
  await rollbackAccountTokens(trx, ancestor);
  for (const t of BLOCK_KEYED_TABLES) await sql`delete from ${sql.table(t.name)} where ${sql.ref(t.column)} > ${ancestor}`.execute(trx);

  if (minTime != null && headDay != null) await recomputeDays(trx, Math.floor(Number(minTime) / SECONDS_PER_DAY), headDay);
}

/** The day of the newest indexed block, or null when there is none. */
async function lastDay(trx: Q): Promise<number | null> {
  const row = await trx.selectFrom('blocks').select((eb) => eb.fn.max('timestamp').as('t')).executeTakeFirst();
  return row?.t == null ? null : Math.floor(Number(row.t) / SECONDS_PER_DAY);
}

/**
 * Rebuild daily_stats for every day >= fromDay from the chain tables, after a rollback from
 * a head on `oldHeadDay`. daily_active_accounts gets back the rows of days >= fromDay, and
 * those a lower head needs again (pruned at the old head, see active-accounts.ts).
 */
async function recomputeDays(trx: Q, fromDay: number, oldHeadDay: number): Promise<void> {
  const headDay = await lastDay(trx);
  const horizon = headDay == null ? fromDay : activeHorizon(headDay);
  const rebuildFrom = horizon < activeHorizon(oldHeadDay) ? Math.min(fromDay, horizon) : fromDay;
  // No block on or after the day: null, and so no rows.
  const since = (day: number) => sql`(select min("number") from "blocks" where "timestamp" >= ${day * SECONDS_PER_DAY})`;
  const dayOf = sql`"timestamp" / ${sql.lit(SECONDS_PER_DAY)}`;

  await trx.deleteFrom('daily_stats').where('day', '>=', fromDay).execute();
  await trx.deleteFrom('daily_active_accounts').where('day', '>=', rebuildFrom).execute();
  await sql`insert into "daily_active_accounts" ("day", "address")
    select ${dayOf}, "from_address" from "transactions" where "block_number" >= ${since(rebuildFrom)}
    union select ${dayOf}, "to_address" from "transactions" where "block_number" >= ${since(rebuildFrom)} and "to_address" is not null`.execute(trx);
  await sql`insert into "daily_stats" ("day", "block_count", "tx_count", "gas_used", "first_block_time", "last_block_time", "active_accounts", "active_week", "active_month", "active_quarter")
    select "day", count(*), sum("tx_count"), sum("gas_used"), min("timestamp"), max("timestamp"), 0, 0, 0, 0
    from (select ${dayOf} as "day", "tx_count", "gas_used", "timestamp" from "blocks" where "number" >= ${since(fromDay)}) b
    group by "day"`.execute(trx);

  const pairs = await trx.selectFrom('daily_active_accounts').select(['day', 'address']).where('day', '>=', fromDay).execute();
  for (const [day, c] of await activeCounts(trx, pairs)) await trx.updateTable('daily_stats').set(c).where('day', '=', day).execute();
  if (headDay != null) await pruneActive(trx, headDay);
}
