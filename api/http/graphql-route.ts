// /graphql over HTTP: the offline explorer page for browsers, then rate limit, body checks,
// the response cache and Apollo.
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Context } from '../context';
import { EXPLORER_HTML } from '../explorer';
import { gqlError } from './errors';
import { MAX_CACHED_REQUEST, type RawBodyRequest } from './response-cache';

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

export function graphqlRoute(opts: {
  apollo: ApolloServer<Context>;
  makeContext: () => Context;
  maxBodyBytes: number;
  maxBatch: number;
  rateLimit?: Middleware;
  responseCache: Middleware;
}): Router {
  const { maxBatch } = opts;
  const router = express.Router();
  router.get('/graphql', (req, res, next) => {
    if (!req.query.query && req.accepts(['text/html', 'application/json']) === 'text/html') {
      res.setHeader('cache-control', 'no-cache');
      return res.type('html').send(EXPLORER_HTML);
    }
    next();
  });
  router.use(
    '/graphql',
    ...(opts.rateLimit ? [opts.rateLimit] : []),
    express.json({
      limit: opts.maxBodyBytes,
      verify: (req, _res, buf) => {
        // Kept for the response cache's key; larger bodies are not cached.
        if (buf.length <= MAX_CACHED_REQUEST) (req as RawBodyRequest).rawBody = buf;
      },
    }),
    (req: Request, res: Response, next: NextFunction) => {
      if (req.path !== '/') return gqlError(res, 404, 'NOT_FOUND', 'no such API path');
      if (Array.isArray(req.body)) {
        if (req.body.length === 0) return gqlError(res, 400, 'BAD_REQUEST', 'empty batch');
        if (req.body.length > maxBatch) return gqlError(res, 400, 'BATCH_TOO_LARGE', `a batch may hold at most ${maxBatch} operations`);
      }
      if (req.method === 'POST' && (req.body == null || typeof req.body !== 'object')) {
        return gqlError(res, 400, 'BAD_REQUEST', 'POST a JSON body: {"query": "..."}');
      }
      next();
    },
    opts.responseCache,
    expressMiddleware(opts.apollo, {
      context: async ({ res }) => {
        const ctx = opts.makeContext();
        res.locals.ctx = ctx;
        return ctx;
      },
    }),
  );
  return router;
}
