// Apollo Server for queries over HTTP: read-only, size limits per operation, cache headers
// for answers about final blocks, and internal errors hidden from clients.
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import type { Logger } from 'pino';
import type { Context } from '../context';
import { checkLimits, type Limits } from '../limits';
import type { Metrics } from '../metrics';
import { compiledExecution } from './compiled-execution';

/** Root fields whose answers about final blocks never change: long cache headers. */
const ROOT_FIELDS_CACHEABLE = new Set(['block', 'transaction', '__typename']);

/** The operation's name when it is a plain identifier, otherwise its root fields: a label that says what was asked. */
export function operationLabel(name: string | null | undefined, operation: OperationDefinitionNode | null | undefined): string {
  if (name && /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(name)) return name;
  const roots = (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return roots.length ? [...new Set(roots)].sort().join(',').slice(0, 60) : 'unknown';
}

function limitsPlugin(limits: Limits, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
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
            !rc.contextValue.cache.volatile &&
            roots.every((s) => s.kind === Kind.FIELD && ROOT_FIELDS_CACHEABLE.has(s.name.value));
          rc.response.http.headers.set('cache-control', cacheable ? 'public, max-age=86400' : 'no-cache');
          rc.contextValue.cache.reusable = ok && rc.operation?.operation === 'query' && !rc.contextValue.cache.volatile;
          metrics.operations.inc({ outcome: ok ? 'ok' : 'error' });
          metrics.observeOperation(operationLabel(rc.operationName, rc.operation), (performance.now() - started) / 1000);
        },
      };
    },
  };
}

export async function startApollo(opts: {
  schema: GraphQLSchema;
  httpServer: Server;
  limits: Limits;
  metrics: Metrics;
  logger?: Logger;
  /** Called when the server drains (stop accepting subscriptions). */
  onDrain: () => Promise<void>;
}): Promise<ApolloServer<Context>> {
  const { logger } = opts;
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(opts.schema),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false, // public, read-only, no cookies: nothing to forge
    allowBatchedHttpRequests: true,
    introspection: true,
    parseOptions: { maxTokens: 10_000 },
    // Apollo would stop itself on SIGINT/SIGTERM and then re-send the signal to the process,
    // killing it in the middle of our own ordered shutdown (indexer, server, database,
    // devnet). Outside tests (NODE_ENV=test turns Apollo's handler off) Ctrl-C left `yuscan
    // start` dead with exit 130 and the indexer mid-stop. The commands handle signals.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(opts.limits, opts.metrics),
      { async serverWillStart() { return { drainServer: opts.onDrain }; } },
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
  return apollo;
}
