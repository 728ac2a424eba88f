// The devnet answers from its first instant: a request is refused (port not yet open),
// told "starting" (JSON-RPC error), or served; never accepted and left hanging.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEVNET_CHAIN_ID } from '../config/constants';
import { startDevnet } from '../devnet/index';
import { startingResponse, STARTING_CODE } from '../devnet/starting';
import { freePort } from './helpers/api';
import { anvilBelow, descendants, outlive } from './helpers/processes';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BOUND_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = { ms: number; kind: 'refused' | 'starting' | 'result' | 'other'; detail: string };

/** One eth_chainId; how long it took to settle and what came back. Hangs are cut at 10 s. */
async function probe(url: string): Promise<Outcome> {
  const t = performance.now();
  const done = (kind: Outcome['kind'], detail: string) => ({ ms: performance.now() - t, kind, detail });
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { id: number; result?: string; error?: { code: number; message: string } };
    if (body.error?.code === STARTING_CODE && /devnet is starting/.test(body.error.message) && body.id === 7) return done('starting', body.error.message);
    if (body.result === `0x${DEVNET_CHAIN_ID.toString(16)}`) return done('result', body.result);
    return done('other', JSON.stringify(body));
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return done(code === 'ECONNREFUSED' ? 'refused' : 'other', `${(err as Error).name}: ${code ?? (err as Error).message}`);
  }
}

describe('devnet readiness', () => {
  it('startingResponse answers each request of a batch, keeps ids, and reports bad JSON', () => {
    const one = JSON.parse(startingResponse('{"jsonrpc":"2.0","id":"a","method":"eth_chainId"}', 'history 3/9 blocks'));
    expect(one).toEqual({ jsonrpc: '2.0', id: 'a', error: { code: STARTING_CODE, message: 'devnet is starting (history 3/9 blocks); retry shortly' } });
    const batch = JSON.parse(startingResponse('[{"id":1,"method":"a"},{"id":2,"method":"b"},{"method":"notification"}]', 'x'));
    expect(batch.map((r: { id: unknown }) => r.id)).toEqual([1, 2, null]);
    expect(JSON.parse(startingResponse('{oops', 'x')).error.code).toBe(-32700);
  });

  it('`yuscan devnet`: requests fired from its first millisecond all settle within 1 s', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['bin/yuscan.js', 'devnet', '--port', String(port), '--history', 'none'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const probes: Promise<Outcome>[] = [];
    try {
      // A request every 10 ms, not waiting for the previous one, until a few answers arrive
      // after the devnet says it is up.
      const deadline = Date.now() + 90_000;
      let served = 0;
      while (Date.now() < deadline && served < 5) {
        const p = probe(url);
        probes.push(p);
        void p.then((o) => o.kind === 'result' && served++);
        await sleep(10);
      }
      const outcomes = await Promise.all(probes);
      expect(out).toContain(`RPC URL: ${url}`);
      const late = outcomes.filter((o) => o.ms > BOUND_MS || o.kind === 'other');
      expect(late, `requests that hung or failed oddly: ${JSON.stringify(late.slice(0, 3))}`).toEqual([]);
      expect(outcomes.filter((o) => o.kind === 'result').length).toBeGreaterThanOrEqual(5);
      expect(out).toMatch(/Genesis: \S+genesis\.json/);
    } finally {
      const anvil = anvilBelow(child.pid!);
      expect(anvil).toHaveLength(1);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      // A clean stop leaves no node behind.
      expect(await outlive(anvil, 5_000)).toEqual([]);
    }
  });

  it('`yuscan devnet` killed outright (SIGKILL): its anvil exits too', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/yuscan.js', 'devnet', '--port', String(port), '--history', 'none'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    const deadline = Date.now() + 60_000;
    while (!out.includes('RPC URL') && Date.now() < deadline) await sleep(50);
    const below = descendants(child.pid!);
    expect(anvilBelow(child.pid!)).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await outlive(below, 5_000)).toEqual([]);
  });

  it('while the history builds, every request gets a "starting" error within 1 s', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const during: Promise<Outcome>[] = [];
    let lastFired = 0;
    const devnet = await startDevnet({
      port,
      seed: 1,
      history: 'full',
      blockTimeMs: 1000,
      live: false,
      historyEnd: new Date('2020-07-01T00:00:00Z'),
      onProgress: (p) => {
        if (p.phase !== 'history' || Date.now() - lastFired < 50) return;
        lastFired = Date.now();
        during.push(probe(url));
      },
    });
    try {
      const outcomes = await Promise.all(during);
      expect(outcomes.length).toBeGreaterThan(0);
      for (const o of outcomes) {
        expect(o.kind, o.detail).toBe('starting');
        expect(o.ms).toBeLessThan(BOUND_MS);
      }
      expect((await probe(url)).kind).toBe('result');
    } finally {
      await devnet.stop();
    }
  });
});
