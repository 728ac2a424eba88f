// Token media and metadata refresh, on the one port:
//   GET  /media/{token}/{tokenId}            the id's image, fetched by the server (never hot-linked)
//   POST /metadata/{token}/{tokenId}/refresh fetch the id's metadata again (rate-limited)
// Media is served under a CSP that runs nothing, with nosniff, so an SVG's scripts stay inert
// even when opened directly rather than through <img>.
import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { MetadataService } from '../metadata/service';
import { gqlError } from './errors';
import { latestTransferOf } from '../data/metadata';

export const MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'";
/** One refresh of an id per this many milliseconds, whoever asks. */
const REFRESH_COOLDOWN_MS = 10_000;

function parseParams(token: string | undefined, tokenId: string | undefined): { token: string; tokenId: string } | null {
  if (!token || !/^0x[0-9a-fA-F]{40}$/.test(token) || !tokenId || !/^\d{1,78}$/.test(tokenId)) return null;
  return { token: token.toLowerCase(), tokenId: BigInt(tokenId).toString() };
}

export function mediaRoutes(db: Kysely<Database>, metadata: MetadataService, limiter?: RequestHandler): Router {
  const router = Router();
  const refreshedAt = new Map<string, number>();

  router.get('/media/:token/:tokenId', async (req, res, next) => {
    try {
      const p = parseParams(req.params.token, req.params.tokenId);
      res.setHeader('Content-Security-Policy', MEDIA_CSP);
      if (!p) return gqlError(res, 400, 'BAD_REQUEST', 'the path takes /media/0x…40 hex…/decimal token id');
      const row = await db.selectFrom('token_metadata').select(['status', 'image_url']).where('token', '=', p.token).where('token_id', '=', p.tokenId).executeTakeFirst();
      const got = row ? await metadata.media(row) : { status: 404, reason: 'no metadata fetched for this token id' };
      if ('reason' in got) return gqlError(res, got.status, 'NOT_FOUND', got.reason);
      res.setHeader('Content-Type', got.type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      res.end(got.body);
    } catch (err) {
      next(err);
    }
  });

  const refresh: RequestHandler = async (req, res, next) => {
    try {
      const p = parseParams(req.params.token as string, req.params.tokenId as string);
      if (!p) return gqlError(res, 400, 'BAD_REQUEST', 'the path takes /metadata/0x…40 hex…/decimal token id/refresh');
      if (!metadata.available) return gqlError(res, 503, 'NO_NODE', 'the server has no node to read token URIs from (yuscan serve --rpc)');
      const token = await db.selectFrom('tokens').select('type').where('address', '=', p.token).executeTakeFirst();
      if (!token || token.type === 'ERC20') return gqlError(res, 404, 'NOT_FOUND', 'no ERC-721 or ERC-1155 token at this address');
      if (!(await latestTransferOf(db, p.token, p.tokenId)).seen) return gqlError(res, 404, 'NOT_FOUND', 'no indexed transfer names this token id');
      const key = `${p.token}|${p.tokenId}`;
      const last = refreshedAt.get(key);
      const now = Date.now();
      if (last !== undefined && now - last < REFRESH_COOLDOWN_MS) {
        res.setHeader('Retry-After', String(Math.ceil((REFRESH_COOLDOWN_MS - (now - last)) / 1000)));
        return gqlError(res, 429, 'RATE_LIMITED', 'this token id was refreshed moments ago; retry shortly');
      }
      refreshedAt.set(key, now);
      if (refreshedAt.size > 10_000) refreshedAt.delete(refreshedAt.keys().next().value!);
      await metadata.fetch(p.token, token.type, p.tokenId);
      const row = await db.selectFrom('token_metadata').select(['status', 'error']).where('token', '=', p.token).where('token_id', '=', p.tokenId).executeTakeFirst();
      res.json({ status: row?.status ?? 'PENDING', error: row?.error ?? null });
    } catch (err) {
      next(err);
    }
  };
  router.post('/metadata/:token/:tokenId/refresh', ...(limiter ? [limiter, refresh] : [refresh]));
  return router;
}
