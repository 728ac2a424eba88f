// schema.graphql + the resolver map -> an executable schema (@graphql-tools/schema).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { PACKAGE_ROOT } from '../config/paths';
import type { Resolvers } from './generated/graphql';

const SCHEMA_PATH = join(PACKAGE_ROOT, 'schema.graphql');

export function executableSchema(resolvers: Resolvers): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: resolvers as never,
    // A resolver naming a type or field the schema lacks is a bug: fail at startup.
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
