// The alliance's API resources (pages and embeds) in the app's one typed registry
// (../lib/registry.ts): GraphQL documents, variables and result types, registered under their
// names for useResource()/fetchResource(). Loaded with the alliance routes (./routes.tsx), never
// in the explorer's initial bundle. Plain strings and types only, so the embed bundle can
// import it without any app code.
import { defineResource, registerResources } from '../lib/registry';
import type { ChainStatsMetric, Interval, PageInfo } from '../lib/resources';
import type { KpiId, KpiStatus } from './lib/kpi';

export type Stage = 'PILOT' | 'IN_DEPTH' | 'RETIRED';
export type BreakdownBy = 'MEMBER' | 'SECTOR' | 'REGION' | 'COUNTRY';

export interface StatusInfo {
  chainId: number;
  isDevnet: boolean;
  indexedHead: number;
  latestBlockTime: number | null;
  registry: string | null;
}

export interface MemberRef {
  address: string;
  name: string;
  nameEn: string;
  nameZh: string;
  country?: string;
  sector?: string;
}

export interface KpiPoint {
  date: string;
  from: number;
  to: number;
  value: string;
  delta: string;
  expected: number;
}

export interface KpiData {
  id: KpiId;
  current: string;
  target: string;
  periodStart: number;
  periodEnd: number;
  period: string;
  progress: number;
  expectedProgress: number;
  status: KpiStatus;
  asOf: number;
  targetTxHash: string;
}

export interface PlanPeriod {
  id: string;
  start: number;
  end: number;
  startDate: string;
  endDate: string;
}

export interface BreakdownSlice {
  key: string;
  label: string;
  value: string;
  share: number;
  isRest: boolean;
  member: MemberRef | null;
}

export interface QuarterOutput {
  quarter: number;
  label: string;
  from: number;
  to: number;
  amount: string;
  memberCount: number;
}

const MEMBER_REF = 'address name nameEn nameZh country sector';
const STATUS = 'status { chainId isDevnet indexedHead latestBlockTime registry }';
const KPI_FIELDS = 'id current target periodStart periodEnd period progress expectedProgress status asOf targetTxHash';

const DASHBOARD_QUERY = `query AllianceDashboard($period: String) {
  ${STATUS}
  alliance { name chainName launchDate registry periods { id start end startDate endDate } currentPeriod { id start end startDate endDate } }
  kpis(period: $period) { ${KPI_FIELDS} series(interval: MONTH) { from to value } }
}`;
export interface DashboardData {
  status: StatusInfo;
  alliance: {
    name: string;
    chainName: string;
    launchDate: string;
    registry: string | null;
    periods: PlanPeriod[];
    currentPeriod: PlanPeriod | null;
  };
  kpis: Array<KpiData & { series: Array<{ from: number; to: number; value: string }> }>;
}

const SERIES_QUERY = `query KpiSeries($id: KpiId!, $period: String, $interval: Interval) {
  kpi(id: $id, period: $period) { ${KPI_FIELDS} series(interval: $interval) { date from to value delta expected } }
}`;
export interface SeriesData {
  kpi: (KpiData & { series: KpiPoint[] }) | null;
}

const BREAKDOWN_QUERY = `query KpiBreakdown($id: KpiId!, $period: String, $by: BreakdownBy!, $limit: Int) {
  kpi(id: $id, period: $period) { id current breakdown(by: $by, limit: $limit) { key label value share isRest member { ${MEMBER_REF} } } }
}`;
export interface BreakdownData {
  kpi: { id: KpiId; current: string; breakdown: BreakdownSlice[] } | null;
}

const QUARTERLY_QUERY = `query QuarterlyOutput($period: String) {
  alliance { quarterlyOutput(period: $period) { quarter label from to amount memberCount } }
}`;
export interface QuarterlyData {
  alliance: { quarterlyOutput: QuarterOutput[] };
}

const PIPELINE_QUERY = `query ScenarioPipeline { alliance { scenarioPipeline { stage count } } }`;
export interface PipelineData {
  alliance: { scenarioPipeline: Array<{ stage: Stage; count: number }> };
}

const STATUS_QUERY = `query EmbedStatus { ${STATUS} }`;
export interface StatusData {
  status: StatusInfo;
}

const CHAIN_STATS_QUERY = `query EmbedChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp) {
  ${STATUS}
  chainStats(metric: $metric, interval: $interval, from: $from) { date from to value }
}`;
export interface ChainStatsData {
  status: StatusInfo;
  chainStats: Array<{ date: string; from: number; to: number; value: number }>;
}

const EVENT_FIELDS = `__typename txHash blockNumber logIndex at time date member { ${MEMBER_REF} }
  ... on Patent { applicationNo title filedAt }
  ... on OutputReport { period periodLabel amount superseded }
  ... on ScenarioStageChange { stage previousStage isLaunch scenario { id name nameEn nameZh } }
  ... on MembershipChange { kind name country sector }`;

const EVIDENCE_QUERY = `query KpiEvidence($id: KpiId!, $period: String, $from: Timestamp, $to: Timestamp, $member: String, $sector: String, $region: Region, $country: String, $countedOnly: Boolean, $first: Int, $after: String) {
  kpi(id: $id, period: $period) {
    id current
    evidence(from: $from, to: $to, member: $member, sector: $sector, region: $region, country: $country, countedOnly: $countedOnly, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor counted delta node { ${EVENT_FIELDS} } }
    }
  }
}`;
export interface EvidenceNode {
  __typename: 'Patent' | 'OutputReport' | 'ScenarioStageChange' | 'MembershipChange';
  txHash: string;
  blockNumber: number;
  logIndex: number;
  at: number;
  time: number;
  date: string;
  member: MemberRef | null;
  applicationNo?: string;
  title?: string;
  filedAt?: number;
  period?: number;
  periodLabel?: string;
  amount?: string;
  superseded?: boolean;
  stage?: Stage;
  previousStage?: Stage | null;
  isLaunch?: boolean;
  scenario?: { id: number; name: string; nameEn: string; nameZh: string };
  kind?: 'ADMITTED' | 'REMOVED';
  name?: string | null;
}
export interface EvidenceData {
  kpi: {
    id: KpiId;
    current: string;
    evidence: {
      totalCount: number;
      pageInfo: PageInfo;
      edges: Array<{ cursor: string; counted: boolean; delta: string; node: EvidenceNode }>;
    };
  } | null;
}

const MEMBERS_QUERY = `query Members($orderBy: MemberOrder, $includeRemoved: Boolean, $region: Region, $sector: String, $first: Int, $after: String) {
  alliance { sectors { sector count } }
  members(orderBy: $orderBy, includeRemoved: $includeRemoved, region: $region, sector: $sector, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${MEMBER_REF} domestic region admittedAt removedAt active patentCount outputValue } }
  }
}`;
export interface MemberRow extends MemberRef {
  country: string;
  sector: string;
  domestic: boolean;
  region: 'DOMESTIC' | 'OVERSEAS';
  admittedAt: number;
  removedAt: number | null;
  active: boolean;
  patentCount: number;
  outputValue: string;
}
export interface MembersData {
  alliance: { sectors: Array<{ sector: string; count: number }> };
  members: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: Array<{ node: MemberRow }>;
  };
}

const MEMBER_QUERY = `query MemberDetail($address: String!) {
  member(address: $address) {
    ${MEMBER_REF} domestic region admittedAt admittedTxHash removedAt active patentCount outputValue
    patents(first: 100) { edges { node { txHash blockNumber applicationNo title filedAt date } } pageInfo { hasNextPage endCursor } }
    reports(first: 100) { edges { node { txHash blockNumber at date period periodLabel amount superseded previous { amount txHash } supersededBy { amount txHash } } } pageInfo { hasNextPage endCursor } }
    scenarios { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash }
    history { kind at date txHash blockNumber name }
  }
}`;
export interface MemberDetailData {
  member:
    | (MemberRow & {
        admittedTxHash: string;
        patents: { edges: Array<{ node: { txHash: string; blockNumber: number; applicationNo: string; title: string; filedAt: number; date: string } }>; pageInfo: { hasNextPage: boolean } };
        reports: {
          edges: Array<{
            node: {
              txHash: string;
              blockNumber: number;
              at: number;
              date: string;
              period: number;
              periodLabel: string;
              amount: string;
              superseded: boolean;
              previous: { amount: string; txHash: string } | null;
              supersededBy: { amount: string; txHash: string } | null;
            };
          }>;
          pageInfo: { hasNextPage: boolean };
        };
        scenarios: ScenarioRow[];
        history: Array<{ kind: 'ADMITTED' | 'REMOVED'; at: number; date: string; txHash: string; blockNumber: number; name: string | null }>;
      })
    | null;
}

export interface ScenarioRow {
  id: number;
  name: string;
  nameEn: string;
  nameZh: string;
  sector: string;
  stage: Stage;
  stageSince: number;
  launchedAt: number;
  launchTxHash: string;
}

const SCENARIOS_QUERY = `query Scenarios($stage: ScenarioStage, $first: Int, $after: String) {
  scenarios(stage: $stage, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name nameEn nameZh sector stage stageSince launchedAt launchTxHash leadMember { ${MEMBER_REF} } leadMemberAddress
      stages { txHash blockNumber at date stage previousStage isLaunch } } }
  }
}`;
export interface ScenariosData {
  scenarios: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: Array<{
      node: ScenarioRow & {
        leadMember: MemberRef | null;
        leadMemberAddress: string;
        stages: Array<{ txHash: string; blockNumber: number; at: number; date: string; stage: Stage; previousStage: Stage | null; isLaunch: boolean }>;
      };
    }>;
  };
}

const PATENTS_QUERY = `query Patents($member: String, $from: Timestamp, $to: Timestamp, $first: Int, $after: String) {
  patents(member: $member, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { txHash blockNumber applicationNo title filedAt date member { ${MEMBER_REF} } } }
  }
}`;
export interface PatentRow {
  txHash: string;
  blockNumber: number;
  applicationNo: string;
  title: string;
  filedAt: number;
  date: string;
  member: MemberRef | null;
}
export interface PatentsData {
  patents: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: Array<{ node: PatentRow }>;
  };
}

const MEMBER_OPTIONS_QUERY = `query MemberOptions($after: String) {
  members(first: 100, after: $after, includeRemoved: true) { pageInfo { hasNextPage endCursor } edges { node { address name nameEn nameZh } } }
}`;
export interface MemberOptionsData {
  members: { pageInfo: PageInfo; edges: Array<{ node: MemberRef }> };
}

const QUARTER_REPORTS_QUERY = `query QuarterReports($period: Int!, $first: Int, $after: String) {
  outputReports(period: $period, includeSuperseded: true, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { __typename txHash blockNumber logIndex at time date member { ${MEMBER_REF} } period periodLabel amount superseded } }
  }
}`;
export interface QuarterReportsData {
  outputReports: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: Array<{ cursor: string; node: EvidenceNode }>;
  };
}

type Page = { first?: number; after?: string | null };
type Period = { period?: string | null };
type EvidenceVars = { id: KpiId; from?: number | null; to?: number | null; member?: string | null; sector?: string | null; region?: Region | null; country?: string | null; countedOnly?: boolean };
type MembersVars = { orderBy?: 'NAME' | 'PATENTS' | 'OUTPUT_VALUE' | 'ADMITTED_AT'; includeRemoved?: boolean; region?: Region; sector?: string };
type Region = MemberRow['region'];

export const allianceResources = registerResources({
  dashboard: defineResource<Period, DashboardData>(DASHBOARD_QUERY),
  kpiSeries: defineResource<{ id: KpiId; interval?: Interval } & Period, SeriesData>(SERIES_QUERY),
  kpiBreakdown: defineResource<{ id: KpiId; by: BreakdownBy; limit?: number } & Period, BreakdownData>(BREAKDOWN_QUERY),
  quarterlyOutput: defineResource<Period, QuarterlyData>(QUARTERLY_QUERY),
  scenarioPipeline: defineResource<Record<string, never>, PipelineData>(PIPELINE_QUERY),
  embedStatus: defineResource<Record<string, never>, StatusData>(STATUS_QUERY),
  embedChainStats: defineResource<{ metric: ChainStatsMetric; interval?: Interval; from?: number }, ChainStatsData>(CHAIN_STATS_QUERY),
  kpiEvidence: defineResource<EvidenceVars & Period & Page, EvidenceData>(EVIDENCE_QUERY),
  members: defineResource<MembersVars & Page, MembersData>(MEMBERS_QUERY),
  member: defineResource<{ address: string }, MemberDetailData>(MEMBER_QUERY),
  scenarios: defineResource<{ stage?: Stage | null } & Page, ScenariosData>(SCENARIOS_QUERY),
  patents: defineResource<{ member?: string | null; from?: number | null; to?: number | null } & Page, PatentsData>(PATENTS_QUERY),
  memberOptions: defineResource<{ after?: string | null }, MemberOptionsData>(MEMBER_OPTIONS_QUERY),
  quarterReports: defineResource<{ period: number } & Page, QuarterReportsData>(QUARTER_REPORTS_QUERY),
});

type AllianceResources = typeof allianceResources;
declare module '../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends AllianceResources {}
}
