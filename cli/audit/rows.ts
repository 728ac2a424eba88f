// Registry events, decoded from a node's logs or read back from an evidence file, as the
// registry's table rows: so `yuscan audit` feeds the API's own allianceStateFromRows and
// applies the very rules the API applies. Pure.
import type { Hex } from 'viem';
import { decodeRegistryLog } from '../../indexer/decode';
import type { AllianceRows } from '../../api/state';

/** One registry event: its name and arguments by ABI name (values as strings), and where it was logged. */
export interface RegistryEvent {
  event: string;
  values: Record<string, string>;
  blockNumber: number;
  blockHash: string;
  logIndex: number;
  txHash: string;
}

export interface RpcLog {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  logIndex: Hex;
  transactionHash: Hex;
}

/** A registry log decoded (as the indexer decodes it); null for a log that is none of the registry's events. */
export function decodeRegistryEvent(log: RpcLog): RegistryEvent | null {
  const decoded = decodeRegistryLog(log.topics, log.data);
  if (!decoded) return null;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(decoded.args)) values[k] = String(v);
  return {
    event: decoded.name,
    values,
    blockNumber: Number(BigInt(log.blockNumber)),
    blockHash: log.blockHash.toLowerCase(),
    logIndex: Number(BigInt(log.logIndex)),
    txHash: log.transactionHash.toLowerCase(),
  };
}

export function emptyRows(): AllianceRows {
  return { memberEvents: [], patents: [], outputReports: [], scenarios: [], scenarioStages: [], kpiTargets: [] };
}

/** Add each event to its table; events that do not bear on the KPIs (nodes) are skipped. */
export function registryRows(events: Iterable<RegistryEvent>, rows: AllianceRows = emptyRows()): AllianceRows {
  for (const e of events) {
    const a = e.values;
    const key = { block_number: e.blockNumber, log_index: e.logIndex, tx_hash: e.txHash };
    switch (e.event) {
      case 'MemberAdmitted':
        rows.memberEvents.push({ ...key, member: a.member!, kind: 'admitted', name: a.name!, country: a.country!, sector: a.sector!, at: Number(a.at) });
        break;
      case 'MemberRemoved':
        rows.memberEvents.push({ ...key, member: a.member!, kind: 'removed', name: null, country: null, sector: null, at: Number(a.at) });
        break;
      case 'TargetSet':
        rows.kpiTargets.push({ ...key, kpi: a.kpi! /* bytes32; allianceStateFromRows names it */, target: a.target!, period_start: Number(a.periodStart), period_end: Number(a.periodEnd) });
        break;
      case 'PatentFiled':
        // The block's time is shown, never counted (a patent counts by filedAt): not fetched.
        rows.patents.push({ ...key, member: a.member!, application_no: a.applicationNo!, title: a.title!, filed_at: Number(a.filedAt), timestamp: null });
        break;
      case 'ScenarioLaunched':
        rows.scenarios.push({ ...key, scenario_id: Number(a.scenarioId), lead_member: a.leadMember!, name: a.name!, sector: a.sector!, launched_at: Number(a.at) });
        break;
      case 'ScenarioStageChanged':
        rows.scenarioStages.push({ ...key, scenario_id: Number(a.scenarioId), stage: Number(a.stage), at: Number(a.at) });
        break;
      case 'OutputReported':
        rows.outputReports.push({ ...key, member: a.member!, period: Number(a.period), amount_cny: a.amountCny!, at: Number(a.at) });
        break;
    }
  }
  return rows;
}
