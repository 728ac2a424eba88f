// The registry (members, targets, patents, scenarios, reports) is small — thousands of rows,
// not millions — so it is read whole into memory once per indexed head, and every KPI figure,
// series and breakdown is computed from it and memoised on it. Nothing else is cached.
import type { Kysely } from 'kysely';
import type {
  Database, KpiTargetsTable, MemberEventsTable, OutputReportsTable, PatentsTable, ScenariosTable, ScenarioStagesTable,
} from '../db/schema';
import { bytes32ToAscii, kpiFromKey } from '../contracts/registry';
import type { KpiKey } from '../config/constants';
import type { KpiId, ScenarioStage } from './generated/enums';
import type {
  LedgerEntry, MemberModel, MembershipModel, PatentModel, PeriodModel, RegistryView, ReportModel, ScenarioModel, StageChangeModel,
  TargetModel,
} from './models';
import { byChainOrder, linkReports, memberLedger, outputLedger, patentLedger, scenarioLedger } from './kpi/ledger';
import { dateString } from './kpi/time';
import { inForce } from '../rules/kpi';

const STAGES: ScenarioStage[] = ['PILOT', 'IN_DEPTH', 'RETIRED'];
export const KPI_ORDER: KpiId[] = ['PATENTS', 'SCENARIOS', 'OUTPUT_VALUE', 'MEMBERS'];
export const KPI_BY_KEY: Record<KpiKey, KpiId> = {
  patents: 'PATENTS',
  scenarios: 'SCENARIOS',
  outputValue: 'OUTPUT_VALUE',
  members: 'MEMBERS',
};

export function periodId(start: number, end: number): string {
  return `${dateString(start)}_${dateString(end)}`;
}

export class AllianceState implements RegistryView {
  readonly members = new Map<string, MemberModel>();
  readonly membersSorted: MemberModel[] = [];
  /** Newest filing first. */
  readonly patents: PatentModel[] = [];
  /** Newest first (chain order desc). */
  readonly reports: ReportModel[] = [];
  readonly scenarios = new Map<number, ScenarioModel>();
  /** Newest launch first. */
  readonly scenariosSorted: ScenarioModel[] = [];
  readonly periods: PeriodModel[] = [];
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly asOf: number,
    readonly membershipEvents: MembershipModel[],
    patents: PatentModel[],
    reports: ReportModel[],
    readonly stageChanges: StageChangeModel[],
    scenarios: ScenarioModel[],
    targets: TargetModel[],
  ) {
    for (const e of [...membershipEvents].sort(byChainOrder)) {
      let m = this.members.get(e.member);
      if (e.change === 'admitted') {
        if (!m) {
          m = {
            address: e.member, name: '', country: '', sector: '', admittedAt: 0, admittedTxHash: '',
            removedAt: null, active: false, patentCount: 0, outputValue: 0n, history: [],
          };
          this.members.set(e.member, m);
        }
        Object.assign(m, {
          name: e.name ?? '', country: (e.country ?? '').toUpperCase(), sector: e.sector ?? '',
          admittedAt: e.at, admittedTxHash: e.txHash, removedAt: null, active: true,
        });
      } else if (m) {
        m.removedAt = e.at;
        m.active = false;
      }
      m?.history.push(e);
    }
    this.membersSorted.push(...[...this.members.values()].sort((a, b) => a.name.localeCompare(b.name) || a.address.localeCompare(b.address)));

    this.patents.push(...patents.sort((a, b) => b.filedAt - a.filedAt || byChainOrder(b, a)));
    for (const p of patents) {
      const m = this.members.get(p.member);
      if (m) m.patentCount++;
    }
    this.reports.push(...linkReports(reports).reverse());
    for (const r of reports) {
      const m = this.members.get(r.member);
      if (m && !r.superseded) m.outputValue += r.amount;
    }

    for (const s of scenarios) this.scenarios.set(s.id, s);
    for (const c of [...stageChanges].sort(byChainOrder)) {
      const s = this.scenarios.get(c.scenarioId);
      if (!s) continue;
      if (!c.isLaunch) c.previousStage = s.stage;
      s.stage = c.stage;
      s.stageSince = c.at;
      s.stages.push(c);
    }
    this.scenariosSorted.push(...scenarios.sort((a, b) => b.launchedAt - a.launchedAt || b.id - a.id));

    const byPeriod = new Map<string, PeriodModel>();
    for (const t of [...targets].sort(byChainOrder)) {
      const id = periodId(t.periodStart, t.periodEnd);
      let p = byPeriod.get(id);
      if (!p) byPeriod.set(id, (p = { id, start: t.periodStart, end: t.periodEnd, targets: new Map() }));
      p.targets.set(t.kpi, t);
    }
    this.periods.push(...[...byPeriod.values()].sort((a, b) => a.start - b.start || a.end - b.end));
  }

  /** The plan in force: the (latest-starting) period containing asOf; none between or after plans. */
  get currentPeriod(): PeriodModel | undefined {
    return this.periods.filter((p) => inForce(p.start, p.end, this.asOf)).at(-1);
  }

  /** A period by id; without one, the plan in force, or else the latest (the UI says no plan is in force). */
  period(id: string | null | undefined): PeriodModel | undefined {
    if (id == null) return this.currentPeriod ?? this.periods.at(-1);
    return this.periods.find((p) => p.id === id);
  }

  /** Memoise a computation on this head's state. */
  cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  ledger(kpi: KpiId, period: PeriodModel): LedgerEntry[] {
    return this.cached(`ledger:${kpi}:${period.id}`, () => {
      switch (kpi) {
        case 'PATENTS':
          return patentLedger(this.patents, period.start, period.end);
        case 'OUTPUT_VALUE':
          return outputLedger(this.reports, period.start, period.end);
        case 'SCENARIOS':
          return scenarioLedger(this.stageChanges, period.end);
        case 'MEMBERS':
          return memberLedger(this.membershipEvents, period.end);
      }
    });
  }
}

function applicationText(hex: string): string {
  try {
    return bytes32ToAscii(hex as `0x${string}`);
  } catch {
    return hex;
  }
}

/** The registry's tables, as the indexer writes them (a patent row with its block's time, when known). */
export interface AllianceRows {
  memberEvents: MemberEventsTable[];
  patents: Array<PatentsTable & { timestamp: number | null }>;
  outputReports: OutputReportsTable[];
  scenarios: ScenariosTable[];
  scenarioStages: ScenarioStagesTable[];
  kpiTargets: KpiTargetsTable[];
}

/** Read the whole registry. A handful of statements; run once per indexed head. */
export async function loadAllianceState(db: Kysely<Database>, asOf: number): Promise<AllianceState> {
  const [memberEvents, patents, outputReports, scenarios, scenarioStages, kpiTargets] = await Promise.all([
    db.selectFrom('member_events').selectAll().execute(),
    db
      .selectFrom('patents')
      .leftJoin('blocks', 'blocks.number', 'patents.block_number')
      .select(['patents.block_number', 'patents.log_index', 'patents.tx_hash', 'patents.member', 'patents.application_no', 'patents.title', 'patents.filed_at', 'blocks.timestamp'])
      .execute(),
    db.selectFrom('output_reports').selectAll().execute(),
    db.selectFrom('scenarios').selectAll().execute(),
    db.selectFrom('scenario_stages').selectAll().execute(),
    db.selectFrom('kpi_targets').selectAll().execute(),
  ]);
  return allianceStateFromRows({ memberEvents, patents, outputReports, scenarios, scenarioStages, kpiTargets }, asOf);
}

/**
 * The registry state from its rows: the API reads them from the database, `yuscan audit`
 * decodes them from the node's logs. (PostgreSQL returns BIGINT columns as strings, hence
 * the Number()s.)
 */
export function allianceStateFromRows(rows: AllianceRows, asOf: number): AllianceState {
  const { memberEvents: memberRows, patents: patentRows, outputReports: reportRows, scenarios: scenarioRows, scenarioStages: stageRows, kpiTargets: targetRows } = rows;
  const membership: MembershipModel[] = memberRows.map((r) => ({
    kind: 'membership', blockNumber: Number(r.block_number), logIndex: r.log_index, txHash: r.tx_hash,
    at: Number(r.at), time: Number(r.at), member: r.member, change: r.kind, name: r.name, country: r.country, sector: r.sector,
  }));
  const patents: PatentModel[] = patentRows.map((r) => ({
    kind: 'patent', blockNumber: Number(r.block_number), logIndex: r.log_index, txHash: r.tx_hash,
    at: Number(r.timestamp ?? r.filed_at), time: Number(r.filed_at), member: r.member,
    applicationNoHex: r.application_no, applicationNo: applicationText(r.application_no), title: r.title, filedAt: Number(r.filed_at),
  }));
  const reports: ReportModel[] = reportRows.map((r) => ({
    kind: 'report', blockNumber: Number(r.block_number), logIndex: r.log_index, txHash: r.tx_hash,
    at: Number(r.at), time: Number(r.at), member: r.member, period: r.period, amount: BigInt(String(r.amount_cny)),
    superseded: false, supersededBy: null, previous: null,
  }));
  const scenarios: ScenarioModel[] = [];
  const stages: StageChangeModel[] = [];
  for (const r of scenarioRows) {
    const id = Number(r.scenario_id);
    const launch: StageChangeModel = {
      kind: 'stage', blockNumber: Number(r.block_number), logIndex: r.log_index, txHash: r.tx_hash,
      at: Number(r.launched_at), time: Number(r.launched_at), member: r.lead_member,
      scenarioId: id, stage: 'PILOT', previousStage: null, isLaunch: true,
    };
    stages.push(launch);
    scenarios.push({
      id, name: r.name, sector: r.sector, leadMember: r.lead_member, launchedAt: Number(r.launched_at),
      launchTxHash: r.tx_hash, stage: 'PILOT', stageSince: Number(r.launched_at), stages: [],
    });
  }
  const leadOf = new Map(scenarios.map((s) => [s.id, s.leadMember]));
  for (const r of stageRows) {
    const id = Number(r.scenario_id);
    stages.push({
      kind: 'stage', blockNumber: Number(r.block_number), logIndex: r.log_index, txHash: r.tx_hash,
      at: Number(r.at), time: Number(r.at), member: leadOf.get(id) ?? '',
      scenarioId: id, stage: STAGES[r.stage] ?? 'PILOT', previousStage: null, isLaunch: false,
    });
  }
  const targets: TargetModel[] = [];
  for (const r of targetRows) {
    // The indexer may store the key as bytes32 hex or as its ASCII name; accept both.
    const key = (/^0x[0-9a-f]{64}$/i.test(r.kpi) ? kpiFromKey(r.kpi as `0x${string}`) : r.kpi) as KpiKey | undefined;
    const kpi = key ? KPI_BY_KEY[key] : undefined;
    if (!kpi) continue;
    targets.push({
      kpi, target: BigInt(String(r.target)), periodStart: Number(r.period_start), periodEnd: Number(r.period_end),
      txHash: r.tx_hash, blockNumber: Number(r.block_number), logIndex: r.log_index,
    });
  }
  return new AllianceState(asOf, membership, patents, reports, stages, scenarios, targets);
}
