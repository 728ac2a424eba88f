// The alliance's API resources (pages and embeds) in the app's one typed registry
// (../lib/registry.ts): typed documents generated from schema.graphql (`npm run codegen`),
// registered under their names for useResource()/fetchResource(). Loaded with the alliance
// routes (./routes.tsx), never in the explorer's initial bundle. Plain strings and types
// only, so the embed bundle can import it without any app code. The types below name
// generated shapes the components share; none is written by hand.
import { graphql } from '../generated';
import type {
  AllianceDashboardQuery, AllianceMemberRefFragment, EvidenceNodeFragment, MemberRowFragment, PatentsQuery, EmbedStatusQuery, KpiSeriesQuery,
} from '../generated/graphql';
import { defineResource, registerResources } from '../lib/registry';

export type { BreakdownBy, ScenarioStage as Stage } from '../generated/graphql';
export type MemberRef = AllianceMemberRefFragment;
export type MemberRow = MemberRowFragment;
export type EvidenceNode = EvidenceNodeFragment;
export type DashboardData = AllianceDashboardQuery;
export type StatusInfo = EmbedStatusQuery['status'];
export type PatentRow = PatentsQuery['patents']['edges'][number]['node'];
export type SeriesKpi = NonNullable<KpiSeriesQuery['kpi']>;

graphql(`fragment AllianceMemberRef on Member { address name nameEn nameZh country sector }`);
graphql(`fragment AllianceStatus on Status { chainId isDevnet indexedHead latestBlockTime registry }`);
graphql(`fragment KpiFields on Kpi { id current target periodStart periodEnd period progress expectedProgress status startLevel projectedAtEnd projectedShare ended reachedAt asOf targetTxHash }`);
graphql(`fragment PlanPeriodFields on PlanPeriod { id start end startDate endDate }`);
graphql(`fragment MemberRow on Member {
  ...AllianceMemberRef domestic region admittedAt removedAt active patentCount outputValue
}`);
graphql(`fragment EvidenceNode on RegistryEvent {
  __typename txHash blockNumber logIndex at time date member { ...AllianceMemberRef }
  ... on Patent { applicationNo title filedAt }
  ... on OutputReport { period periodLabel amount superseded }
  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }
  ... on MembershipChange { kind name country sector }
}`);

export const allianceResources = registerResources({
  dashboard: defineResource(graphql(`query AllianceDashboard($period: String) {
    status { ...AllianceStatus }
    alliance { name chainName launchDate registry periods { ...PlanPeriodFields } currentPeriod { ...PlanPeriodFields } }
    kpis(period: $period) { ...KpiFields }
  }`)),

  kpiSeries: defineResource(graphql(`query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {
    kpi(id: $id, period: $period) { ...KpiFields series(interval: $interval) { date from to value delta expected } }
  }`)),

  kpiBreakdown: defineResource(graphql(`query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {
    kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ...AllianceMemberRef } } }
  }`)),

  quarterlyOutput: defineResource(graphql(`query QuarterlyOutput($period: String) {
    alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }
  }`)),

  yearOverYear: defineResource(graphql(`query YearOverYear {
    alliance { yearOverYear { year complete patents patentsChange patentsChangeShare outputValue outputValueChange outputValueChangeShare } }
  }`)),

  scenarioPipeline: defineResource(graphql(`query ScenarioPipeline { alliance { scenarioPipeline { stage count } } }`)),

  embedStatus: defineResource(graphql(`query EmbedStatus { status { ...AllianceStatus } }`)),

  embedChainStats: defineResource(graphql(`query EmbedChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp) {
    status { ...AllianceStatus }
    chainStats(metric: $metric, interval: $interval, from: $from) { date from to value }
  }`)),

  kpiEvidence: defineResource(graphql(`query KpiEvidence($id: KpiId!, $period: String, $from: Timestamp, $to: Timestamp, $member: String, $sector: String, $region: Region, $country: String, $countedOnly: Boolean, $first: Int, $after: String) {
    kpi(id: $id, period: $period) {
      id current
      evidence(from: $from, to: $to, member: $member, sector: $sector, region: $region, country: $country, countedOnly: $countedOnly, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor counted delta node { ...EvidenceNode } }
      }
    }
  }`)),

  members: defineResource(graphql(`query Members($orderBy: MemberOrder, $includeRemoved: Boolean, $region: Region, $sector: String, $first: Int, $after: String) {
    alliance { sectors { sector count } }
    members(orderBy: $orderBy, includeRemoved: $includeRemoved, region: $region, sector: $sector, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...MemberRow } }
    }
  }`)),

  member: defineResource(graphql(`query MemberDetail($address: String!) {
    member(address: $address) {
      ...MemberRow admittedTxHash
      patents(first: 100) { edges { node { txHash blockNumber applicationNo title filedAt date } } pageInfo { hasNextPage endCursor } }
      reports(first: 100) { edges { node { txHash blockNumber at date period periodLabel amount superseded previous { amount txHash } supersededBy { amount txHash } } } pageInfo { hasNextPage endCursor } }
      scenarios { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash }
      history { kind at date txHash blockNumber name }
    }
  }`)),

  scenarios: defineResource(graphql(`query Scenarios($stage: ScenarioStage, $first: Int, $after: String) {
    scenarios(stage: $stage, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash leadMember { ...AllianceMemberRef } leadMemberAddress
        stages { txHash blockNumber at date stage previousStage isLaunch } } }
    }
  }`)),

  patents: defineResource(graphql(`query Patents($member: String, $from: Timestamp, $to: Timestamp, $first: Int, $after: String) {
    patents(member: $member, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { txHash blockNumber applicationNo title filedAt date member { ...AllianceMemberRef } } }
    }
  }`)),

  memberOptions: defineResource(graphql(`query MemberOptions($after: String) {
    members(first: 100, after: $after, includeRemoved: true) { pageInfo { hasNextPage endCursor } edges { node { address name nameEn nameZh } } }
  }`)),

  quarterReports: defineResource(graphql(`query QuarterReports($period: Int!, $first: Int, $after: String) {
    outputReports(period: $period, includeSuperseded: true, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...EvidenceNode } }
    }
  }`)),
});

type AllianceResources = typeof allianceResources;
declare module '../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends AllianceResources {}
}
