// The alliance's registry: members, patents, scenarios, output reports and their events.
import { ALLIANCE_LAUNCH_DATE, CHAIN_NAME } from '../../config/constants';
import type { Resolvers } from '../generated/graphql';
import type { Context } from '../context';
import type { RegistryEventModel } from '../models';
import { badInput } from '../errors';
import * as v from '../validate';
import { splitName } from '../data/names';
import { eventKey, memberList, patentList, quarterlyOutput, reportList, scenarioPipeline, sectorCounts } from '../data/registry';
import { dateString } from '../kpi/time';
import { quarterLabel } from '../../rules/quarter';
import { isDomestic, regionOf } from '../../rules/region';
import { memberAt, resolvePeriod } from './lookup';
import { yearOverYear } from '../kpi/yearly';

const eventFields = {
  time: (e: RegistryEventModel) => e.time,
  date: (e: RegistryEventModel) => dateString(e.time),
  member: (e: RegistryEventModel, _: unknown, ctx: Context) => memberAt(ctx, e.member),
  transaction: async (e: RegistryEventModel, _: unknown, ctx: Context) => (await ctx.loaders.txByHash.load(e.txHash)) ?? null,
};

export const allianceResolvers: Resolvers = {
  Query: {
    alliance: () => ({}),

    members: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const filter = { country: args.country?.toUpperCase(), sector: args.sector, region: args.region, includeRemoved: args.includeRemoved };
      const list = memberList(state, filter, args.orderBy ?? 'NAME');
      return v.pageList(list, (m) => m.address, 'member', args.first, args.after);
    },

    member: async (_p, { address }, ctx) => memberAt(ctx, v.address(address)),

    patents: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const who = args.member != null ? v.address(args.member, 'member') : undefined;
      return v.pageList(patentList(state, who, args.from, args.to), eventKey, 'patent', args.first, args.after);
    },

    scenarios: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const list = state.scenariosSorted.filter((s) => (!args.stage || s.stage === args.stage) && (!args.sector || s.sector === args.sector));
      return v.pageList(list, (s) => String(s.id), 'scenario', args.first, args.after);
    },

    outputReports: async (_p, args, ctx) => {
      const state = await ctx.head.allianceState();
      const who = args.member != null ? v.address(args.member, 'member') : undefined;
      if (args.period != null && !/^\d{4}[1-4]$/.test(String(args.period))) throw badInput('period must be a quarter written YYYYQ, e.g. 20202');
      return v.pageList(reportList(state, who, args.period, args.includeSuperseded), eventKey, 'report', args.first, args.after);
    },
  },

  YearFigures: {
    outputValue: (y) => y.outputValue.toString(),
    outputValueChange: (y) => y.outputValueChange?.toString() ?? null,
  },

  Alliance: {
    name: () => 'Chongqing Blockchain Innovation Alliance',
    chainName: () => CHAIN_NAME,
    launchDate: () => ALLIANCE_LAUNCH_DATE,
    registry: (_a, _args, ctx) => ctx.head.current.registry,
    memberCount: async (_a, _args, ctx) => (await ctx.head.allianceState()).membersSorted.filter((m) => m.active).length,
    domesticMemberCount: async (_a, _args, ctx) =>
      (await ctx.head.allianceState()).membersSorted.filter((m) => m.active && isDomestic(m.country)).length,
    overseasMemberCount: async (_a, _args, ctx) =>
      (await ctx.head.allianceState()).membersSorted.filter((m) => m.active && !isDomestic(m.country)).length,
    periods: async (_a, _args, ctx) => (await ctx.head.allianceState()).periods,
    currentPeriod: async (_a, _args, ctx) => (await ctx.head.allianceState()).currentPeriod ?? null,
    quarterlyOutput: async (_a, { period }, ctx) => {
      const state = await ctx.head.allianceState();
      const p = period != null ? resolvePeriod(state, period) : undefined;
      if (period != null && !p) return [];
      return quarterlyOutput(state, p);
    },
    scenarioPipeline: async (_a, _args, ctx) => scenarioPipeline(await ctx.head.allianceState()),
    yearOverYear: async (_a, _args, ctx) => {
      const state = await ctx.head.allianceState();
      return state.cached('yearOverYear', () => yearOverYear(state.patents, state.reports, state.asOf));
    },
    sectors: async (_a, _args, ctx) => sectorCounts(await ctx.head.allianceState()),
  },

  PlanPeriod: {
    startDate: (p) => dateString(p.start),
    endDate: (p) => dateString(p.end),
  },

  RegistryEvent: {
    __resolveType: (e) =>
      e.kind === 'patent' ? 'Patent' : e.kind === 'report' ? 'OutputReport' : e.kind === 'stage' ? 'ScenarioStageChange' : 'MembershipChange',
  },

  Patent: { ...eventFields },

  OutputReport: {
    ...eventFields,
    periodLabel: (r) => quarterLabel(r.period),
    amount: (r) => r.amount.toString(),
  },

  ScenarioStageChange: {
    ...eventFields,
    scenario: async (c, _a, ctx) => (await ctx.head.allianceState()).scenarios.get(c.scenarioId)!,
  },

  MembershipChange: {
    ...eventFields,
    kind: (e) => (e.change === 'admitted' ? 'ADMITTED' : 'REMOVED'),
  },

  Scenario: {
    nameEn: (s) => splitName(s.name).en,
    nameZh: (s) => splitName(s.name).zh,
    leadMember: (s, _a, ctx) => memberAt(ctx, s.leadMember),
    leadMemberAddress: (s) => s.leadMember,
  },

  Member: {
    nameEn: (m) => splitName(m.name).en,
    nameZh: (m) => splitName(m.name).zh,
    domestic: (m) => isDomestic(m.country),
    region: (m) => regionOf(m.country),
    outputValue: (m) => m.outputValue.toString(),
    patents: async (m, { first, after }, ctx) =>
      v.pageList(patentList(await ctx.head.allianceState(), m.address), eventKey, 'patent', first, after),
    reports: async (m, { first, after }, ctx) =>
      v.pageList(reportList(await ctx.head.allianceState(), m.address, undefined, true), eventKey, 'report', first, after),
    scenarios: async (m, _a, ctx) => (await ctx.head.allianceState()).scenariosSorted.filter((s) => s.leadMember === m.address),
    account: (m, _a, ctx) => ctx.loaders.account.load(m.address),
  },
};
