// Search: a block number, a transaction or block hash, an address, an operator's label, a member's name, or a token's name or symbol.
import type { Resolvers } from '../generated/graphql';
import { badInput } from '../errors';
import { tokensMatching } from '../data/accounts';
import { bestMemberMatch } from '../data/search';
import { labelsMatching } from '../data/labels';
import { memberAt } from './lookup';

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_p, { query }, ctx) => {
      const q = query.trim();
      if (q.length === 0 || q.length > 200) throw badInput('query must be 1–200 characters');
      if (/^\d{1,15}$/.test(q)) return (await ctx.loaders.blockByNumber.load(Number(q))) ?? null;
      if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
        const h = q.toLowerCase();
        const [tx, block] = await Promise.all([ctx.loaders.txByHash.load(h), ctx.loaders.blockByHash.load(h)]);
        return tx ?? block ?? null;
      }
      if (/^0x[0-9a-fA-F]{40}$/.test(q)) {
        const a = q.toLowerCase();
        return (await memberAt(ctx, a)) ?? ctx.loaders.account.load(a);
      }
      // The operator named these addresses on purpose, so an exact label wins over a member's or token's name.
      const [label] = labelsMatching(ctx.labels, q, 1);
      if (label && label.label.toLowerCase() === q.toLowerCase()) return ctx.loaders.account.load(label.address);
      return bestMemberMatch((await ctx.head.allianceState()).membersSorted, q) ?? (await tokensMatching(ctx, q, 1))[0]
        ?? (label ? ctx.loaders.account.load(label.address) : null);
    },
  },

  SearchResult: {
    __resolveType: (obj) => {
      if ('parent_hash' in obj) return 'Block';
      if ('from_address' in obj) return 'Transaction';
      if ('history' in obj) return 'Member';
      if ('holder_count' in obj) return 'Token';
      return 'Account';
    },
  },
};
