// SQL for token instances and their stored metadata: an ERC-721 id's owner, and each id's
// token_metadata row through a per-request loader.
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import type { Database, TokenMetadataTable } from '../../db/schema';

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/**
 * An id's latest transfer: whether any indexed transfer names it, and for ERC-721 its owner
 * (the recipient; null once burned).
 */
export async function latestTransferOf(db: Kysely<Database>, token: string, tokenId: string): Promise<{ seen: boolean; owner: string | null }> {
  const r = await db.selectFrom('token_transfers').select('to_address').where('token', '=', token).where('token_id', '=', tokenId)
    .orderBy('block_number', 'desc').orderBy('log_index', 'desc').orderBy('batch_index', 'desc').limit(1).executeTakeFirst();
  return { seen: r !== undefined, owner: r && r.to_address !== ZERO_ADDRESS ? r.to_address : null };
}

const perRequest = new WeakMap<Context, DataLoader<string, TokenMetadataTable | undefined>>();

/** Stored metadata rows keyed `token|tokenId`. */
export function metadataLoader(ctx: Context): DataLoader<string, TokenMetadataTable | undefined> {
  let l = perRequest.get(ctx);
  if (l) return l;
  l = new DataLoader(async (keys) => {
    const pairs = keys.map((k) => k.split('|') as [string, string]);
    const rows = await ctx.db.selectFrom('token_metadata').selectAll()
      .where('token', 'in', [...new Set(pairs.map(([t]) => t))])
      .where('token_id', 'in', [...new Set(pairs.map(([, i]) => i))])
      .execute();
    const byKey = new Map(rows.map((r) => [`${r.token}|${r.token_id}`, r]));
    return keys.map((k) => byKey.get(k));
  });
  perRequest.set(ctx, l);
  return l;
}
