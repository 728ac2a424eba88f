// The resolver map for schema.graphql, composed from one map per domain. A domain's resolvers
// validate their arguments and delegate to api/data/ (SQL, sums, rankings) or api/kpi/
// (rules). To add a domain: write api/resolvers/<domain>.ts exporting a `Resolvers` map and
// list it below; a field answered by two maps is an error at startup.
import type { Resolvers } from '../generated/graphql';
import { BigIntScalar, TimestampScalar } from '../scalars';
import { accountResolvers } from './accounts';
import { allianceResolvers } from './alliance';
import { chainResolvers } from './chain';
import { contractResolvers } from './contracts';
import { kpiResolvers } from './kpi';
import { labelResolvers } from './labels';
import { metadataResolvers } from './metadata';
import { searchResolvers } from './search';
import { statsResolvers } from './stats';
import { suggestResolvers } from './suggest';
import { traceResolvers } from './trace';
import { validatorResolvers } from './validators';

const DOMAINS: Resolvers[] = [
  { BigInt: BigIntScalar, Timestamp: TimestampScalar },
  chainResolvers,
  searchResolvers,
  statsResolvers,
  allianceResolvers,
  kpiResolvers,
  accountResolvers,
  suggestResolvers,
  validatorResolvers,
  contractResolvers,
  labelResolvers,
  metadataResolvers,
  traceResolvers,
];

/** Merges per-type field maps; throws when two domains answer the same field. */
export function composeResolvers(maps: Resolvers[]): Resolvers {
  const out: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, impl] of Object.entries(map)) {
      const prev = out[type];
      if (prev === undefined) {
        out[type] = impl;
        continue;
      }
      if (typeof prev !== 'object' || typeof impl !== 'object' || !prev || !impl || 'serialize' in prev) {
        throw new Error(`resolvers for ${type} are given twice`);
      }
      const twice = Object.keys(impl).filter((f) => f in prev);
      if (twice.length) throw new Error(`${type}.${twice.join(', ')} answered by two resolver maps`);
      out[type] = { ...prev, ...impl };
    }
  }
  return out as Resolvers;
}

export const resolvers = composeResolvers(DOMAINS);
