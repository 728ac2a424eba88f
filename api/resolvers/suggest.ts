// Search-as-you-type: what the box can offer for a partial query, best first. Exact matches
// (a block number, a hash, an address) come first, then the operator's labels, members and tokens by name.
import type { Resolvers, SearchSuggestion } from '../generated/graphql';
import { badInput } from '../errors';
import { tokensMatching } from '../data/accounts';
import { splitName } from '../data/names';
import { labelsMatching } from '../data/labels';
import { memberAt } from './lookup';

const MAX_SUGGESTIONS = 20;

export const suggestResolvers: Resolvers = {
  Query: {
    searchSuggestions: async (_p, { query, first }, ctx) => {
      const q = query.trim();
      const n = first ?? 8;
      if (!Number.isInteger(n) || n < 1 || n > MAX_SUGGESTIONS) throw badInput(`first must be from 1 to ${MAX_SUGGESTIONS}`);
      if (q.length > 200) throw badInput('query must be at most 200 characters');
      if (q.length === 0) return [];
      const out: SearchSuggestion[] = [];
      if (/^\d{1,15}$/.test(q)) {
        const block = await ctx.loaders.blockByNumber.load(Number(q));
        if (block) out.push({ kind: 'BLOCK', value: String(block.number), label: String(block.number), detail: block.hash });
      } else if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
        const h = q.toLowerCase();
        const [tx, block] = await Promise.all([ctx.loaders.txByHash.load(h), ctx.loaders.blockByHash.load(h)]);
        if (tx) out.push({ kind: 'TRANSACTION', value: tx.hash, label: tx.hash, detail: String(tx.block_number) });
        if (block) out.push({ kind: 'BLOCK', value: String(block.number), label: String(block.number), detail: block.hash });
      } else if (/^0x[0-9a-fA-F]{40}$/.test(q)) {
        const a = q.toLowerCase();
        const member = await memberAt(ctx, a);
        if (member) out.push({ kind: 'MEMBER', value: a, label: member.name, detail: a });
        out.push({ kind: 'ADDRESS', value: a, label: a, detail: null });
      } else if (q.length >= 2) {
        const needle = q.toLowerCase();
        for (const l of labelsMatching(ctx.labels, q, n)) out.push({ kind: 'ADDRESS', value: l.address, label: l.label, detail: l.address });
        const state = await ctx.head.allianceState();
        for (const m of state.membersSorted) {
          if (out.length >= n) break;
          const { en, zh } = splitName(m.name);
          if ([en, zh].some((x) => x.toLowerCase().includes(needle))) out.push({ kind: 'MEMBER', value: m.address, label: en, detail: zh });
        }
        for (const t of await tokensMatching(ctx, q, n)) {
          out.push({ kind: 'TOKEN', value: t.address, label: t.name ?? t.symbol ?? t.address, detail: [t.symbol, t.type].filter(Boolean).join(' · ') });
        }
      }
      return out.slice(0, n);
    },
  },
};
