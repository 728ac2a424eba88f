// Per-client rate limit on /graphql through express-rate-limit (in memory, per replica: with
// several replicas each counts its own clients; put a shared limit in the proxy in front.
// The workers of one replica count in their primary's memory: api/cluster.ts).
// The client is req.ip, so what counts as the client's address follows the app's
// `trust proxy` setting (TRUST_PROXY): behind nginx, the X-Forwarded-For it sets.
import { rateLimit, type Store } from 'express-rate-limit';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../config/constants';
import { gqlError } from './errors';

export interface RateLimit {
  /** Requests allowed per client per window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: DEFAULT_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };

/** `store`: where hits are counted; default this process's memory. */
export function rateLimiter(limit: RateLimit, store?: Store) {
  return rateLimit({
    ...(store ? { store } : {}),
    windowMs: limit.windowMs,
    limit: limit.max,
    // RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset and Retry-After on a 429.
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    handler: (_req, res) => gqlError(res, 429, 'RATE_LIMITED', 'too many requests; slow down and retry later'),
  });
}
