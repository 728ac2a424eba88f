// The HTTP server, one port: /graphql (POST, GET, graphql-ws subscriptions), /healthz,
// /metrics, the built web app with its SPA routes and /embed/*, and an offline explorer page.
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, Kind, parse, specifiedRules, validate, getOperationAST } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { makeExecutableSchema } from './schema';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import type { Db } from '../db/connect';
import { createLoaders, type Context } from './context';
import { EXPLORER_HTML } from './explorer';
import { HeadTracker } from './head';
import { checkLimits, DEFAULT_LIMITS, type Limits } from './limits';
import { createMetrics } from './metrics';
import { mountEtherscanApi } from './etherscan';
import type { RpcClient } from '../indexer/rpc';
import { resolvers } from './resolvers';

export interface RateLimit {
  /** Requests allowed per IP per window. */
  max: number;
  windowMs: number;
}

export interface ServerOptions {
  db: Db;
  port: number;
  host?: string;
  logger?: Logger;
  /** Per-IP limit on /graphql; false turns it off. Default 1,200 requests a minute. */
  rateLimit?: RateLimit | false;
  /** Built web app; default dist/web. */
  webDir?: string;
  limits?: Partial<Limits>;
  /** How often to poll the indexed head (newBlock, per-head caches). Default 500 ms. */
  pollIntervalMs?: number;
  /** Largest request body. Default 256 kB. */
  maxBodyBytes?: number;
  /** Most operations in one batched request. Default 10. */
  maxBatch?: number;
  /** Responses kept per indexed head (0 turns the response cache off). Default 2,000. */
  responseCacheSize?: number;
  /** A node to read from: deployed code for verification, view calls of verified contracts. */
  rpc?: RpcClient;
}

export interface YuscanServer {
  url: string;
  head: HeadTracker;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 1200, windowMs: 60_000 };
const API_PREFIXES = ['/graphql', '/healthz', '/metrics', '/api'];
const ROOT_FIELDS_CACHEABLE = new Set(['block', 'transaction', '__typename']);

function gqlError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Fixed-window per-IP counter: small, dependency-free, good enough for one process. */
function rateLimiter(limit: RateLimit) {
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

/**
 * Whole responses, keyed by the indexed head and the exact request: every answer is a pure
 * function of the database at that head, so an identical request at the same head may reuse
 * it (the home page, KPI charts and popular blocks are asked for over and over). Only
 * successful query responses are kept; a new head makes every older key unreachable.
 */
function createResponseCache(head: HeadTracker, size: number) {
  const entries = new Map<string, { body: string; cacheControl: string }>();
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (size <= 0) return next();
    const raw = (req as Request & { rawBody?: Buffer }).rawBody;
    const request = req.method === 'GET' ? (req.originalUrl.length <= 8192 ? req.originalUrl : undefined) : raw?.toString('utf8');
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
        if (entries.size > size) entries.delete(entries.keys().next().value!);
      }
      return send(body);
    };
    next();
  };
  return { middleware };
}

export async function createServer(options: ServerOptions): Promise<YuscanServer> {
  const { db, logger } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const head = new HeadTracker(db.db, options.pollIntervalMs ?? 500);
  await head.start();
  const metrics = createMetrics(head);
  const schema = makeExecutableSchema(resolvers);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // GraphQL answers are POSTs; hashing every body costs more than it saves
  app.set('trust proxy', 'loopback');
  const httpServer = createHttpServer(app);

  const makeContext = (): Context => ({ db: db.db, head, loaders: createLoaders(db.db), cache: { finalOnly: true, reusable: false } });

  // graphql-ws on the same path, with the same limits as HTTP.
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: options.maxBodyBytes ?? 256 * 1024 });
  const wsCleanup = useServer(
    {
      schema,
      context: () => makeContext(),
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: 10_000 });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('could not parse the query')];
        }
        const errors = validate(schema, document, specifiedRules);
        if (errors.length) return [...errors];
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('no operation to run')];
        const tooBig = checkLimits(document, operation, payload.variables ?? undefined, limits);
        if (tooBig) return [tooBig];
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: makeContext() };
      },
    },
    wss,
  );

  const limitsPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          if (rc.operation.operation !== 'query') {
            const hint = rc.operation.operation === 'subscription' ? 'subscribe over graphql-ws on this path' : 'this API is read-only';
            throw new GraphQLError(`only queries over HTTP: ${hint}`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          const err = checkLimits(rc.document, rc.operation, rc.request.variables, limits);
          if (err) throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } });
        },
        async willSendResponse(rc) {
          const ok = rc.response.body.kind === 'single' && !rc.response.body.singleResult.errors;
          const roots = rc.operation?.selectionSet.selections ?? [];
          const cacheable =
            ok &&
            rc.request.http?.method === 'GET' &&
            rc.operation?.operation === 'query' &&
            rc.contextValue.cache.finalOnly &&
            roots.every((s) => s.kind === Kind.FIELD && ROOT_FIELDS_CACHEABLE.has(s.name.value));
          rc.response.http.headers.set('cache-control', cacheable ? 'public, max-age=86400' : 'no-cache');
          rc.contextValue.cache.reusable = ok && rc.operation?.operation === 'query';
          metrics.operations.inc({ outcome: ok ? 'ok' : 'error' });
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false, // public, read-only, no cookies: nothing to forge
    allowBatchedHttpRequests: true,
    introspection: true,
    parseOptions: { maxTokens: 10_000 },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin,
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') {
        logger?.error({ err: error }, 'resolver failed');
        return { message: 'internal error', extensions: { code } };
      }
      return formatted;
    },
    logger: logger
      ? { debug: () => {}, info: () => {}, warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) }
      : { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  await apollo.start();

  // --- middleware ------------------------------------------------------------------------
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0]!;
      const route = API_PREFIXES.find((p) => path === p || path.startsWith(`${p}/`)) ?? (path.startsWith('/embed/') ? '/embed' : 'web');
      metrics.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.latency.observe({ route }, Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  });
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (req.path.startsWith('/embed/')) {
      res.setHeader('Content-Security-Policy', 'frame-ancestors *');
    } else {
      res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    next();
  });
  app.use(cors());
  app.use(compression());

  app.get('/healthz', async (_req, res) => {
    try {
      await db.db.selectFrom('indexer_state').select('id').limit(1).execute();
      await head.poll();
      const h = head.current;
      res.setHeader('cache-control', 'no-store');
      res.json({
        ok: true, chainId: h.chainId, indexedHead: h.indexedHead, chainHead: h.chainHead,
        lag: Math.max(0, h.chainHead - h.indexedHead), latestBlockTime: h.latestBlockTime,
      });
    } catch {
      res.status(503).json({ ok: false, error: 'database unreachable' });
    }
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  const responseCache = createResponseCache(head, options.responseCacheSize ?? 2000);
  const limiter = options.rateLimit === false ? undefined : rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const maxBatch = options.maxBatch ?? 10;
  app.get('/graphql', (req, res, next) => {
    if (!req.query.query && req.accepts(['text/html', 'application/json']) === 'text/html') {
      res.setHeader('cache-control', 'no-cache');
      return res.type('html').send(EXPLORER_HTML);
    }
    next();
  });
  app.use(
    '/graphql',
    ...(limiter ? [limiter.middleware] : []),
    express.json({
      limit: options.maxBodyBytes ?? 256 * 1024,
      verify: (req, _res, buf) => {
        if (buf.length <= 8192) (req as Request & { rawBody?: Buffer }).rawBody = buf;
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
    responseCache.middleware,
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const ctx = makeContext();
        res.locals.ctx = ctx;
        return ctx;
      },
    }),
  );
  const etherscan = mountEtherscanApi(app, { db, head, rpc: options.rpc, logger, limiter: limiter?.middleware });
  for (const prefix of ['/healthz', '/metrics']) {
    app.use(prefix, (_req, res) => gqlError(res, 404, 'NOT_FOUND', 'no such API path'));
  }

  // --- web app -----------------------------------------------------------------------------
  const webDir = resolve(options.webDir ?? 'dist/web');
  const indexFile = join(webDir, 'index.html');
  const embedFile = join(webDir, 'embed.html');
  app.use('/assets', express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.use((req, res) => {
    // App routes (no file extension) get the SPA; anything else that reached here is missing.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /\.[a-z0-9]+$/i.test(req.path)) {
      return res.status(404).type('text').send('not found');
    }
    res.setHeader('cache-control', 'no-cache');
    // Embeds have a bundle of their own (dist/web/embed.html, no router shell).
    const page = req.path.startsWith('/embed/') && existsSync(embedFile) ? embedFile : indexFile;
    if (existsSync(page)) return res.type('html').send(readFileSync(page, 'utf8'));
    res
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>yuscan</title><p>The web app is not built (run <code>npm start</code> or <code>npx vite build</code>). The API is at <a href="/graphql">/graphql</a>.</p>',
      );
  });

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    if (res.headersSent) return;
    if (err.type === 'entity.too.large' || err.status === 413) return gqlError(res, 413, 'PAYLOAD_TOO_LARGE', 'request body too large');
    if (err.type === 'entity.parse.failed') return gqlError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
    if (err.status && err.status >= 400 && err.status < 500) return gqlError(res, err.status, 'BAD_REQUEST', 'bad request');
    logger?.error({ err }, 'request failed');
    gqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
  });

  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;
  await new Promise<void>((ok, fail) => {
    httpServer.once('error', fail);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => ok());
  });
  const address = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  const url = `http://${host}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    head,
    close: () =>
      (closed ??= (async () => {
        head.stop();
        limiter?.stop();
        await etherscan.verifier.idle();
        for (const client of wss.clients) client.terminate();
        httpServer.closeIdleConnections();
        await apollo.stop();
        wss.close();
      })()),
  };
}

