// The one owner of the `indexer_state` row (id 1): the indexer's checkpoint, which the API
// follows as its head. Every read and write of that table goes through here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Q = Kysely<Database> | Transaction<Database>;

export interface Checkpoint {
  chainId: number;
  registry: string | null;
  lastBlock: number;
  lastHash: string;
  chainHead: number;
}

export interface IndexerState extends Checkpoint {
  /** Unix seconds of the last write. */
  updatedAt: number;
  traceMethod: string | null;
  /** The block from which balance history is exact; null while it is not known to be. */
  balancesExactFrom: number | null;
}

const now = () => Math.floor(Date.now() / 1000);

export async function saveCheckpoint(q: Q, cp: Checkpoint): Promise<void> {
  const row = {
    id: 1,
    chain_id: cp.chainId,
    registry: cp.registry,
    last_block: cp.lastBlock,
    last_hash: cp.lastHash,
    chain_head: cp.chainHead,
    updated_at: now(),
  };
  await q
    .insertInto('indexer_state')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
    .execute();
}

/** The checkpoint, or undefined before the indexer's first batch. */
export async function loadIndexerState(q: Q): Promise<IndexerState | undefined> {
  const r = await q.selectFrom('indexer_state').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!r) return undefined;
  return {
    chainId: Number(r.chain_id), registry: r.registry, lastBlock: Number(r.last_block), lastHash: r.last_hash,
    chainHead: Number(r.chain_head), updatedAt: Number(r.updated_at), traceMethod: r.trace_method ?? null,
    balancesExactFrom: r.balances_exact_from == null ? null : Number(r.balances_exact_from),
  };
}

/** Only the head moved: the API reports lag from it while the indexer waits. */
export async function saveChainHead(q: Q, head: number): Promise<void> {
  await q.updateTable('indexer_state').set({ chain_head: head, updated_at: now() }).where('id', '=', 1).execute();
}

/** After a reorg rollback: the checkpoint moves back to the common ancestor. */
export async function rewindCheckpoint(q: Q, block: number, hash: string): Promise<void> {
  await q.updateTable('indexer_state').set({ last_block: block, last_hash: hash, updated_at: now() }).where('id', '=', 1).execute();
}

/** Throws when the table cannot be read (no schema, database down): a cheap liveness probe. */
export async function probeIndexerState(q: Q): Promise<void> {
  await q.selectFrom('indexer_state').select('id').limit(1).execute();
}

/** The tracer the indexer chose, and where exact balance history begins (both shown by `status`). */
export async function saveBalanceHistory(q: Q, fields: { traceMethod?: string; balancesExactFrom?: number | null }): Promise<void> {
  const set: { trace_method?: string; balances_exact_from?: number | null } = {};
  if (fields.traceMethod !== undefined) set.trace_method = fields.traceMethod;
  if (fields.balancesExactFrom !== undefined) set.balances_exact_from = fields.balancesExactFrom;
  await q.updateTable('indexer_state').set(set).where('id', '=', 1).execute();
}
