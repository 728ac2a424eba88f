import { GraphQLScalarType, Kind } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too
import { badInput } from './errors';

/** Decimal-string integers of any size. */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  serialize: (v) => (typeof v === 'bigint' ? v.toString() : typeof v === 'number' ? BigInt(Math.trunc(v)).toString() : String(v)),
  parseValue: (v) => parseBig(v),
  parseLiteral: (ast) => parseBig(ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : undefined),
});

function parseBig(v: unknown): string {
  if ((typeof v === 'string' && /^-?\d{1,78}$/.test(v)) || (typeof v === 'number' && Number.isSafeInteger(v))) return BigInt(v).toString();
  throw badInput('BigInt must be a decimal integer string');
}

/** Unix seconds; input also takes an ISO-8601 date or date-time. */
export const TimestampScalar = new GraphQLScalarType({
  name: 'Timestamp',
  serialize: (v) => Number(v),
  parseValue: (v) => parseTime(v),
  parseLiteral: (ast) => parseTime(ast.kind === Kind.INT ? Number(ast.value) : ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseTime(v: unknown): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v < 1e11) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
  }
  throw badInput('Timestamp must be unix seconds or an ISO-8601 date');
}
