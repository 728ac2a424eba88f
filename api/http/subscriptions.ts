// graphql-ws on the /graphql path, with the same parse and size limits as HTTP.
import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context } from '../context';
import { checkLimits, type Limits } from '../limits';

export function subscriptionServer(httpServer: Server, schema: GraphQLSchema, opts: { limits: Limits; maxPayload: number; makeContext: () => Context }) {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: opts.maxPayload });
  const cleanup = useServer(
    {
      schema,
      context: () => opts.makeContext(),
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
        const tooBig = checkLimits(document, operation, payload.variables ?? undefined, opts.limits);
        if (tooBig) return [tooBig];
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: opts.makeContext() };
      },
    },
    wss,
  );
  return {
    /** Stops taking subscriptions (Apollo's drain calls this). */
    dispose: () => cleanup.dispose(),
    terminateClients: () => {
      for (const client of wss.clients) client.terminate();
    },
    close: () => wss.close(),
  };
}
