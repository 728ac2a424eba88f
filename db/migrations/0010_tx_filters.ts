// The transaction lists' method filter (api/data/tx-list.ts) on the chain's list: an index
// on the calldata's selector, then the list's order, so "transactions calling X, newest
// first" reads the index in order instead of every transaction. The expression is the one
// the filter writes, `substr(input, 1, 10)`, the same on SQLite and PostgreSQL. Partial: a
// plain transfer (input '0x') has no method to match, and leaving them out keeps the index
// to the calls; the filter repeats the condition, literally, so both planners use it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('transactions_selector')
    .ifNotExists()
    .on('transactions')
    .expression(sql`substr(input, 1, 10), block_number, tx_index`)
    .where(sql.ref('input'), '<>', '0x')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('transactions_selector').ifExists().execute();
}
