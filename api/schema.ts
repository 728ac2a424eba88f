// schema.graphql + resolvers -> an executable schema, without another dependency: the
// resolver map is attached to the SDL-built schema's fields, scalars and abstract types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema, GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType, GraphQLUnionType, type GraphQLSchema,
} from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { PACKAGE_ROOT } from '../config/paths';
import type { Resolvers } from './generated/graphql';

export const SCHEMA_PATH = join(PACKAGE_ROOT, 'schema.graphql');

export function loadTypeDefs(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

type FieldResolver = ((...args: unknown[]) => unknown) | { subscribe: (...args: unknown[]) => unknown; resolve?: (...args: unknown[]) => unknown };

export function makeExecutableSchema(resolvers: Resolvers): GraphQLSchema {
  const schema = buildSchema(loadTypeDefs());
  for (const [typeName, impl] of Object.entries(resolvers as Record<string, unknown>)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`resolvers name type ${typeName}, which schema.graphql does not define`);
    if (type instanceof GraphQLScalarType) {
      const s = impl as GraphQLScalarType;
      type.serialize = s.serialize;
      type.parseValue = s.parseValue;
      type.parseLiteral = s.parseLiteral;
      continue;
    }
    const entries = Object.entries(impl as Record<string, unknown>);
    if (type instanceof GraphQLUnionType || type instanceof GraphQLInterfaceType) {
      const fn = (impl as { __resolveType?: (v: unknown) => string }).__resolveType;
      if (fn) type.resolveType = (v) => fn(v);
      if (type instanceof GraphQLUnionType) continue;
    }
    if (!(type instanceof GraphQLObjectType) && !(type instanceof GraphQLInterfaceType)) continue;
    const fields = type.getFields();
    for (const [name, r] of entries) {
      if (name === '__resolveType') continue;
      const field = fields[name];
      if (!field) throw new Error(`resolver ${typeName}.${name} has no field in schema.graphql`);
      const fr = r as FieldResolver;
      if (typeof fr === 'function') field.resolve = fr as never;
      else {
        field.subscribe = fr.subscribe as never;
        if (fr.resolve) field.resolve = fr.resolve as never;
      }
    }
  }
  return schema;
}
