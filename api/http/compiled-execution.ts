// GraphQL execution compiled once per query document (graphql-jit). graphql-js walks the
// schema for every field of every response, and a KPI answer with monthly series has more
// than a thousand: compiled, it costs a fraction of the CPU (docs/performance.md). Apollo
// still parses, validates (both cached per document), runs the plugins and formats errors;
// only the execution step is replaced, through Apollo's gateway interface, the one place
// where it accepts an executor.
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/**
 * Compiled queries by document and operation name. Apollo keeps one parsed document per
 * distinct query text (its bounded document store), so a compiled query lives as long as
 * its document does.
 */
function compiledQueries(schema: GraphQLSchema) {
  const byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  return (document: DocumentNode, operationName: string | null): CompiledQuery => {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // Apollo has validated the document, so compiling cannot fail on it.
      if (!isCompiledQuery(result)) throw new Error(`cannot compile the query: ${result.errors?.[0]?.message}`);
      byName.set(key, (compiled = result));
    }
    return compiled;
  };
}

export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = compiledQueries(schema);
  return {
    load: async () => ({
      executor: async (rc) => {
        // graphql-js coerces the variables first, so a bad one is answered exactly as before
        // (same message, and Apollo's 400 BAD_USER_INPUT); the compiled query coerces again.
        const variables = getVariableValues(schema, rc.operation.variableDefinitions ?? [], rc.request.variables ?? {});
        if (variables.errors) return { errors: variables.errors };
        return compiled(rc.document, rc.operationName).query(undefined, rc.context, rc.request.variables ?? {});
      },
    }),
    // One schema, loaded once: tell Apollo about it and never again.
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}
