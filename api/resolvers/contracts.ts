// Verified contracts: an account's verified source, what verification offers, read calls of
// view/pure functions, and where a decoding came from.
import type { Resolvers } from '../generated/graphql';
import { badInput } from '../errors';
import * as v from '../validate';
import { ReadError } from '../contracts/read';

const MAX_READ_ARGS = 32;
const MAX_ARG_LENGTH = 10_000;

export const contractResolvers: Resolvers = {
  Query: {
    verification: async (_p, _a, ctx) => ({ compilers: ctx.compilers ? await ctx.compilers() : [], readsAvailable: !!ctx.reads }),

    readContract: async (_p, { address, function: fn, args, abiFrom }, ctx) => {
      const addr = v.address(address);
      // Read as proxy: the implementation's verified ABI, called at the proxy's address.
      const abiAddress = abiFrom == null ? addr : v.address(abiFrom, 'abiFrom');
      if (args.length > MAX_READ_ARGS || args.some((a) => a.length > MAX_ARG_LENGTH) || fn.length > 500) throw badInput('too many or too long arguments');
      if (!ctx.reads) throw badInput('reading contracts needs a node: start yuscan serve with --rpc URL');
      const abi = await ctx.loaders.verifiedAbi.load(abiAddress);
      if (!abi) throw badInput(`${abiAddress} is not a verified contract`);
      const blockNumber = ctx.head.current.indexedHead;
      ctx.cache.finalOnly = false;
      try {
        return { values: await ctx.reads.read(addr, abi, fn, args, blockNumber), blockNumber };
      } catch (err) {
        if (err instanceof ReadError) throw badInput(err.message);
        throw err;
      }
    },
  },

  Account: {
    contract: async (a, _a, ctx) => (await ctx.loaders.verifiedContract.load(a.address)) ?? null,
    proxy: async (a, _a, ctx) => {
      if (!ctx.proxies) return null;
      // Storage read at the indexed head: the answer holds for this head only.
      ctx.cache.finalOnly = false;
      return ctx.proxies.resolve(a.address, ctx.head.current.indexedHead);
    },
  },

  VerifiedContract: {
    name: (c) => c.contract_name,
    fullyQualifiedName: (c) => c.fully_qualified_name,
    compilerVersion: (c) => c.compiler_version,
    matchKind: (c) => (c.match_kind === 'full' ? 'FULL' : 'PARTIAL'),
    constructorArgs: (c) => c.constructor_args,
    sources: (c) => Object.entries(JSON.parse(c.sources) as Record<string, string>).map(([path, content]) => ({ path, content })),
    creationTx: (c) => c.creation_tx,
    verifiedAt: (c) => Number(c.verified_at),
  },

  DecodedCall: {
    source: (d) => d.source ?? 'REGISTRY',
    signature: (d) => d.signature ?? null,
  },
};
