// Whole responses, keyed by the indexed head and the exact request: every answer is a pure
// function of the database at that head, so an identical request at the same head may reuse
// it (the home page, KPI charts and popular blocks are asked for over and over). Only
// successful query responses are kept; a new head makes every older key unreachable, and the
// LRU drops them as new ones arrive.
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context';
import type { HeadTracker } from '../head';

/** Requests (GET URL or POST body) longer than this are not cached. */
export const MAX_CACHED_REQUEST = 8192;

export type RawBodyRequest = Request & { rawBody?: Buffer };

export function responseCache(head: HeadTracker, size: number) {
  if (size <= 0) return (_req: Request, _res: Response, next: NextFunction) => next();
  const entries = new LRUCache<string, { body: string; cacheControl: string }>({ max: size });
  return (req: RawBodyRequest, res: Response, next: NextFunction) => {
    const request = req.method === 'GET' ? (req.originalUrl.length <= MAX_CACHED_REQUEST ? req.originalUrl : undefined) : req.rawBody?.toString('utf8');
    if (!request) return next();
    const h = head.current;
    const key = `${h.key}:${h.chainHead}|${req.method}|${request}`;
    const hit = entries.get(key);
    if (hit) {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', hit.cacheControl);
      return res.send(hit.body);
    }
    const send = res.send.bind(res);
    res.send = (body: unknown) => {
      const ctx = res.locals.ctx as Context | undefined;
      if (res.statusCode === 200 && typeof body === 'string' && ctx?.cache.reusable) {
        entries.set(key, { body, cacheControl: String(res.getHeader('cache-control') ?? 'no-cache') });
      }
      return send(body);
    };
    next();
  };
}
