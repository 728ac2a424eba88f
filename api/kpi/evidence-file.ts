// A KPI's evidence as a file anyone can check against a node (`yuscan audit --evidence`):
// where and when it was taken (chain id, registry, block height), the figure and the rule
// that decided its status, and every record of the KPI's ledger with the log that proves it
// (transaction, block number and hash, log index) and the event's values as decoded. Pure.
import type { KpiId, KpiStatus } from '../generated/enums';
import type { KpiModel, LedgerEntry, RegistryEventModel } from '../models';
import { STATUS_FLOORS } from '../../rules/kpi';
import { toCsv } from '../../web/alliance/lib/csv';
import { byChainOrder } from './ledger';

export const EVIDENCE_FORMAT = 'yuscan-kpi-evidence/1';

/** One registry log: an event's name and its arguments by ABI name, every value as a string. */
export interface EvidenceRecord {
  event: string;
  txHash: string;
  blockNumber: number;
  blockHash: string;
  logIndex: number;
  values: Record<string, string>;
  /** Whether it counts toward the figure, and the change it made when it happened. */
  counted: boolean;
  delta: string;
}

export interface EvidenceFile {
  format: typeof EVIDENCE_FORMAT;
  chainId: number;
  registry: string;
  blockHeight: number;
  blockHash: string;
  /** The time of blockHeight: the figure stands at it (or at the period end, once passed). */
  asOf: number;
  kpi: KpiId;
  period: { id: string; start: number; end: number };
  target: string;
  figure: string;
  startLevel: string;
  projectedAtEnd: string | null;
  status: KpiStatus;
  statusRule: string;
  /** Chain order (block, log index). */
  records: EvidenceRecord[];
}

export const STATUS_RULE = `ACHIEVED when figure >= target; MISSED when the period has ended short; otherwise by projectedAtEnd (startLevel + the pace since the period began, to its end) as a share of the target: ${STATUS_FLOORS.map((f) => `${f.status} >= ${f.percent} %`).join(', ')}, else BEHIND.`;

const STAGE_INDEX = { PILOT: 0, IN_DEPTH: 1, RETIRED: 2 } as const;

/** The event a registry record was decoded from: its name and arguments, as the ABI names them. */
export function eventOf(r: RegistryEventModel): { event: string; values: Record<string, string> } {
  switch (r.kind) {
    case 'patent':
      return { event: 'PatentFiled', values: { member: r.member, applicationNo: r.applicationNoHex, title: r.title, filedAt: String(r.filedAt) } };
    case 'report':
      return { event: 'OutputReported', values: { member: r.member, period: String(r.period), amountCny: r.amount.toString(), at: String(r.at) } };
    case 'stage':
      // A launch enters the ledger as PILOT without moving a KPI (scenarioLedger skips it).
      if (r.isLaunch) throw new Error(`scenario ${r.scenarioId}'s launch is not a KPI record`);
      return { event: 'ScenarioStageChanged', values: { scenarioId: String(r.scenarioId), stage: String(STAGE_INDEX[r.stage]), at: String(r.at) } };
    case 'membership':
      return r.change === 'admitted'
        ? { event: 'MemberAdmitted', values: { member: r.member, name: r.name ?? '', country: r.country ?? '', sector: r.sector ?? '', at: String(r.at) } }
        : { event: 'MemberRemoved', values: { member: r.member, at: String(r.at) } };
  }
}

export function evidenceRecord(e: LedgerEntry, blockHash: string): EvidenceRecord {
  const r = e.record;
  return { ...eventOf(r), txHash: r.txHash, blockNumber: r.blockNumber, blockHash, logIndex: r.logIndex, counted: e.counted, delta: e.delta.toString() };
}

export function evidenceFile(
  k: KpiModel,
  at: { chainId: number; registry: string; blockHeight: number; blockHash: string },
  blockHashOf: (blockNumber: number) => string,
): EvidenceFile {
  return {
    format: EVIDENCE_FORMAT,
    ...at,
    asOf: k.asOf,
    kpi: k.id,
    period: { id: k.period, start: k.periodStart, end: k.periodEnd },
    target: k.target.toString(),
    figure: k.current.toString(),
    startLevel: k.startLevel.toString(),
    projectedAtEnd: k.projectedAtEnd?.toString() ?? null,
    status: k.status,
    statusRule: STATUS_RULE,
    records: [...k.entries].sort((a, b) => byChainOrder(a.record, b.record)).map((e) => evidenceRecord(e, blockHashOf(e.record.blockNumber))),
  };
}

/** The same records as CSV: one row per record, its values as name=value pairs; the header lines say where it was taken. */
export function evidenceCsv(f: EvidenceFile): string {
  const header = ['event', 'tx_hash', 'block_number', 'block_hash', 'log_index', 'values', 'counted', 'delta'];
  const rows = f.records.map((r) => [
    r.event, r.txHash, r.blockNumber, r.blockHash, r.logIndex,
    Object.entries(r.values).map(([k, v]) => `${k}=${v}`).join('; '),
    r.counted, r.delta,
  ]);
  const meta = toCsv(
    ['chain_id', 'registry', 'block_height', 'block_hash', 'kpi', 'period', 'target', 'figure', 'status'],
    [[f.chainId, f.registry, f.blockHeight, f.blockHash, f.kpi, f.period.id, f.target, f.figure, f.status]],
  );
  return `${meta}\r\n${toCsv(header, rows)}`;
}
