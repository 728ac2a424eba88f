// Registry events, decoded from a node's logs or read back from an evidence file, as the
// registry's table rows: so `yuscan audit` feeds the API's own allianceStateFromRows and
// applies the very rules the API applies. Pure.
import type { Hex } from 'viem';
import { decodeRegistryLog } from '../../indexer/decode';
import { pushAllianceRow, type AllianceTables } from '../../indexer/rows';
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

/** The events as the registry's table rows, built by the indexer's own mapping. */
export function registryRows(events: Iterable<RegistryEvent>): AllianceRows {
  const t: AllianceTables = { memberEvents: [], patents: [], outputReports: [], scenarios: [], scenarioStages: [], kpiTargets: [] };
  for (const e of events) pushAllianceRow(t, e.event, e.values, { block_number: e.blockNumber, log_index: e.logIndex, tx_hash: e.txHash });
  // The block's time of a patent is shown, never counted (a patent counts by filedAt): not fetched.
  return { ...t, patents: t.patents.map((p) => ({ ...p, timestamp: null })) } as AllianceRows;
}
