// The shapes resolvers pass around (codegen "mappers"): database rows for chain data and
// in-memory models for the registry, which is small and loaded once per indexed head.
// A leaf: it imports only table and generated enum types, so every API module may use it.
import type { BlocksTable, LogsTable, TransactionsTable, AccountsTable, VerifiedContractsTable } from '../db/schema';
import type { DecodeSource, KpiId, KpiStatus, ScenarioStage } from './generated/enums';

export type BlockRow = BlocksTable;
export type TxRow = TransactionsTable;
/** A log with its transaction's hash, joined from transactions (logs do not store it). */
export type LogRow = LogsTable & { tx_hash: string };

export interface AccountModel {
  address: string;
  row: AccountsTable | undefined;
}

/** Fields every registry event carries. */
export interface EventBase {
  blockNumber: number;
  logIndex: number;
  txHash: string;
  /** Block time of the event. */
  at: number;
  /** The time KPIs attribute it to (filedAt for patents, else at). */
  time: number;
  /** Member concerned (lead member for scenarios). */
  member: string;
}

export interface MembershipModel extends EventBase {
  kind: 'membership';
  change: 'admitted' | 'removed';
  name: string | null;
  country: string | null;
  sector: string | null;
}

export interface PatentModel extends EventBase {
  kind: 'patent';
  applicationNoHex: string;
  applicationNo: string;
  title: string;
  filedAt: number;
}

export interface ReportModel extends EventBase {
  kind: 'report';
  period: number;
  amount: bigint;
  superseded: boolean;
  supersededBy: ReportModel | null;
  previous: ReportModel | null;
}

export interface StageChangeModel extends EventBase {
  kind: 'stage';
  scenarioId: number;
  stage: ScenarioStage;
  previousStage: ScenarioStage | null;
  isLaunch: boolean;
}

export type RegistryEventModel = MembershipModel | PatentModel | ReportModel | StageChangeModel;

export interface ScenarioModel {
  id: number;
  name: string;
  sector: string;
  leadMember: string;
  launchedAt: number;
  launchTxHash: string;
  stage: ScenarioStage;
  stageSince: number;
  stages: StageChangeModel[];
}

export interface MemberModel {
  address: string;
  name: string;
  country: string;
  sector: string;
  admittedAt: number;
  admittedTxHash: string;
  removedAt: number | null;
  active: boolean;
  patentCount: number;
  outputValue: bigint;
  history: MembershipModel[];
}

export interface StatusModel {
  chainId: number;
  chainHead: number;
  indexedHead: number;
  registry: string | null;
  latestBlockTime: number | null;
  latestBlockHash: string | null;
  updatedAt: number | null;
  traceMethod: string | null;
  balancesExactFrom: number | null;
}

/** A record that moves (or could move) a KPI, with the change it made (see kpi/ledger.ts). */
export interface LedgerEntry {
  record: RegistryEventModel;
  /** The time the KPI attributes the entry to. */
  time: number;
  delta: bigint;
  counted: boolean;
  contribution: bigint;
}

export interface TargetModel {
  kpi: KpiId;
  target: bigint;
  periodStart: number;
  periodEnd: number;
  txHash: string;
  blockNumber: number;
  logIndex: number;
}

export interface PeriodModel {
  id: string;
  start: number;
  end: number;
  /** Latest target per KPI in this period. */
  targets: Map<KpiId, TargetModel>;
}

/**
 * What a KPI's field resolvers need of the registry at its head: memoisation and lookups,
 * not the whole state (api/state.ts implements it).
 */
export interface RegistryView {
  cached<T>(key: string, compute: () => T): T;
  readonly members: ReadonlyMap<string, MemberModel>;
  readonly scenarios: ReadonlyMap<number, ScenarioModel>;
}

export interface KpiModel {
  id: KpiId;
  period: string;
  current: bigint;
  target: bigint;
  periodStart: number;
  periodEnd: number;
  progress: number;
  expectedProgress: number;
  status: KpiStatus;
  /** The figure when the period began (0 for a flow); the pace counts from it. */
  startLevel: bigint;
  /** The figure at period end at the current pace (rules/kpi.ts projectKpi), or null. */
  projectedAtEnd: bigint | null;
  /** The period has ended: the figure is final (ACHIEVED or MISSED). */
  ended: boolean;
  /** When the figure first reached the target, or null. */
  reachedAt: number | null;
  /** The time the figure stands at: asOf, or the period end once it has passed. */
  figureAt: number;
  asOf: number;
  targetTxHash: string;
  entries: LedgerEntry[];
  registry: RegistryView;
}

/** A breakdown slice, as the KPI maths computes it (kpi/series.ts). */
export interface SliceModel {
  key: string;
  label: string;
  member: string | null;
  value: bigint;
  share: number;
  isRest: boolean;
}

export interface EvidenceEdgeModel {
  cursor: string;
  node: RegistryEventModel;
  counted: boolean;
  delta: bigint;
}

/** The Alliance root object carries nothing: its fields read the per-head state. */
export type AllianceModel = Record<string, never>;

export interface DecodedModel {
  name: string;
  args: Array<{ name: string; value: string }>;
  /** Absent for registry decodes made where only the registry is known. */
  source?: DecodeSource;
  signature?: string | null;
}

export type VerifiedContractModel = VerifiedContractsTable;
