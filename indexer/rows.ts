// Fetched blocks -> table rows. Pure: no I/O, no clock, so it is tested directly and the
// writer stays a dumb loop over rows.
import type { Insertable } from 'kysely';
import type { Hex } from 'viem';
import { kpiFromKey, bytes32ToAscii } from '../contracts/registry';
import type {
  AccountsTable, AddressTransactionsTable, BlocksTable, DailyStatsTable, KpiTargetsTable, LogsTable, MemberEventsTable,
  OutputReportsTable, PatentsTable, ScenarioStagesTable, ScenariosTable, TransactionsTable,
} from '../db/schema';
import { buildAccountTokenRows, type AccountTokenRows } from './account-rows';
import { decodeRegistryCall, decodeRegistryLog } from './decode';
import type { FetchedBlock } from './fetch';

export const SECONDS_PER_DAY = 86_400;
export const dayOf = (timestamp: number) => Math.floor(timestamp / SECONDS_PER_DAY);

/** One batch's contribution to a day's aggregates; active accounts are counted apart. */
export type DayDelta = Omit<DailyStatsTable, 'active_accounts' | 'active_week' | 'active_month' | 'active_quarter'>;

export interface BatchRows {
  blocks: Insertable<BlocksTable>[];
  transactions: Insertable<TransactionsTable>[];
  /** With their transaction's hash, for the registry's rows: not a column of logs. */
  logs: (Insertable<LogsTable> & { tx_hash: string })[];
  addressTransactions: Insertable<AddressTransactionsTable>[];
  /** One row per address, aggregated over the batch: tx_count is this batch's share. */
  accounts: Insertable<AccountsTable>[];
  memberEvents: Insertable<MemberEventsTable>[];
  kpiTargets: Insertable<KpiTargetsTable>[];
  patents: Insertable<PatentsTable>[];
  scenarios: Insertable<ScenariosTable>[];
  scenarioStages: Insertable<ScenarioStagesTable>[];
  outputReports: Insertable<OutputReportsTable>[];
  days: DayDelta[];
  /** Distinct (day, address) pairs seen in this batch. */
  activeAccounts: { day: number; address: string }[];
  txCount: number;
  /** Balances, tokens and internal transactions: from the blocks' extras. */
  accountsTokens: AccountTokenRows;
}

const num = (h: string | undefined | null): number => (h ? parseInt(h, 16) : 0);
/**
 * Hex quantity -> decimal string. Most values (gas prices, small transfers) fit in 52 bits,
 * where Number is exact and several times cheaper than BigInt; wider ones take BigInt.
 * Malformed input still throws from BigInt, as before.
 */
const dec = (h: string | undefined | null): string | null => {
  if (h == null) return null;
  if (h.length <= 15) {
    const n = Number(h);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return BigInt(h).toString();
};
const lower = <T extends string | null | undefined>(s: T): T => (s ? (s.toLowerCase() as T) : s);

/** bytes32 KPI keys are stored by name; unknown keys keep whatever readable form they have. */
function kpiName(key: Hex): string {
  const known = kpiFromKey(key);
  if (known) return known;
  try {
    return bytes32ToAscii(key);
  } catch {
    return key.toLowerCase();
  }
}

export function buildRows(fetched: FetchedBlock[], registry: string | null): BatchRows {
  const out: BatchRows = {
    blocks: [], transactions: [], logs: [], addressTransactions: [], accounts: [], memberEvents: [], kpiTargets: [],
    patents: [], scenarios: [], scenarioStages: [], outputReports: [], days: [], activeAccounts: [], txCount: 0,
    accountsTokens: buildAccountTokenRows(fetched),
  };
  const accounts = new Map<string, Insertable<AccountsTable>>();
  const days = new Map<number, DayDelta>();
  const active = new Set<string>();
  const reg = registry?.toLowerCase() ?? null;

  const touch = (address: string, blockNumber: number) => {
    const a = accounts.get(address);
    if (a) a.tx_count = (a.tx_count as number) + 1;
    else accounts.set(address, { address, first_seen_block: blockNumber, tx_count: 1, is_contract: 0, creation_tx: null });
  };

  for (const { block, receipts } of fetched) {
    const number = num(block.number);
    const timestamp = num(block.timestamp);
    const gasUsed = num(block.gasUsed);
    const day = dayOf(timestamp);
    out.blocks.push({
      number,
      hash: lower(block.hash),
      parent_hash: lower(block.parentHash),
      timestamp,
      miner: lower(block.miner),
      gas_used: gasUsed,
      gas_limit: num(block.gasLimit),
      base_fee_per_gas: dec(block.baseFeePerGas),
      size: num(block.size),
      tx_count: block.transactions.length,
    });
    const d = days.get(day);
    if (d) {
      d.block_count++;
      d.tx_count += block.transactions.length;
      d.gas_used += gasUsed;
      d.first_block_time = Math.min(d.first_block_time, timestamp);
      d.last_block_time = Math.max(d.last_block_time, timestamp);
    } else {
      days.set(day, { day, block_count: 1, tx_count: block.transactions.length, gas_used: gasUsed, first_block_time: timestamp, last_block_time: timestamp });
    }

    for (let i = 0; i < block.transactions.length; i++) {
      const tx = block.transactions[i]!;
      const rc = receipts[i]!;
      const hash = lower(tx.hash);
      const from = lower(tx.from);
      const to = lower(tx.to) ?? null;
      const created = lower(rc.contractAddress) ?? null;
      const txIndex = num(tx.transactionIndex);
      const call = reg && to === reg ? decodeRegistryCall(tx.input) : null;
      out.transactions.push({
        hash,
        block_number: number,
        tx_index: txIndex,
        timestamp,
        from_address: from,
        to_address: to,
        value: dec(tx.value)!,
        nonce: num(tx.nonce),
        gas: num(tx.gas),
        gas_price: dec(tx.gasPrice),
        max_fee_per_gas: dec(tx.maxFeePerGas),
        max_priority_fee_per_gas: dec(tx.maxPriorityFeePerGas),
        type: num(tx.type),
        input: lower(tx.input),
        // Pre-Byzantium receipts have no status; such a tx was not reverted by definition.
        status: rc.status == null ? 1 : num(rc.status),
        gas_used: num(rc.gasUsed),
        effective_gas_price: dec(rc.effectiveGasPrice ?? tx.gasPrice ?? '0x0')!,
        contract_address: created,
        method_name: call?.name ?? null,
        method_args: call ? JSON.stringify(call.args) : null,
      });
      out.txCount++;

      // Dedupe: a self-send is one history row, and counts once.
      const parties = [from];
      if (to && to !== from) parties.push(to);
      if (created && created !== from && created !== to) parties.push(created);
      for (const address of parties) {
        out.addressTransactions.push({ address, block_number: number, tx_index: txIndex });
        touch(address, number);
      }
      if (created) {
        const a = accounts.get(created)!;
        a.is_contract = 1;
        a.creation_tx = hash;
      }
      for (const address of to ? [from, to] : [from]) {
        const k = `${day}:${address}`;
        if (!active.has(k)) {
          active.add(k);
          out.activeAccounts.push({ day, address });
        }
      }

      for (const log of rc.logs) {
        const address = lower(log.address);
        const logIndex = num(log.logIndex);
        const topics = log.topics.map((t) => t.toLowerCase());
        const ev = reg && address === reg ? decodeRegistryLog(log.topics, log.data) : null;
        out.logs.push({
          block_number: number,
          log_index: logIndex,
          tx_hash: hash,
          tx_index: txIndex,
          address,
          topic0: topics[0] ?? null,
          topic1: topics[1] ?? null,
          topic2: topics[2] ?? null,
          topic3: topics[3] ?? null,
          data: lower(log.data),
          event_name: ev?.name ?? null,
          event_args: ev ? JSON.stringify(ev.args) : null,
        });
        if (ev) pushAllianceRow(out, ev.name, ev.args as Record<string, string>, { block_number: number, log_index: logIndex, tx_hash: hash });
      }
    }
  }
  out.accounts = [...accounts.values()];
  out.days = [...days.values()];
  return out;
}

type Key = { block_number: number; log_index: number; tx_hash: string };

/** The registry's tables: what the indexer writes, and what `yuscan audit` rebuilds from a node's logs. */
export type AllianceTables = Pick<BatchRows, 'memberEvents' | 'kpiTargets' | 'patents' | 'scenarios' | 'scenarioStages' | 'outputReports'>;

/** One decoded registry event as the row of its table; events that do not bear on the KPIs (nodes) add none. */
export function pushAllianceRow(out: AllianceTables, name: string, a: Record<string, string>, key: Key): void {
  switch (name) {
    case 'MemberAdmitted':
      out.memberEvents.push({ ...key, member: a.member!, kind: 'admitted', name: a.name!, country: a.country!, sector: a.sector!, at: Number(a.at) });
      break;
    case 'MemberRemoved':
      out.memberEvents.push({ ...key, member: a.member!, kind: 'removed', name: null, country: null, sector: null, at: Number(a.at) });
      break;
    case 'TargetSet':
      out.kpiTargets.push({ ...key, kpi: kpiName(a.kpi as Hex), target: a.target!, period_start: Number(a.periodStart), period_end: Number(a.periodEnd) });
      break;
    case 'PatentFiled':
      out.patents.push({ ...key, member: a.member!, application_no: a.applicationNo!, title: a.title!, filed_at: Number(a.filedAt) });
      break;
    case 'ScenarioLaunched':
      out.scenarios.push({ ...key, scenario_id: Number(a.scenarioId), lead_member: a.leadMember!, name: a.name!, sector: a.sector!, launched_at: Number(a.at) });
      break;
    case 'ScenarioStageChanged':
      out.scenarioStages.push({ ...key, scenario_id: Number(a.scenarioId), stage: Number(a.stage), at: Number(a.at) });
      break;
    case 'OutputReported':
      out.outputReports.push({ ...key, member: a.member!, period: Number(a.period), amount_cny: a.amountCny!, at: Number(a.at) });
      break;
  }
}
