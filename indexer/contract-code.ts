// The runtime code of the contracts a batch created, as enrich.ts read it with eth_getCode at
// the creating block: rows for the contract_code table, written in the batch's transaction.
// A rollback finds the table in db/schema.ts's catalogue, as it finds every block-keyed one.
import type { Insertable } from 'kysely';
import type { Db, Q } from '../db/engine';
import type { ContractCodeTable } from '../db/schema';
import type { FetchedBlock } from './fetch';

const COLUMNS = ['address', 'block_number', 'tx_hash', 'code'] as const;

export function contractCodeRows(blocks: readonly FetchedBlock[]): Insertable<ContractCodeTable>[] {
  const out: Insertable<ContractCodeTable>[] = [];
  for (const { block, extras } of blocks) {
    if (!extras?.code.size) continue;
    const number = parseInt(block.number, 16);
    for (const [address, { txHash, code }] of extras.code) out.push({ address, block_number: number, tx_hash: txHash, code });
  }
  return out;
}

/** Write a batch's contract code; call inside the batch's transaction. */
export async function writeContractCode(trx: Q, { engine }: Pick<Db, 'engine'>, rows: readonly Insertable<ContractCodeTable>[]): Promise<void> {
  if (rows.length) await engine.inserter(trx)('contract_code', COLUMNS, rows as unknown as Record<string, unknown>[]);
}
