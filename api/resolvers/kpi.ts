// KPIs: figures, series, breakdowns and evidence per plan period.
import type { Resolvers } from '../generated/graphql';
import type { KpiModel } from '../models';
import { KPI_ORDER } from '../state';
import { badInput } from '../errors';
import * as v from '../validate';
import { buildKpi, kpiBreakdown, kpiEvidence } from '../data/kpi';
import { eventKey } from '../data/registry';
import { kpiSeries } from '../kpi/series';
import { projectedShare } from '../../rules/kpi';
import { memberAt, resolvePeriod } from './lookup';

function breakdownLimit(limit: number | null | undefined): number {
  const n = limit ?? 10;
  if (!Number.isInteger(n) || n < 1 || n > 50) throw badInput('limit must be from 1 to 50');
  return n;
}

export const kpiResolvers: Resolvers = {
  Query: {
    kpis: async (_p, { period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      if (!p) return [];
      return KPI_ORDER.map((id) => buildKpi(state, id, p)).filter((k): k is KpiModel => k !== null);
    },

    kpi: async (_p, { id, period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      return p ? buildKpi(state, id, p) : null;
    },
  },

  Alliance: {
    breakdown: async (_a, { kpi, by, period, limit }, ctx) => {
      const n = breakdownLimit(limit);
      const state = await ctx.head.allianceState();
      const p = resolvePeriod(state, period);
      const k = p ? buildKpi(state, kpi, p) : null;
      return k ? kpiBreakdown(k, by, n) : [];
    },
  },

  Kpi: {
    current: (k) => k.current.toString(),
    target: (k) => k.target.toString(),
    startLevel: (k) => k.startLevel.toString(),
    projectedAtEnd: (k) => k.projectedAtEnd?.toString() ?? null,
    projectedShare: (k) => (k.projectedAtEnd === null ? null : projectedShare(k.projectedAtEnd, k.target)),
    series: (k, { interval }) => {
      const iv = interval ?? 'MONTH';
      return k.registry.cached(`series:${k.id}:${k.period}:${iv}`, () =>
        kpiSeries(k.entries, { periodStart: k.periodStart, periodEnd: k.periodEnd, asOf: k.figureAt, target: k.target, interval: iv }).map(
          (p) => ({ ...p, value: p.value.toString(), delta: p.delta.toString() }),
        ),
      );
    },
    evidence: (k, args) => {
      const list = kpiEvidence(k, {
        from: args.from, to: args.to, sector: args.sector, region: args.region, countedOnly: args.countedOnly,
        member: args.member != null ? v.address(args.member, 'member') : undefined,
        country: args.country?.toUpperCase(),
      });
      const page = v.pageList(list, (e) => eventKey(e.record), 'evidence', args.first, args.after);
      return {
        ...page,
        edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.record, counted: edge.node.counted, delta: edge.node.delta })),
      };
    },
    breakdown: (k, { by, limit }) => kpiBreakdown(k, by, breakdownLimit(limit)),
  },

  EvidenceEdge: {
    delta: (e) => e.delta.toString(),
  },

  BreakdownSlice: {
    value: (s) => s.value.toString(),
    member: (s, _a, ctx) => memberAt(ctx, s.member),
  },
};
