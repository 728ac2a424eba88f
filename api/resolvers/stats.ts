// chainStats: validates the range and delegates to the daily-aggregate sums.
import type { Resolvers } from '../generated/graphql';
import { badInput } from '../errors';
import { chainStats } from '../data/chain-stats';
import { dayNumber } from '../kpi/time';

const DEFAULT_DAYS = 90;

export const statsResolvers: Resolvers = {
  Query: {
    chainStats: async (_p, { metric, interval, from, to }, ctx) => {
      const latest = ctx.head.current.latestBlockTime ?? Math.floor(Date.now() / 1000);
      const end = to ?? (dayNumber(latest) + 1) * 86_400;
      const start = from ?? end - DEFAULT_DAYS * 86_400;
      if (start >= end) throw badInput('from must be before to');
      try {
        return await chainStats(ctx.db, metric, interval ?? 'DAY', start, end);
      } catch (err) {
        if (err instanceof RangeError) throw badInput('too many points: use a larger interval or a shorter range');
        throw err;
      }
    },
  },
};
