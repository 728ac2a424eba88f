// schema.graphql + the resolver map -> an executable schema (@graphql-tools/schema).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import type { Resolvers } from './generated/graphql';

const SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function executableSchema(resolvers: Resolvers): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: resolvers as never,
    // A resolver naming a type or field the schema lacks is a bug: fail at startup.
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
