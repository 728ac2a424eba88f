// `yuscan audit`: every KPI recomputed straight from a node's logs, with no database, by the
// API's own rules code; compared with a running yuscan (--against), or proving a downloaded
// evidence file record by record (--evidence). Returns the exit code: 0 when all holds, 1 when
// anything differs. The I/O edge; the logic is in ./rows, ./figures and ./compare.
import { readFile } from 'node:fs/promises';
import type { AuditConfig } from '../../config';
import { createRpcClient, type RpcClient } from '../../indexer/rpc';
import { allianceStateFromRows } from '../../api/state';
import type { EvidenceFile } from '../../api/kpi/evidence-file';
import { auditFigures, auditPeriods, auditTable, type AuditedKpi } from './figures';
import { decodeRegistryEvent, registryRows, type RegistryEvent, type RpcLog } from './rows';
import {
  auditRecords, compareFigures, compareRecords, eventKey, firstUnprovenRecord, parseEvidenceFile, recomputeFromFile, type ApiKpi,
} from './compare';

/** Blocks per eth_getLogs; halved when a node refuses a range as too large. */
const LOG_RANGE = 50_000;

interface BlockHeader {
  number: string;
  hash: string;
  timestamp: string;
}

async function blockAt(rpc: RpcClient, at: number | 'latest'): Promise<{ number: number; hash: string; timestamp: number }> {
  const b = await rpc.request<BlockHeader | null>('eth_getBlockByNumber', [at === 'latest' ? 'latest' : `0x${at.toString(16)}`, false]);
  if (!b) throw new Error(`the node has no block ${at}`);
  return { number: Number(BigInt(b.number)), hash: b.hash.toLowerCase(), timestamp: Number(BigInt(b.timestamp)) };
}

/** On a terminal, how far the log reading has come (stderr, so --json output stays clean). */
function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(done > total ? '\r\x1b[K' : `\rreading the registry's logs: block ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
}

/** Every event the registry logged in blocks 0..toBlock, in ranges. */
async function registryEvents(rpc: RpcClient, registry: string, toBlock: number): Promise<RegistryEvent[]> {
  const out: RegistryEvent[] = [];
  let range = LOG_RANGE;
  for (let from = 0; from <= toBlock; ) {
    const to = Math.min(toBlock, from + range - 1);
    let logs: RpcLog[];
    try {
      logs = await rpc.request<RpcLog[]>('eth_getLogs', [{ address: registry, fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}` }]);
    } catch (err) {
      // Nodes cap a range's blocks or results, each with its own message: a smaller range is the answer to all of them.
      if (range > 1) {
        range = Math.max(1, Math.floor(range / 2));
        continue;
      }
      throw err;
    }
    for (const log of logs) {
      // Only the registry's own logs count; a node that ignores the address filter must not change that.
      if (log.address.toLowerCase() !== registry) continue;
      const e = decodeRegistryEvent(log);
      if (e) out.push(e);
    }
    from = to + 1;
    progress(from, toBlock);
  }
  return out;
}

async function audited(rpc: RpcClient, registry: string, at: { number: number; timestamp: number }, period: string | undefined) {
  const events = await registryEvents(rpc, registry, at.number);
  const state = allianceStateFromRows(registryRows(events), at.timestamp);
  const logs = new Map(events.map((e) => [eventKey(e), e]));
  return { rows: auditFigures(state, auditPeriods(state, period)), logs, state };
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

async function graphql<T>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await getJson<{ data?: T; errors?: Array<{ message: string }> }>(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  if (body.errors?.length || !body.data) throw new Error(`${base}/graphql: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return body.data;
}

interface ApiStatus {
  chainId: number;
  indexedHead: number;
  registry: string | null;
}

const statusQuery = '{ status { chainId indexedHead registry } }';

/** Differences between the node and a running yuscan, at the yuscan's indexed head. */
async function against(rpc: RpcClient, config: AuditConfig, registry: string, base: string, chainId: number) {
  const { status } = await graphql<{ status: ApiStatus }>(base, statusQuery);
  const diffs: string[] = [];
  if (status.chainId !== chainId) diffs.push(`chain id is ${chainId} on the node, ${status.chainId} at ${base}`);
  if ((status.registry ?? '').toLowerCase() !== registry) diffs.push(`registry is ${registry} here, ${status.registry ?? 'none'} at ${base}`);
  if (config.at !== undefined && config.at !== status.indexedHead) diffs.push(`--at ${config.at}: ${base} is at block ${status.indexedHead}; it answers only at its head`);
  if (diffs.length) return { diffs, rows: [] as AuditedKpi[], block: status.indexedHead };
  const block = await blockAt(rpc, status.indexedHead);
  const mine = await audited(rpc, registry, block, config.period);
  const fields = 'id period current target status startLevel projectedAtEnd';
  for (const p of new Set(mine.rows.map((r) => r.period))) {
    const { kpis } = await graphql<{ kpis: ApiKpi[] }>(base, `query($p: String) { kpis(period: $p) { ${fields} } }`, { p });
    diffs.push(...compareFigures(mine.rows.filter((r) => r.period === p), kpis, base));
  }
  if (config.period === undefined) {
    const { alliance } = await graphql<{ alliance: { periods: Array<{ id: string }> } }>(base, '{ alliance { periods { id } } }');
    for (const p of alliance.periods) if (!mine.state.periods.some((x) => x.id === p.id)) diffs.push(`period ${p.id}: ${base} has it, the node does not`);
  }
  for (const r of mine.rows) {
    const label = `${r.period} ${r.kpi}`;
    const file = parseEvidenceFile(await getJson(`${base}/evidence/${r.kpi}.json?period=${encodeURIComponent(r.period)}`));
    if (file.blockHeight !== block.number) {
      diffs.push(`${base} moved from block ${block.number} to ${file.blockHeight} during the comparison; run it again`);
      break;
    }
    diffs.push(...compareRecords(label, auditRecords(r.model, mine.logs), file.records, base));
  }
  const after = await graphql<{ status: ApiStatus }>(base, statusQuery);
  if (after.status.indexedHead !== block.number) diffs.push(`${base} moved from block ${block.number} to ${after.status.indexedHead} during the comparison; run it again`);
  return { diffs, rows: mine.rows, block: block.number };
}

/** Problems with an evidence file against the node: the first unproven record, then the rules. */
async function checkEvidence(rpc: RpcClient, file: EvidenceFile, chainId: number): Promise<string[]> {
  if (file.chainId !== chainId) return [`the file is from chain ${file.chainId}; the node is chain ${chainId}`];
  const block = await blockAt(rpc, file.blockHeight);
  if (block.hash !== file.blockHash.toLowerCase()) return [`block ${file.blockHeight} is ${block.hash} on the node, ${file.blockHash} in the file`];
  const events = await registryEvents(rpc, file.registry, file.blockHeight);
  const logs = new Map(events.map((e) => [eventKey(e), e]));
  const unproven = firstUnprovenRecord(file, logs);
  if (unproven) return [unproven];
  const rules = recomputeFromFile(file);
  if (rules.length) return rules;
  // Complete: every record of the KPI on the node is in the file.
  const state = allianceStateFromRows(registryRows(events), block.timestamp);
  const node = auditFigures(state, auditPeriods(state, file.period.id)).find((r) => r.kpi === file.kpi);
  if (!node) return [`the registry sets no ${file.kpi} target for ${file.period.id} up to block ${file.blockHeight}`];
  return compareRecords(`${file.period.id} ${file.kpi}`, auditRecords(node.model, logs), file.records, 'the file');
}

function print(config: AuditConfig, out: Record<string, unknown>, rows: AuditedKpi[], diffs: string[]): void {
  if (config.json) {
    const kpis = rows.map(({ model, ...r }) => ({ ...r, reachedAt: model.reachedAt }));
    console.log(JSON.stringify({ ...out, kpis, differences: diffs }, null, 2));
    return;
  }
  for (const [k, v] of Object.entries(out)) console.log(`${k}: ${String(v)}`);
  if (rows.length) console.log(`\n${auditTable(rows)}`);
  if (diffs.length) console.log(`\n${diffs.length} difference${diffs.length === 1 ? '' : 's'}:\n${diffs.map((d) => `  ${d}`).join('\n')}`);
}

export async function runAudit(config: AuditConfig): Promise<number> {
  const rpc = createRpcClient(config.rpcUrl, { timeoutMs: 120_000 });
  try {
    const chainId = Number(BigInt(await rpc.request<string>('eth_chainId')));
    if (config.evidence !== undefined) {
      const file = parseEvidenceFile(JSON.parse(await readFile(config.evidence, 'utf8')));
      if (config.registry && config.registry !== file.registry) throw new Error(`--registry ${config.registry}: the file is of registry ${file.registry}`);
      const diffs = await checkEvidence(rpc, file, chainId);
      const out = { chainId, registry: file.registry, blockHeight: file.blockHeight, kpi: file.kpi, period: file.period.id, records: file.records.length, figure: file.figure, evidence: diffs.length ? 'does not hold' : 'holds' };
      print(config, out, [], diffs);
      return diffs.length ? 1 : 0;
    }
    const registry = config.registry!;
    if (config.against !== undefined) {
      const r = await against(rpc, config, registry, config.against, chainId);
      print(config, { chainId, registry, blockHeight: r.block, against: config.against, result: r.diffs.length ? 'differs' : 'same' }, r.rows, r.diffs);
      return r.diffs.length ? 1 : 0;
    }
    const block = await blockAt(rpc, config.at ?? 'latest');
    const { rows } = await audited(rpc, registry, block, config.period);
    print(config, { chainId, registry, blockHeight: block.number, blockHash: block.hash, asOf: new Date(block.timestamp * 1000).toISOString() }, rows, []);
    return 0;
  } finally {
    await rpc.close();
  }
}
