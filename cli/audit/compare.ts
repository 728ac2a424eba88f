// `yuscan audit --against URL` and `--evidence FILE`: what differs, named one per line. Pure.
import { z } from 'zod';
import { EVIDENCE_FORMAT, evidenceRecord, type EvidenceFile, type EvidenceRecord } from '../../api/kpi/evidence-file';
import { allianceStateFromRows, KPI_BY_KEY } from '../../api/state';
import { byChainOrder } from '../../api/kpi/ledger';
import type { KpiModel } from '../../api/models';
import type { KpiKey } from '../../config/constants';
import { auditFigures, type AuditedKpi } from './figures';
import { registryRows, type RegistryEvent } from './rows';

/** A KPI as a running yuscan's GraphQL states it. */
export interface ApiKpi {
  id: string;
  period: string;
  current: string;
  target: string;
  status: string;
  startLevel: string;
  projectedAtEnd: string | null;
}

export const eventKey = (r: { blockNumber: number; logIndex: number }) => `${r.blockNumber}:${r.logIndex}`;

/** The audit's records for a KPI, as an evidence file lists them (block hashes from the node's logs). */
export function auditRecords(k: KpiModel, logs: ReadonlyMap<string, RegistryEvent>): EvidenceRecord[] {
  return [...k.entries]
    .sort((a, b) => byChainOrder(a.record, b.record))
    .map((e) => evidenceRecord(e, logs.get(eventKey(e.record))?.blockHash ?? ''));
}

const FIELDS = [
  ['figure', 'current'],
  ['target', 'target'],
  ['status', 'status'],
  ['startLevel', 'startLevel'],
  ['projectedAtEnd', 'projectedAtEnd'],
] as const satisfies ReadonlyArray<readonly [keyof AuditedKpi, keyof ApiKpi]>;

/** Each figure that differs, each KPI only one side has. */
export function compareFigures(mine: AuditedKpi[], theirs: ApiKpi[], where: string): string[] {
  const out: string[] = [];
  const byKey = new Map(theirs.map((k) => [`${k.period} ${k.id}`, k]));
  for (const m of mine) {
    const label = `${m.period} ${m.kpi}`;
    const t = byKey.get(label);
    byKey.delete(label);
    if (!t) {
      out.push(`${label}: the node has it, ${where} does not`);
      continue;
    }
    for (const [a, b] of FIELDS) if (m[a] !== t[b]) out.push(`${label}: ${a} is ${m[a] ?? 'null'} on the node, ${t[b] ?? 'null'} at ${where}`);
  }
  for (const label of byKey.keys()) out.push(`${label}: ${where} has it, the node does not`);
  return out;
}

const describeRecord = (r: EvidenceRecord) => `${r.event} in tx ${r.txHash} (block ${r.blockNumber}, log ${r.logIndex})`;

function recordDiff(a: EvidenceRecord, b: EvidenceRecord): string | null {
  // What was logged first, then what the rules derive from it.
  for (const f of ['event', 'txHash', 'blockHash'] as const) if (a[f] !== b[f]) return `${f} is ${a[f]} on the node, ${b[f]}`;
  for (const k of new Set([...Object.keys(a.values), ...Object.keys(b.values)])) {
    if (a.values[k] !== b.values[k]) return `${k} is ${a.values[k] ?? '(none)'} on the node, ${b.values[k] ?? '(none)'}`;
  }
  for (const f of ['counted', 'delta'] as const) if (a[f] !== b[f]) return `${f} is ${String(a[f])} on the node, ${String(b[f])}`;
  return null;
}

/** Each record that differs, is missing or is extra in `theirs`. */
export function compareRecords(label: string, mine: EvidenceRecord[], theirs: EvidenceRecord[], where: string): string[] {
  const out: string[] = [];
  const byKey = new Map(theirs.map((r) => [eventKey(r), r]));
  for (const m of mine) {
    const t = byKey.get(eventKey(m));
    byKey.delete(eventKey(m));
    if (!t) out.push(`${label}: evidence ${describeRecord(m)} is missing at ${where}`);
    else {
      const d = recordDiff(m, t);
      if (d) out.push(`${label}: evidence ${describeRecord(m)}: ${d} at ${where}`);
    }
  }
  for (const t of byKey.values()) out.push(`${label}: evidence ${describeRecord(t)} at ${where} is not on the node`);
  return out;
}

const decimal = z.string().regex(/^-?\d+$/, 'a decimal integer');
const evidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  chainId: z.number().int(),
  registry: z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((a) => a.toLowerCase()),
  blockHeight: z.number().int().min(0),
  blockHash: z.string(),
  asOf: z.number().int(),
  kpi: z.enum(['PATENTS', 'SCENARIOS', 'OUTPUT_VALUE', 'MEMBERS']),
  period: z.object({ id: z.string(), start: z.number().int(), end: z.number().int() }),
  target: decimal,
  figure: decimal,
  startLevel: decimal,
  projectedAtEnd: decimal.nullable(),
  status: z.enum(['ACHIEVED', 'AHEAD', 'ON_TRACK', 'AT_RISK', 'BEHIND', 'MISSED']),
  statusRule: z.string(),
  records: z.array(
    z.object({
      event: z.string(),
      txHash: z.string(),
      blockNumber: z.number().int().min(0),
      blockHash: z.string(),
      logIndex: z.number().int().min(0),
      values: z.record(z.string(), z.string()),
      counted: z.boolean(),
      delta: decimal,
    }),
  ),
});

/** An evidence file's JSON, validated; throws naming the first field that is not as the format says. */
export function parseEvidenceFile(json: unknown): EvidenceFile {
  const r = evidenceSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`not a yuscan evidence file (${EVIDENCE_FORMAT}): ${i.path.join('.') || 'the file'}: ${i.message}`);
  }
  return r.data as EvidenceFile;
}

/** The first record of the file that the node's logs do not bear out, or null. */
export function firstUnprovenRecord(file: EvidenceFile, logs: ReadonlyMap<string, RegistryEvent>): string | null {
  for (const [i, r] of file.records.entries()) {
    const at = `record ${i + 1} of ${file.records.length} (${describeRecord(r)})`;
    const log = logs.get(eventKey(r));
    if (!log) return `${at}: the registry logged no event there up to block ${file.blockHeight}`;
    if (log.blockHash !== r.blockHash.toLowerCase()) return `${at}: block hash is ${log.blockHash} on the node, ${r.blockHash} in the file`;
    if (log.txHash !== r.txHash.toLowerCase()) return `${at}: transaction is ${log.txHash} on the node, ${r.txHash} in the file`;
    if (log.event !== r.event) return `${at}: the event is ${log.event} on the node`;
    for (const k of new Set([...Object.keys(log.values), ...Object.keys(r.values)])) {
      if (log.values[k] !== r.values[k]) return `${at}: ${k} is ${log.values[k] ?? '(none)'} on the node, ${r.values[k] ?? '(none)'} in the file`;
    }
  }
  return null;
}

const KEY_BY_KPI = Object.fromEntries(Object.entries(KPI_BY_KEY).map(([key, id]) => [id, key])) as Record<string, KpiKey>;

/**
 * The file's own records under the rules: its figure and status recomputed from them alone
 * (with its period and target), then each way it differs from what the file states.
 */
export function recomputeFromFile(file: EvidenceFile): string[] {
  const rows = registryRows(file.records.map((r) => ({ ...r, txHash: r.txHash.toLowerCase() })));
  rows.kpiTargets.push({ block_number: 0, log_index: 0, tx_hash: '', kpi: KEY_BY_KPI[file.kpi]!, target: file.target, period_start: file.period.start, period_end: file.period.end });
  const state = allianceStateFromRows(rows, file.asOf);
  const [k] = auditFigures(state, state.periods);
  if (!k) return [`the file's period ${file.period.id} has no target`];
  const out: string[] = [];
  if (k.figure !== file.figure) out.push(`the records add up to ${k.figure} under the rules, not the stated figure ${file.figure}`);
  if (k.status !== file.status) out.push(`under the rules the status is ${k.status}, not the stated ${file.status}`);
  const stated = new Map(file.records.map((r) => [eventKey(r), r]));
  for (const e of k.model.entries) {
    const r = stated.get(eventKey(e.record))!;
    if (r.delta !== e.delta.toString() || r.counted !== e.counted) {
      return [...out, `${describeRecord(r)}: under the rules it changes the figure by ${e.delta} and ${e.counted ? 'counts' : 'does not count'}; the file says ${r.delta}, ${r.counted ? 'counts' : 'does not count'}`];
    }
  }
  return out;
}
