// The HTTP server, one port: /graphql (POST, GET, graphql-ws subscriptions), /healthz,
// /metrics, token media (/media) and metadata refresh (/metadata), the built web app with its
// SPA routes and /embed/*, and an offline explorer page.
// Each concern is a module under ./http/; this file only composes them in order.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { metadataSettings, type TrustProxy } from '../config';
import { WEB_DIST } from '../config/paths';
import type { Db } from '../db/connect';
import type { NativeCoin } from '../config/constants';
import type { MetadataSettings, OperatorLabel } from '../config';
import { createLoaders, type Context } from './context';
import { HeadTracker } from './head';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createMetrics } from './metrics';
import { resolvers } from './resolvers';
import { executableSchema } from './schema';
import { startApollo } from './http/apollo';
import { apiNotFound, errorHandler } from './http/errors';
import { graphqlRoute } from './http/graphql-route';
import { monitoringRoutes, requestMetrics } from './http/monitoring';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimit } from './http/rate-limit';
import { responseCache } from './http/response-cache';
import { securityHeaders } from './http/security-headers';
import { subscriptionServer } from './http/subscriptions';
import { webApp } from './http/web-app';
import { evidenceRoutes } from './http/evidence';
import { txExportRoutes } from './http/tx-export';
import { mountEtherscanApi } from './etherscan';
import { sourcifyRouter } from './sourcify/router';
import { createVerifier, type VerifySettings } from './verify';
import { ProxyResolver } from './proxy/resolve';
import { contractReads } from './contracts/reads';
import { clusterMetrics, primaryRateLimitStore } from './cluster';
import type { RpcClient } from '../indexer/rpc';
import { nodeBalances } from './balances/account-balance';
import { labelBook } from './data/label-book';
import { metadataService } from './metadata/service';
import { mediaRoutes } from './http/media';
import { nodeTracer } from './trace/node-trace';

export interface ServerOptions {
  db: Db;
  port: number;
  host?: string;
  logger?: Logger;
  /** Per-client limit on /graphql; false turns it off. Default 1,200 requests a minute. */
  rateLimit?: RateLimit | false;
  /** Which proxies' X-Forwarded-For to believe (express `trust proxy`). Default: loopback only. */
  trustProxy?: TrustProxy;
  /** Built web app; default the package's dist/web. */
  webDir?: string;
  limits?: Partial<Limits>;
  /** How often to poll the indexed head (newBlock, per-head caches). Default 500 ms. */
  pollIntervalMs?: number;
  /** Largest request body. Default 256 kB. */
  maxBodyBytes?: number;
  /** The native coin's name (config NATIVE_COIN_*); absent: by chain id. */
  nativeCoin?: NativeCoin;
  /** The chain's public JSON-RPC URL offered to wallets (PUBLIC_RPC_URL); absent: none. */
  publicRpcUrl?: string;
  /** Most operations in one batched request. Default 10. */
  maxBatch?: number;
  /** More Prometheus series for /metrics (`yuscan start` adds its indexer's). */
  moreMetrics?: { metrics(): Promise<string> };
  /** Responses kept per indexed head (0 turns the response cache off). Default 2,000. */
  responseCacheSize?: number;
  /** A node to read from: deployed code for verification, view calls of verified contracts. */
  rpc?: RpcClient;
  /**
   * This process is a worker of `yuscan serve --workers N`: the rate limit counts in the
   * primary, and /metrics answers for all the workers (api/cluster.ts).
   */
  clusterWorker?: boolean;
  /** Source verification's limits and compilers folder (config VERIFY_*, SOLC_COMPILERS_DIR). */
  verify?: VerifySettings;
  /** The operator's address labels (LABELS_FILE). */
  labels?: OperatorLabel[];
  /** Token metadata fetching (IPFS_GATEWAY, METADATA_ALLOW_PRIVATE); default: public addresses only, through https://ipfs.io/. */
  metadata?: MetadataSettings & { perHost?: number; timeoutMs?: number; maxDocumentBytes?: number; maxMediaBytes?: number };
}

export interface YuscanServer {
  url: string;
  head: HeadTracker;
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<YuscanServer> {
  const { db, logger } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const head = new HeadTracker(db.db, options.pollIntervalMs ?? 500);
  await head.start();
  const metrics = createMetrics(head);
  const schema = executableSchema(resolvers);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // GraphQL answers are POSTs; hashing every body costs more than it saves
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  const httpServer = createHttpServer(app);

  const reads = options.rpc && contractReads(options.rpc);
  const balancesFromNode = options.rpc && nodeBalances(options.rpc);
  // One verifier, one store: a contract verified through /api or /sourcify/ shows everywhere.
  const verifier = createVerifier(db.db, { ...options.verify, rpc: options.rpc, logger });
  // Not awaited: a database down at start must not keep the server (and its /healthz) from answering.
  const resumed = verifier.start();
  const compilers = async () => (await verifier.compilers.list()).map((c) => c.longVersion);
  const proxies = new ProxyResolver(db.db, options.rpc);
  const labels = labelBook(options.labels);
  const tracer = options.rpc && nodeTracer(options.rpc);
  const metadata = metadataService({ db: db.db, rpc: options.rpc, logger, ...(options.metadata ?? metadataSettings({})) });
  const makeContext = (): Context => ({
    db: db.db, head, loaders: createLoaders(db.db), cache: { finalOnly: true, reusable: false }, nativeCoin: options.nativeCoin, publicRpcUrl: options.publicRpcUrl, reads,
    nodeBalances: balancesFromNode, compilers, proxies, labels, metadata, tracer,
  });
  const subscriptions = subscriptionServer(httpServer, schema, { limits, maxPayload: maxBodyBytes, makeContext });
  const apollo = await startApollo({ schema, httpServer, limits, metrics, logger, onDrain: async () => { await subscriptions.dispose(); } });
  const limiter = options.rateLimit === false ? undefined : rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.clusterWorker ? primaryRateLimitStore() : undefined);
  const { moreMetrics } = options;
  const metricsText = options.clusterWorker
    ? clusterMetrics(metrics.registry)
    : async () => (await metrics.registry.metrics()) + (moreMetrics ? await moreMetrics.metrics() : '');

  app.use(requestMetrics(metrics));
  app.use(securityHeaders);
  app.use(cors());
  // compression() wraps every response's write, end and headers before it can know whether
  // the client takes an encoding: about a tenth of the CPU of a small GraphQL answer. A
  // client that sends no Accept-Encoding (curl, a service, a load tester) gets identity
  // anyway, so it skips the wrapping.
  const compress = compression();
  app.use((req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next()));
  app.use(monitoringRoutes(db, head, metrics, metricsText));
  mountEtherscanApi(app, { db, head, verifier, proxies, nodeBalances: balancesFromNode, logger, limiter });
  app.use('/sourcify', sourcifyRouter({ db: db.db, verifier, chainId: () => head.current.chainId, logger, limiter }));
  app.use(mediaRoutes(db.db, metadata, limiter));
  app.use(
    graphqlRoute({
      apollo, makeContext, maxBodyBytes, maxBatch: options.maxBatch ?? 10,
      rateLimit: limiter,
      // A verification or a newly stored token metadata changes answers without a new block.
      responseCache: responseCache(head, options.responseCacheSize ?? 2000, metrics, () => verifier.generation * 1_000_003 + metadata.generation),
    }),
  );
  app.use(evidenceRoutes(db.db, head));
  app.use(txExportRoutes(db.db, limiter));
  for (const prefix of ['/healthz', '/metrics', '/evidence', '/export']) app.use(prefix, apiNotFound);
  app.use(webApp(options.webDir ?? WEB_DIST));
  app.use(errorHandler(logger));

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
        // At once, whatever is queued: pending jobs stay in the database for the next start.
        await verifier.stop();
        await resumed;
        subscriptions.terminateClients();
        httpServer.closeIdleConnections();
        await apollo.stop();
        subscriptions.close();
      })()),
  };
}
