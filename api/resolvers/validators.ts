// Sealers and validators: the validators list, each block's sealer with its
// member node, the member page's nodes, the consensus scheme in `status`, and the charts
// behind /stats. The reads live in api/validators/; this maps them onto the schema.
import DataLoader from 'dataloader';
import { validatorSettings } from '../../config/index';
import type { Context } from '../context';
import { badInput } from '../errors';
import type { Resolvers, SealScheme } from '../generated/graphql';
import * as v from '../validate';
import { memberAt as memberOf } from './lookup';
import { loadValidators, nodesAt, sealersOf, type ValidatorSummary } from '../validators/query';
import { blockTimeDistribution, blocksPerValidator, validatorSetChanges, validatorVotes } from '../validators/stats';

const settings = validatorSettings();


/** The validator summary at the indexed head, shared by every request at that head. */
let cached: { head: number; summary: Promise<ValidatorSummary> } | undefined;
function summaryAt(ctx: Context): Promise<ValidatorSummary> {
  const head = ctx.head.current.indexedHead;
  if (cached?.head !== head) {
    const summary = loadValidators(ctx.db, settings);
    summary.catch(() => (cached = undefined));
    cached = { head, summary };
  }
  return cached.summary;
}

type SealerInfo = { sealer: string; member: string | null; nodeLabel: string | null };

/** One batched sealer lookup per request, however many blocks a page shows. */
const sealerLoaders = new WeakMap<Context, DataLoader<number, SealerInfo | undefined>>();
function sealerOf(ctx: Context, block: number): Promise<SealerInfo | undefined> {
  let loader = sealerLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (numbers) => {
      const found = await sealersOf(ctx.db, numbers);
      return numbers.map((n) => found.get(n));
    });
    sealerLoaders.set(ctx, loader);
  }
  return loader.load(block);
}

function inRange(value: number | null | undefined, fallback: number, min: number, max: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(`${what} must be a whole number from ${min} to ${max}`);
  return n;
}

export const validatorResolvers: Resolvers = {
  Query: {
    validators: async (_p, { first, after }, ctx) => {
      const s = await summaryAt(ctx);
      const page = v.pageList(s.validators, (x) => x.address, 'validator', first, after);
      const edges = await Promise.all(page.edges.map(async (e) => ({ ...e, node: { ...e.node, member: await memberOf(ctx, e.node.member) } })));
      return {
        ...page,
        edges,
        activeCount: s.validators.filter((x) => x.status === 'ACTIVE').length,
        setSize: s.setSize,
        offlineAfterTurns: settings.offlineAfterTurns,
        head: s.head,
        headTime: s.headTime,
      };
    },
    validatorSetChanges: (_p, { first }, ctx) => validatorSetChanges(ctx.db, inRange(first, 20, 1, 100, 'first')),
    validatorVotes: (_p, { first }, ctx) => validatorVotes(ctx.db, inRange(first, 20, 1, 100, 'first')),
    blockTimeDistribution: (_p, { blocks }, ctx) => blockTimeDistribution(ctx.db, inRange(blocks, 1000, 1, 10_000, 'blocks')),
    blocksPerValidator: async (_p, { interval, buckets }, ctx) => {
      const [series, s] = await Promise.all([blocksPerValidator(ctx.db, interval ?? 'MONTH', inRange(buckets, 12, 1, 60, 'buckets')), summaryAt(ctx)]);
      const byAddress = new Map(s.validators.map((x) => [x.address, x]));
      return Promise.all(
        series.map(async (x) => ({ ...x, member: await memberOf(ctx, byAddress.get(x.address)?.member), nodeLabel: byAddress.get(x.address)?.nodeLabel ?? null })),
      );
    },
  },

  Block: {
    sealer: async (b, _a, ctx) => (await sealerOf(ctx, Number(b.number)))?.sealer ?? b.miner,
    sealerMember: async (b, _a, ctx) => memberOf(ctx, (await sealerOf(ctx, Number(b.number)))?.member),
    sealerLabel: async (b, _a, ctx) => (await sealerOf(ctx, Number(b.number)))?.nodeLabel ?? null,
  },

  Status: {
    sealScheme: async (_s, _a, ctx) => {
      const row = await ctx.db.selectFrom('consensus').select('scheme').where('id', '=', 1).executeTakeFirst();
      return (row?.scheme as SealScheme | undefined) ?? null;
    },
    activeValidators: async (_s, _a, ctx) => (await summaryAt(ctx)).validators.filter((x) => x.status === 'ACTIVE').length,
  },

  Member: {
    nodes: async (m, _a, ctx) => {
      const nodes = [...(await nodesAt(ctx.db, Number.MAX_SAFE_INTEGER, m.address)).values()];
      const counts = new Map((await summaryAt(ctx)).validators.map((x) => [x.address, x.blocksSealed]));
      return nodes.map((n) => ({
        address: n.node,
        label: n.label,
        registeredAt: n.registeredAt,
        registeredBlock: n.registeredBlock,
        deregisteredBlock: n.deregisteredBlock,
        blocksSealed: counts.get(n.node) ?? 0,
      }));
    },
  },
};
