// Deployed runtime code: eth_getCode, at the block that created it, of every
// contract the indexer sees created, by a transaction or by an internal CREATE/CREATE2. Source
// verification matches runtime code against it, so `yuscan serve` needs no node for that.
// Keyed by address and creating block (an address may be created again after a
// self-destruct); a reorg rollback deletes the rows above the ancestor, like every other
// block-keyed table. The code is what the node answered, `0x` included (a creation that
// failed or self-destructed in its block).
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? ('bigint' as const) : ('integer' as const);
  await db.schema
    .createTable('contract_code')
    .ifNotExists()
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('block_number', int64, (c) => c.notNull())
    /** The transaction that created it (directly or through its internal calls). */
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_code_pk', ['address', 'block_number'])
    .execute();
  await db.schema.createIndex('contract_code_block').ifNotExists().on('contract_code').column('block_number').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_code').ifExists().execute();
}
