// One poll of the indexed head: the checkpoint plus the latest block's time and hash.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { loadIndexerState } from '../../db/indexer-state';
import type { StatusModel } from '../models';

export interface Head extends StatusModel {
  /** Changes whenever the indexed head changes (number or hash, so reorgs too). */
  key: string;
}

export const EMPTY_HEAD: Head = {
  key: 'empty', chainId: 0, chainHead: 0, indexedHead: 0, registry: null,
  latestBlockTime: null, latestBlockHash: null, updatedAt: null, traceMethod: null, balancesExactFrom: null,
};

/**
 * The head now, given the previous one: when the indexed block is unchanged only chainHead
 * and updatedAt are refreshed (one primary-key read). Undefined before the first checkpoint.
 */
export async function readHead(db: Kysely<Database>, prev: Head): Promise<Head | undefined> {
  const state = await loadIndexerState(db);
  if (!state) return undefined;
  const key = `${state.lastBlock}:${state.lastHash}`;
  const history = { traceMethod: state.traceMethod, balancesExactFrom: state.balancesExactFrom };
  if (key === prev.key) return { ...prev, chainHead: state.chainHead, updatedAt: state.updatedAt, ...history };
  const latest = await db.selectFrom('blocks').select(['timestamp', 'hash']).where('number', '=', state.lastBlock).executeTakeFirst().catch(() => undefined);
  return {
    key,
    chainId: state.chainId,
    chainHead: state.chainHead,
    indexedHead: state.lastBlock,
    registry: state.registry,
    latestBlockTime: latest ? Number(latest.timestamp) : null,
    latestBlockHash: latest?.hash ?? state.lastHash,
    updatedAt: state.updatedAt,
    ...history,
  };
}
