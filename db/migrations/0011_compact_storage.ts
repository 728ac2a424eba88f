// Storage that scales with the chain, in place and with nothing lost:
// - daily_stats gains, per day, the active accounts new to their ISO week, month and quarter,
//   so a chart of any interval is a sum; daily_active_accounts then keeps only the days a
//   later day can still need (db/active-accounts.ts) instead of every day of the chain;
// - address_transactions drops tx_hash, a copy of transactions' hash at (block_number,
//   tx_index), and its block_number index (a rollback finds the rows by address); on SQLite
//   it is clustered by its key (WITHOUT ROWID), so the key is stored once, not twice;
// - logs drop tx_hash and its index, the same copy: a transaction's logs are read by its
//   (block_number, tx_index).
// No down: the pruned day rows and the dropped copies are derived, and rebuilt by re-indexing.
import { sql, type Kysely } from 'kysely';
import { activeHorizon, countActive, type ActiveCounts } from '../active-accounts';
import { isPostgres } from '../dialect';

/** Addresses whose day rows are counted at once. */
const CHUNK = 500;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const int64 = pg ? ('bigint' as const) : ('integer' as const);

  for (const column of ['active_week', 'active_month', 'active_quarter']) {
    await db.schema.alterTable('daily_stats').addColumn(column, int64, (c) => c.notNull().defaultTo(0)).execute();
  }
  // The writer reads an address's recent days when counting a new one.
  await db.schema.createIndex('daily_active_accounts_address').on('daily_active_accounts').columns(['address', 'day']).execute();
  const addresses = (await db.selectFrom('daily_active_accounts').select('address').distinct().execute()).map((r) => r.address as string);
  const totals = new Map<number, ActiveCounts>();
  for (let i = 0; i < addresses.length; i += CHUNK) {
    const rows = (await db.selectFrom('daily_active_accounts').select(['day', 'address']).where('address', 'in', addresses.slice(i, i + CHUNK)).execute())
      .map((r) => ({ day: Number(r.day), address: r.address as string }));
    for (const [day, c] of countActive(rows, rows)) {
      const t = totals.get(day);
      if (!t) totals.set(day, c);
      else for (const k of Object.keys(c) as (keyof ActiveCounts)[]) t[k] += c[k];
    }
  }
  for (const [day, c] of totals) await db.updateTable('daily_stats').set(c).where('day', '=', day).execute();
  const head = await db.selectFrom('daily_stats').select((eb) => eb.fn.max('day').as('day')).executeTakeFirst();
  if (head?.day != null) await db.deleteFrom('daily_active_accounts').where('day', '<', activeHorizon(Number(head.day))).execute();

  await db.schema.dropIndex('logs_tx').ifExists().execute();
  await db.schema.alterTable('logs').dropColumn('tx_hash').execute();
  if (pg) {
    await db.schema.dropIndex('address_transactions_block').ifExists().execute();
    await db.schema.alterTable('address_transactions').dropColumn('tx_hash').execute();
  } else {
    await sql`create table "address_transactions_clustered" (
      "address" text not null, "block_number" integer not null, "tx_index" integer not null,
      constraint "address_transactions_pk" primary key ("address", "block_number", "tx_index")) without rowid`.execute(db);
    await sql`insert into "address_transactions_clustered" select "address", "block_number", "tx_index" from "address_transactions"`.execute(db);
    await db.schema.dropTable('address_transactions').execute();
    await sql`alter table "address_transactions_clustered" rename to "address_transactions"`.execute(db);
  }
}
