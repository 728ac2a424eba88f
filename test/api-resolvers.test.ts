// The resolver map is composed from one map per domain (api/resolvers/index.ts).
import { describe, expect, it } from 'vitest';
import { composeResolvers, resolvers } from '../api/resolvers';
import { executableSchema } from '../api/schema';

describe('composeResolvers', () => {
  it('merges the fields of one type from several domains', () => {
    const merged = composeResolvers([{ Query: { status: () => null as never } }, { Query: { blocks: () => null as never } }]);
    expect(Object.keys(merged.Query!).sort()).toEqual(['blocks', 'status']);
  });

  it('refuses a field answered by two domains', () => {
    expect(() => composeResolvers([{ Query: { status: () => null as never } }, { Query: { status: () => null as never } }])).toThrow(
      'Query.status answered by two resolver maps',
    );
  });

  it('the composed map fits schema.graphql (a resolver for a field the schema lacks fails)', () => {
    expect(() => executableSchema(resolvers)).not.toThrow();
    expect(() => executableSchema({ ...resolvers, Query: { ...resolvers.Query, nosuchfield: () => null } } as never)).toThrow(/nosuchfield/);
  });
});
