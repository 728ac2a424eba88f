// Names for addresses: Account.label (the best name), its source and the operator's own
// label; Query.accounts for a page's addresses at once.
import type { Resolvers } from '../generated/graphql';
import { badInput } from '../errors';
import { nameLoader } from '../data/labels';
import * as v from '../validate';

const MAX_ACCOUNTS = 100;

export const labelResolvers: Resolvers = {
  Query: {
    accounts: (_p, { addresses }, ctx) => {
      if (addresses.length > MAX_ACCOUNTS) throw badInput(`addresses takes at most ${MAX_ACCOUNTS} addresses`);
      return Promise.all(addresses.map((a) => ctx.loaders.account.load(v.address(a, 'addresses'))));
    },
  },
  Account: {
    label: async (a, _x, ctx) => (await nameLoader(ctx).load(a.address))?.label ?? null,
    labelSource: async (a, _x, ctx) => (await nameLoader(ctx).load(a.address))?.source ?? null,
    operatorLabel: (a, _x, ctx) => {
      const l = ctx.labels?.byAddress.get(a.address);
      return l ? { label: l.label, note: l.note ?? null, link: l.link ?? null } : null;
    },
  },
};
