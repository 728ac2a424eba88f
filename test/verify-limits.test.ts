// What one client may ask of verification, and what happens when the server stops: per-client
// pending jobs and submissions a minute, the queue bound ("busy, retry later" at once), the
// source size limit, the compile time limit (the worker is killed), jobs that survive a restart,
// and SIGTERM to a real `yuscan serve` with 20 jobs queued.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db';
import type { YuscanServer } from '../api/server';
import { freePort, freshDatabaseUrl } from './helpers/api';
import { api, HARDHAT_PROJECT, startVerifyWorld, verifyStatus, type VerifyWorld } from './helpers/verify';

const source = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8');
const lib = readFileSync(join(HARDHAT_PROJECT, 'contracts/lib/Fees.sol'), 'utf8');
const standardJson = JSON.stringify({
  language: 'Solidity',
  sources: { 'contracts/ServiceLedger.sol': { content: source }, 'contracts/lib/Fees.sol': { content: lib } },
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' },
});

/** A full compilation that then fails to match (wrong constructor arguments), so the contract stays unverified for the next. */
const heavy = (address: string, patch: Record<string, string> = {}) => ({
  module: 'contract', action: 'verifysourcecode', contractaddress: address, codeformat: 'solidity-standard-json-input',
  sourceCode: standardJson, contractname: 'contracts/ServiceLedger.sol:ServiceLedger', compilerversion: 'v0.8.24+commit.e11b9ed9',
  constructorArguements: '00'.repeat(32), ...patch,
});

/** POST /api as the client `ip` (the server trusts X-Forwarded-For from loopback, as behind a local proxy). */
async function submitAs(url: string, ip: string, params: Record<string, string>) {
  const res = await fetch(`${url}/api`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: new URLSearchParams(params).toString(),
  });
  return (await res.json()) as { status: string; message: string; result: string };
}

describe('verification limits and shutdown (sqlite)', () => {
  let w: VerifyWorld;
  beforeAll(async () => {
    w = await startVerifyWorld(await freshDatabaseUrl('sqlite', 'verify-limits'));
  }, 240_000);
  afterAll(async () => w?.close());

  const withServer = async (limits: Record<string, number>, fn: (s: YuscanServer) => Promise<void>) => {
    const s = await w.startServer({ verify: { limits } });
    try {
      await fn(s);
    } finally {
      await s.close();
      // Leave no pending job behind for the next server to resume.
      await w.db.db.updateTable('verification_jobs').set({ state: 'fail', reason: 'test cleanup' }).where('state', '=', 'pending').execute();
    }
  };

  it('a client may have so many jobs pending; the queue as a whole is bounded, and a full queue answers busy at once', async () => {
    await withServer({ pendingPerClient: 2, submissionsPerMinute: 100, queueSize: 4 }, async (s) => {
      const a = [await submitAs(s.url, '10.0.0.1', heavy(w.other)), await submitAs(s.url, '10.0.0.1', heavy(w.other))];
      for (const r of a) expect(r).toMatchObject({ status: '1', message: 'OK' });
      expect(await submitAs(s.url, '10.0.0.1', heavy(w.other))).toEqual({
        status: '0', message: 'NOTOK', result: 'Max rate limit reached: you have 2 verifications pending, the most one client may have; wait for them to finish',
      });
      for (let i = 0; i < 2; i++) expect((await submitAs(s.url, '10.0.0.2', heavy(w.other))).status).toBe('1');
      const t0 = performance.now();
      expect(await submitAs(s.url, '10.0.0.3', heavy(w.other))).toEqual({
        status: '0', message: 'NOTOK', result: 'Max rate limit reached: the verification queue is full (4 jobs); the server is busy, retry later',
      });
      const busyMs = performance.now() - t0;
      console.log(`a full queue answered busy in ${busyMs.toFixed(0)} ms`);
      // The first client's jobs finish (each a full compilation that does not match), and it may submit again.
      for (const r of a) expect((await verifyStatus(s.url, r.result)).result).toBe('Fail - Unable to verify');
      expect((await submitAs(s.url, '10.0.0.1', heavy(w.other))).status).toBe('1');
    });
  }, 180_000);

  it('a client may make so many submissions a minute, finished or not', async () => {
    await withServer({ pendingPerClient: 10, submissionsPerMinute: 3, queueSize: 50 }, async (s) => {
      for (let i = 0; i < 3; i++) expect((await submitAs(s.url, '10.0.1.1', heavy(w.other, { compilerversion: 'v0.8.24' }))).status).toBe('1');
      expect((await submitAs(s.url, '10.0.1.1', heavy(w.other))).result).toBe('Max rate limit reached: at most 3 verification submissions a minute per client; retry later');
      expect((await submitAs(s.url, '10.0.1.2', heavy(w.other))).status).toBe('1');
    });
  }, 120_000);

  it('a source over the size limit is refused before compiling: 6 MB on the default 2 MB limit, and a configured one', async () => {
    const big = JSON.stringify({ language: 'Solidity', sources: { 'a.sol': { content: `// ${'x'.repeat(6_000_000)}\ncontract A {}` } } });
    const r = await submitAs(w.server.url, '10.0.2.1', heavy(w.other, { sourceCode: big, contractname: 'a.sol:A' }));
    expect(r).toEqual({ status: '0', message: 'NOTOK', result: `Error! The source is ${Buffer.byteLength(big)} bytes; this server compiles at most 2000000 bytes` });
    await withServer({ maxSourceBytes: 1000 }, async (s) => {
      expect((await submitAs(s.url, '10.0.2.2', heavy(w.other))).result).toBe(`Error! The source is ${Buffer.byteLength(standardJson)} bytes; this server compiles at most 1000 bytes`);
    });
    const jobs = await w.db.db.selectFrom('verification_jobs').select('guid').where('client', 'in', ['10.0.2.1', '10.0.2.2']).execute();
    expect(jobs).toEqual([]);
  }, 60_000);

  it('a compilation past the time limit is stopped, its worker killed, and the job fails with the reason', async () => {
    await withServer({ compileTimeoutMs: 300 }, async (s) => {
      const sub = await submitAs(s.url, '10.0.3.1', heavy(w.other));
      const t0 = performance.now();
      const status = await verifyStatus(s.url, sub.result);
      expect(status).toMatchObject({ status: '0', result: 'Fail - Unable to verify', reason: 'compilation ran longer than 0.3 s and was stopped' });
      // Stopped, not finished: loading solc alone takes longer than that.
      expect(performance.now() - t0).toBeLessThan(10_000);
    });
  }, 60_000);

  it('a restart keeps every guid answering: jobs pending at the stop are resumed by the next start', async () => {
    const s1 = await w.startServer({ verify: { limits: { pendingPerClient: 10, submissionsPerMinute: 100 } } });
    const guids = [];
    for (let i = 0; i < 3; i++) guids.push((await submitAs(s1.url, '10.0.4.1', heavy(w.other))).result);
    const good = await submitAs(s1.url, '10.0.4.1', heavy(w.other, { constructorArguements: '' }));
    await s1.close();
    const pending = await w.db.db.selectFrom('verification_jobs').select('guid').where('state', '=', 'pending').execute();
    expect(pending.length).toBeGreaterThanOrEqual(2);
    // A job an older server left without its request cannot be run again: the next start fails it with the reason.
    await w.db.db.insertInto('verification_jobs').values({
      guid: 'o'.repeat(50), address: w.other, state: 'pending', reason: null, match_kind: null, created_at: 1, finished_at: null, client: null, request: null, started_at: null, compile_ms: null,
    }).execute();

    const reopened = connect(w.dbUrl, { mustExist: true });
    const s2 = await w.startServer({ db: reopened });
    try {
      for (const guid of guids) expect((await verifyStatus(s2.url, guid)).result).toBe('Fail - Unable to verify');
      expect(await verifyStatus(s2.url, good.result)).toMatchObject({ status: '1', result: 'Pass - Verified' });
      const old = await verifyStatus(s2.url, 'o'.repeat(50));
      expect(old).toMatchObject({ result: 'Fail - Unable to verify', reason: expect.stringMatching(/restarted before this job ran/) });
    } finally {
      await s2.close();
      await reopened.close();
    }
  }, 240_000);

  it('SIGTERM stops `yuscan serve` within 10 s with 20 jobs queued; the next serve answers their guids', async () => {
    const port = await freePort();
    const env = { ...process.env, LOG_LEVEL: 'warn', VERIFY_PENDING_PER_CLIENT: '20', VERIFY_PER_MINUTE: '100', VERIFY_QUEUE: '50' };
    const serve = () => {
      const child = spawn(process.execPath, ['bin/yuscan.js', 'serve', '--db', w.dbUrl, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const ready = new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout!.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /yuscan API \+ web: (\S+)/.exec(out);
          if (m) ok(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`serve exited ${code} before it was ready`)));
      });
      return { child, ready };
    };
    const exited = (child: ChildProcess) => new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

    const first = serve();
    const url = (await first.ready).replace('localhost', '127.0.0.1');
    const guids: string[] = [];
    for (let i = 0; i < 20; i++) {
      // w.other was verified by the restart test above; w.ledger never is in this suite.
      const r = await submitAs(url, '10.0.5.1', heavy(w.ledger));
      expect(r).toMatchObject({ status: '1' });
      guids.push(r.result);
    }
    const t0 = performance.now();
    const done = exited(first.child);
    first.child.kill('SIGTERM');
    const code = await done;
    const stopMs = performance.now() - t0;
    console.log(`serve stopped ${stopMs.toFixed(0)} ms after SIGTERM with 20 jobs queued`);
    expect(code).toBe(0);
    expect(stopMs).toBeLessThanOrEqual(10_000);

    const second = serve();
    try {
      const url2 = (await second.ready).replace('localhost', '127.0.0.1');
      for (const guid of [guids[0]!, guids[19]!]) {
        const r = await api(url2, { module: 'contract', action: 'checkverifystatus', guid });
        expect(['Pending in queue', 'Fail - Unable to verify']).toContain(r.body.result);
      }
    } finally {
      const stopped = exited(second.child);
      second.child.kill('SIGTERM');
      await stopped;
      await w.db.db.updateTable('verification_jobs').set({ state: 'fail', reason: 'test cleanup' }).where('state', '=', 'pending').execute();
    }
  }, 240_000);
});
