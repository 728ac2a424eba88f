// `yuscan audit` against a devnet with years of history, indexed by the real indexer and served
// by the real API: the command (run as a user runs it) recomputes every KPI from the node's
// logs alone and finds the API's figures; it names a report changed in the database behind the
// API's back; and it proves an evidence file downloaded from the API, or names the one record
// of it that was tampered with.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type YuscanServer } from '../api/server';
import { parseCsv } from '../web/alliance/lib/csv';
import { freshDatabaseUrl, gql, startApiWorld, type ApiWorld } from './helpers/api';

let w: ApiWorld;
const dir = mkdtempSync(join(tmpdir(), 'yuscan-audit-'));

function yuscan(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['bin/yuscan.js', 'audit', ...args], { env: { ...process.env, RPC_URL: '', ALLIANCE_REGISTRY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

async function data(url: string, query: string, variables?: Record<string, unknown>) {
  const r = await gql(url, query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

beforeAll(async () => {
  w = await startApiWorld(await freshDatabaseUrl('sqlite', 'audit'));
}, 600_000);
afterAll(async () => w?.close());

describe('yuscan audit', () => {
  let periods: Array<{ id: string }>;

  it('recomputes every KPI of both phases from the node alone, equal to the API', async () => {
    const d = await data(w.server.url, '{ status { indexedHead } alliance { periods { id } } }');
    periods = d.alliance.periods;
    expect(periods).toHaveLength(2);
    const r = await yuscan('--rpc', w.devnet.rpcUrl, '--registry', w.devnet.registry, '--at', String(d.status.indexedHead), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.blockHeight).toBe(d.status.indexedHead);
    expect(out.kpis).toHaveLength(8);
    for (const p of periods) {
      const api = await data(
        w.server.url,
        'query($p: String) { kpis(period: $p) { id period current target status startLevel projectedAtEnd reachedAt evidence(first: 1) { totalCount } } }',
        { p: p.id },
      );
      expect(api.kpis).toHaveLength(4);
      for (const k of api.kpis) {
        const mine = out.kpis.find((x: any) => x.period === p.id && x.kpi === k.id);
        expect(mine, `${p.id} ${k.id}`).toMatchObject({
          figure: k.current, target: k.target, status: k.status, startLevel: k.startLevel, projectedAtEnd: k.projectedAtEnd,
          reachedAt: k.reachedAt, evidence: k.evidence.totalCount,
        });
      }
    }
    // Phase 1 is over; phase 2 runs, members and scenarios counting from where phase 1 left them.
    const p2 = out.kpis.filter((k: any) => k.period === periods[1]!.id);
    expect(p2.find((k: any) => k.kpi === 'MEMBERS').startLevel).not.toBe('0');
    expect(out.kpis.filter((k: any) => k.period === periods[0]!.id).map((k: any) => k.status).sort()).toEqual(['ACHIEVED', 'ACHIEVED', 'ACHIEVED', 'MISSED']);

    // The table, for people: one row per KPI.
    const table = await yuscan('--rpc', w.devnet.rpcUrl, '--registry', w.devnet.registry, '--period', periods[0]!.id, '--at', String(d.status.indexedHead));
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n').filter((l) => l.startsWith(periods[0]!.id));
    expect(lines).toHaveLength(4);
    const patents = out.kpis.find((k: any) => k.period === periods[0]!.id && k.kpi === 'PATENTS');
    expect(lines[0]).toMatch(new RegExp(`PATENTS\\s+${patents.figure}\\s+${patents.target}\\s+ACHIEVED`));
  });

  it('--against a running yuscan finds nothing to report', async () => {
    const r = await yuscan('--rpc', w.devnet.rpcUrl, '--registry', w.devnet.registry, '--against', w.server.url);
    expect(r.stdout).toContain('result: same');
    expect(r.code).toBe(0);
  });

  it('proves a downloaded evidence file, and names the one record with a tampered value', async () => {
    const p1 = periods[0]!.id;
    const res = await fetch(`${w.server.url}/evidence/OUTPUT_VALUE.json?period=${p1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="output_value-.*\.json"$/);
    const file = (await res.json()) as any;
    const { kpi, status } = await data(w.server.url, 'query($p: String) { status { chainId indexedHead registry } kpi(id: OUTPUT_VALUE, period: $p) { current evidence(first: 1) { totalCount } } }', { p: p1 });
    expect(file).toMatchObject({ chainId: status.chainId, registry: status.registry, blockHeight: status.indexedHead, kpi: 'OUTPUT_VALUE', figure: kpi.current });
    expect(file.records).toHaveLength(kpi.evidence.totalCount);
    // The counted records' amounts add up to the figure (corrections superseded).
    const counted = file.records.filter((r: any) => r.counted);
    expect(counted.reduce((s: bigint, r: any) => s + BigInt(r.values.amountCny), 0n).toString()).toBe(kpi.current);
    const block = (await (await fetch(w.devnet.rpcUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: [`0x${file.records[0].blockNumber.toString(16)}`, false] }),
    })).json()) as any;
    expect(file.records[0].blockHash).toBe(block.result.hash);

    const csv = parseCsv((await (await fetch(`${w.server.url}/evidence/OUTPUT_VALUE.csv?period=${p1}`)).text()));
    expect(csv[0]).toContain('chain_id');
    expect(csv[1]![2]).toBe(String(status.indexedHead));
    expect(csv.filter((row) => row[0] === 'OutputReported')).toHaveLength(file.records.length);

    const good = join(dir, 'evidence.json');
    writeFileSync(good, JSON.stringify(file));
    const ok = await yuscan('--rpc', w.devnet.rpcUrl, '--evidence', good);
    expect(ok.stdout).toContain('evidence: holds');
    expect(ok.code).toBe(0);

    const n = 7;
    const tampered = structuredClone(file);
    const was = tampered.records[n - 1].values.amountCny;
    tampered.records[n - 1].values.amountCny = String(BigInt(was) + 1_000_000n);
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    const r = await yuscan('--rpc', w.devnet.rpcUrl, '--evidence', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`record ${n} of ${file.records.length} (OutputReported in tx ${file.records[n - 1].txHash}`);
    expect(r.stdout).toContain(`amountCny is ${was} on the node, ${tampered.records[n - 1].values.amountCny} in the file`);

    // Records that hold but are left out of the file no longer add up to the stated figure.
    const short = structuredClone(file);
    short.records = short.records.filter((x: any) => !x.counted || x !== short.records.find((y: any) => y.counted));
    writeFileSync(bad, JSON.stringify(short));
    const s = await yuscan('--rpc', w.devnet.rpcUrl, '--evidence', bad);
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(/the records add up to \d+ under the rules, not the stated figure/);
  });

  it('--against exits 1 and names the figure and the record when one output report is changed behind the API', async () => {
    const row = await w.db.db.selectFrom('output_reports').selectAll().orderBy('block_number').orderBy('log_index').offset(20).limit(1).executeTakeFirstOrThrow();
    const changed = (BigInt(String(row.amount_cny)) + 12_345n).toString();
    await w.db.db.updateTable('output_reports').set({ amount_cny: changed }).where('block_number', '=', row.block_number).where('log_index', '=', row.log_index).execute();
    // A fresh API replica over the changed database (the running one keeps its per-head state).
    let replica: YuscanServer | undefined;
    try {
      replica = await createServer({ db: w.db, port: 0, host: '127.0.0.1', rateLimit: false });
      const r = await yuscan('--rpc', w.devnet.rpcUrl, '--registry', w.devnet.registry, '--against', replica.url);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('result: differs');
      expect(r.stdout).toMatch(/OUTPUT_VALUE: figure is \d+ on the node, \d+ at http/);
      expect(r.stdout).toContain(`OutputReported in tx ${row.tx_hash} (block ${Number(row.block_number)}, log ${row.log_index}): amountCny is ${row.amount_cny} on the node, ${changed} at ${replica.url}`);
    } finally {
      await replica?.close();
    }
  });
});
