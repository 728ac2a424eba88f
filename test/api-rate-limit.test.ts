// The rate limit and trusted proxies an operator sets (RATE_LIMIT / --rate-limit,
// TRUST_PROXY / --trust-proxy) are the ones `yuscan serve` applies.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../api/server';
import { connect, migrateToLatest, type Db } from '../db';
import { freePort, freshDatabaseUrl, gql } from './helpers/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let db: Db;

beforeAll(async () => {
  db = connect(await freshDatabaseUrl('sqlite', 'ratelimit'));
  await migrateToLatest(db);
});
afterAll(() => db?.close());

async function serve(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/yuscan.js', 'serve', '--db', db.url, '--port', String(port), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)).includes('yuscan API + web:') && resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const statuses = async (url: string, n: number, headers: Record<string, string> = {}) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await gql(url, '{ status { chainId } }', undefined, headers)).status);
  return out;
};

describe('rate limit settings', () => {
  it('RATE_LIMIT=3 allows three requests a minute per client; --rate-limit 0 turns the limit off', async () => {
    const limited = await serve([], { RATE_LIMIT: '3' });
    const unlimited = await serve(['--rate-limit', '0'], { RATE_LIMIT: '3' });
    try {
      expect(await statuses(limited.url, 5)).toEqual([200, 200, 200, 429, 429]);
      const res = await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{status{chainId}}"}' });
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
      expect(await statuses(unlimited.url, 8)).toEqual(Array(8).fill(200));
    } finally {
      limited.child.kill();
      unlimited.child.kill();
    }
  });

  it('counts each forwarded client apart only behind a trusted proxy', async () => {
    const xff = (ip: string) => ({ 'x-forwarded-for': ip });
    // Default: loopback is trusted, so a local nginx's X-Forwarded-For names the client.
    const trusting = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: { max: 2, windowMs: 60_000 } });
    // Not trusted: the header is ignored and every request is the proxy's own address.
    const distrusting = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: { max: 2, windowMs: 60_000 }, trustProxy: false });
    try {
      expect(await statuses(trusting.url, 3, xff('203.0.113.1'))).toEqual([200, 200, 429]);
      expect(await statuses(trusting.url, 2, xff('203.0.113.2'))).toEqual([200, 200]);
      expect(await statuses(distrusting.url, 1, xff('203.0.113.1'))).toEqual([200]);
      expect(await statuses(distrusting.url, 2, xff('203.0.113.2'))).toEqual([200, 429]);
    } finally {
      await trusting.close();
      await distrusting.close();
    }
  });
});
