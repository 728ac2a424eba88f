// Token instances and their metadata: Token.instance, TokenInstance.metadata*. The first ask
// for an id starts the fetch (api/metadata/service.ts) and waits for it a moment; an id still
// being fetched answers PENDING.
import type { Resolvers } from '../generated/graphql';
import type { Context } from '../context';
import type { InstanceRow } from '../data/accounts';
import { latestTransferOf, metadataLoader } from '../data/metadata';
import { mediaPath, parseMetadata } from '../metadata/uri';
import type { TokenMetadataTable } from '../../db/schema';

/** How long a query waits for a first fetch before answering PENDING. */
const FIRST_FETCH_WAIT_MS = 1500;
const NO_NODE = 'the server has no node to read token URIs from (yuscan serve --rpc)';
const UNSEEN = 'no indexed transfer names this token id';

/** One answer per id and request, however many of its fields are asked. */
const asked = new WeakMap<Context, Map<string, ReturnType<typeof lookUp>>>();
function stored(ctx: Context, i: InstanceRow): ReturnType<typeof lookUp> {
  let m = asked.get(ctx);
  if (!m) asked.set(ctx, (m = new Map()));
  const key = `${i.token.address}|${i.tokenId}`;
  let p = m.get(key);
  if (!p) m.set(key, (p = lookUp(ctx, i)));
  return p;
}

async function lookUp(ctx: Context, i: InstanceRow): Promise<TokenMetadataTable | { status: 'PENDING' | 'ERROR' | 'NOT_FOUND'; error: string | null }> {
  if (i.seen === false) return { status: 'NOT_FOUND', error: UNSEEN };
  const key = `${i.token.address}|${i.tokenId}`;
  const row = await metadataLoader(ctx).load(key);
  if (row) return row;
  if (!ctx.metadata?.available) return { status: 'ERROR', error: NO_NODE };
  ctx.cache.finalOnly = false;
  const done = ctx.metadata.fetch(i.token.address, i.token.type, i.tokenId).then(() => true);
  const inTime = await Promise.race([done, new Promise<false>((ok) => setTimeout(() => ok(false), FIRST_FETCH_WAIT_MS).unref())]);
  if (!inTime) return { status: 'PENDING', error: null };
  metadataLoader(ctx).clear(key);
  return (await metadataLoader(ctx).load(key)) ?? { status: 'PENDING', error: null };
}

const full = (r: Awaited<ReturnType<typeof stored>>): TokenMetadataTable | null => ('token' in r ? r : null);

export const metadataResolvers: Resolvers = {
  Token: {
    instance: async (t, { tokenId }, ctx) => {
      if (t.type === 'ERC20') return null;
      const id = BigInt(tokenId).toString();
      const { seen, owner } = await latestTransferOf(ctx.db, t.address, id);
      return { token: t, tokenId: id, owner: t.type === 'ERC721' ? owner : null, seen };
    },
  },
  TokenInstance: {
    tokenId: (i) => i.tokenId,
    owner: (i) => i.owner,
    tokenAddress: (i) => i.token.address,
    metadataStatus: async (i, _a, ctx) => (await stored(ctx, i)).status,
    metadataError: async (i, _a, ctx) => (await stored(ctx, i)).error ?? null,
    metadataUri: async (i, _a, ctx) => full(await stored(ctx, i))?.uri ?? null,
    metadataFetchedAt: async (i, _a, ctx) => full(await stored(ctx, i))?.fetched_at ?? null,
    metadata: async (i, _a, ctx) => {
      const row = full(await stored(ctx, i));
      if (!row || row.status !== 'OK' || !row.metadata) return null;
      const doc = parseMetadata(row.metadata);
      if (!doc) return null;
      return {
        name: doc.name,
        description: doc.description,
        image: doc.image ? mediaPath(i.token.address, i.tokenId) : null,
        attributes: doc.attributes,
        raw: row.metadata,
      };
    },
  },
};
