// Fixed-window per-IP counter: small, dependency-free, good enough for one process.
import type { NextFunction, Request, Response } from 'express';
import { gqlError } from './errors';

export interface RateLimit {
  /** Requests allowed per IP per window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 1200, windowMs: 60_000 };

export function rateLimiter(limit: RateLimit) {
  const hits = new Map<string, { count: number; reset: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [ip, h] of hits) if (h.reset <= now) hits.delete(ip);
  }, limit.windowMs);
  sweep.unref();
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    let h = hits.get(ip);
    if (!h || h.reset <= now) hits.set(ip, (h = { count: 0, reset: now + limit.windowMs }));
    h.count++;
    res.setHeader('RateLimit-Limit', String(limit.max));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit.max - h.count)));
    if (h.count > limit.max) {
      res.setHeader('Retry-After', String(Math.ceil((h.reset - now) / 1000)));
      return gqlError(res, 429, 'RATE_LIMITED', 'too many requests; slow down and retry later');
    }
    next();
  };
  return { middleware, stop: () => clearInterval(sweep) };
}
