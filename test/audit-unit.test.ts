// The audit's pure parts: registry events to rows, the API's state and rules over them, and
// the comparisons that name what differs. No node, no database.
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, encodeEventTopics, type Hex } from 'viem';
import { allianceRegistryAbi, kpiKey } from '../contracts/registry';
import { allianceStateFromRows } from '../api/state';
import { EVIDENCE_FORMAT, evidenceFile, type EvidenceFile } from '../api/kpi/evidence-file';
import { auditFigures, auditPeriods, auditTable } from '../cli/audit/figures';
import { decodeRegistryEvent, registryRows, type RegistryEvent } from '../cli/audit/rows';
import { auditRecords, compareFigures, compareRecords, eventKey, firstUnprovenRecord, parseEvidenceFile, recomputeFromFile } from '../cli/audit/compare';

const T = (iso: string) => Date.parse(iso) / 1000;
const START = T('2025-01-01T00:00:00Z');
const END = T('2027-01-01T00:00:00Z');
const NOW = T('2026-01-01T00:00:00Z'); // half-way
const LEAD = '0x00000000000000000000000000000000000000aa';

let n = 0;
const ev = (event: string, values: Record<string, string | number>): RegistryEvent => {
  n++;
  return { event, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])), blockNumber: n, blockHash: `0x${n.toString(16).padStart(64, '0')}`, logIndex: 0, txHash: `0x${(1000 + n).toString(16).padStart(64, '0')}` };
};

// Scenarios: 4 launched before the period, 2 of them in depth then (the start level); during
// the period one more goes in depth, and one of the first two retires: 2 + 1 - 1 = 2.
const events: RegistryEvent[] = [
  ev('TargetSet', { kpi: kpiKey('scenarios'), target: 4, periodStart: START, periodEnd: END }),
  ...[1, 2, 3, 4].map((id) => ev('ScenarioLaunched', { scenarioId: id, leadMember: LEAD, name: `S${id}`, sector: 'finance', at: START - 400 })),
  ev('ScenarioStageChanged', { scenarioId: 1, stage: 1, at: START - 300 }),
  ev('ScenarioStageChanged', { scenarioId: 2, stage: 1, at: START - 200 }),
  ev('ScenarioStageChanged', { scenarioId: 3, stage: 1, at: START + 100 }),
  ev('ScenarioStageChanged', { scenarioId: 1, stage: 2, at: START + 200 }),
  ev('NodeRegistered', { member: LEAD, node: LEAD, label: 'n', at: START }),
];
const state = allianceStateFromRows(registryRows(events), NOW);
const [scenarios] = auditFigures(state, auditPeriods(state, undefined));
const logs = new Map(events.map((e) => [eventKey(e), e]));
const at = { chainId: 7, registry: '0x00000000000000000000000000000000000000bb', blockHeight: n, blockHash: '0xhead' };
const file: EvidenceFile = evidenceFile(scenarios!.model, at, (b) => logs.get(`${b}:0`)!.blockHash);

describe('audit figures from registry events', () => {
  it('applies the API rules: a stock from its level at the period start', () => {
    expect(scenarios).toMatchObject({ kpi: 'SCENARIOS', figure: '2', target: '4', startLevel: '2', projectedAtEnd: '2', status: 'BEHIND', evidence: 4, counted: 2 });
    expect(auditTable([scenarios!]).split('\n')[2]).toMatch(/SCENARIOS\s+2\s+4\s+BEHIND\s+2\s+4 \(2\)$/);
    expect(() => auditPeriods(state, '2020-01-01_2021-01-01')).toThrow(/no such plan period; it has 2025-01-01_2027-01-01/);
  });
  it('decodes a registry log as the indexer does, and nothing else', () => {
    const topics = encodeEventTopics({ abi: allianceRegistryAbi, eventName: 'OutputReported', args: { member: '0x00000000000000000000000000000000000000AA', period: 20252 } });
    const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint64' }], [123n, 99n]);
    const log = { address: at.registry, topics: topics as Hex[], data, blockNumber: '0x10' as Hex, blockHash: '0xAB' as Hex, logIndex: '0x2' as Hex, transactionHash: '0xCD' as Hex };
    expect(decodeRegistryEvent(log)).toEqual({ event: 'OutputReported', values: { member: LEAD, period: '20252', amountCny: '123', at: '99' }, blockNumber: 16, blockHash: '0xab', logIndex: 2, txHash: '0xcd' });
    expect(decodeRegistryEvent({ ...log, topics: [`0x${'1'.repeat(64)}`] })).toBeNull();
  });
});

describe('comparing with a running yuscan', () => {
  const api = { id: 'SCENARIOS', period: scenarios!.period, current: '2', target: '4', status: 'BEHIND', startLevel: '2', projectedAtEnd: '2' };
  it('names each figure that differs, and each KPI only one side has', () => {
    expect(compareFigures([scenarios!], [api], 'http://x')).toEqual([]);
    expect(compareFigures([scenarios!], [{ ...api, current: '3', status: 'AT_RISK' }, { ...api, id: 'MEMBERS' }], 'http://x')).toEqual([
      `${api.period} SCENARIOS: figure is 2 on the node, 3 at http://x`,
      `${api.period} SCENARIOS: status is BEHIND on the node, AT_RISK at http://x`,
      `${api.period} MEMBERS: http://x has it, the node does not`,
    ]);
  });
  it('names a changed value before what the rules derive from it, and missing or extra records', () => {
    const mine = auditRecords(scenarios!.model, logs);
    expect(mine).toEqual(file.records);
    const theirs = structuredClone(mine);
    theirs[0]!.values.stage = '2';
    theirs[0]!.delta = '0';
    const extra = { ...theirs[1]!, logIndex: 5 };
    const diffs = compareRecords('P SCENARIOS', mine, [...theirs.slice(0, 3), extra], 'http://x');
    expect(diffs).toEqual([
      `P SCENARIOS: evidence ScenarioStageChanged in tx ${mine[0]!.txHash} (block ${mine[0]!.blockNumber}, log 0): stage is 1 on the node, 2 at http://x`,
      `P SCENARIOS: evidence ScenarioStageChanged in tx ${mine[3]!.txHash} (block ${mine[3]!.blockNumber}, log 0) is missing at http://x`,
      `P SCENARIOS: evidence ScenarioStageChanged in tx ${extra.txHash} (block ${extra.blockNumber}, log 5) at http://x is not on the node`,
    ]);
  });
});

describe('an evidence file', () => {
  it('states where it was taken, the figure and every record with its log', () => {
    expect(file).toMatchObject({ format: EVIDENCE_FORMAT, chainId: 7, kpi: 'SCENARIOS', figure: '2', startLevel: '2', status: 'BEHIND' });
    expect(file.records.map((r) => [r.values.scenarioId, r.values.stage, r.delta, r.counted])).toEqual([['1', '1', '1', false], ['2', '1', '1', true], ['3', '1', '1', true], ['1', '2', '-1', false]]);
    expect(parseEvidenceFile(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(() => parseEvidenceFile({ ...file, records: [{ ...file.records[0], delta: 'x' }] })).toThrow(/records\.0\.delta/);
  });
  it('holds record by record, and adds up under the rules from its records alone (no launches needed)', () => {
    expect(firstUnprovenRecord(file, logs)).toBeNull();
    expect(recomputeFromFile(file)).toEqual([]);
  });
  it('names the first record whose value the node does not bear out', () => {
    const bad = structuredClone(file);
    bad.records[2]!.values.stage = '0';
    expect(firstUnprovenRecord(bad, logs)).toBe(`record 3 of 4 (ScenarioStageChanged in tx ${file.records[2]!.txHash} (block ${file.records[2]!.blockNumber}, log 0)): stage is 1 on the node, 0 in the file`);
    const moved = structuredClone(file);
    moved.records[1]!.blockHash = `0x${'f'.repeat(64)}`;
    expect(firstUnprovenRecord(moved, logs)).toMatch(/^record 2 of 4 .*: block hash is 0x0+\w+ on the node, 0xf+ in the file$/);
  });
  it('does not add up when its figure or a record is dropped', () => {
    expect(recomputeFromFile({ ...file, figure: '3' })).toEqual(['the records add up to 2 under the rules, not the stated figure 3']);
    const dropped = { ...file, records: file.records.filter((_, i) => i !== 3) };
    expect(recomputeFromFile(dropped)[0]).toBe('the records add up to 3 under the rules, not the stated figure 2');
  });
});
