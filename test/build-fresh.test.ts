// A fresh clone: `npm run build`, then `yuscan serve` serves the web app from the compiled
// server, with no tsx installed (so it cannot have fallen back to the TypeScript sources)
// and from another working directory (so no path depends on where it was started).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const clone = mkdtempSync(join(tmpdir(), 'yuscan-clone-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

/** What `git clone` would bring: tracked files plus new ones not ignored, as they are now. */
function copyWorkingTree(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(to, f));
  }
}

describe('production build from a fresh clone', () => {
  it('npm run build, then yuscan serve (compiled, no tsx) serves the web app', async () => {
    copyWorkingTree(clone);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    // `npm install` stands in as the installed packages, linked.
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    execFileSync('npm', ['run', 'build'], { cwd: clone, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
    expect(existsSync(join(clone, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(join(clone, 'dist/web/index.html'))).toBe(true);
    // Verification's compiler worker is loaded by URL beside the chunk that starts it.
    const chunks = join(clone, 'dist/server/chunks');
    const starters = readdirSync(chunks).filter((f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes('./compile-worker.mjs'));
    expect(starters).toHaveLength(1);
    expect(existsSync(join(chunks, 'compile-worker.mjs'))).toBe(true);

    // Production dependencies only as far as tsx goes: every package but tsx.
    rmSync(join(clone, 'node_modules'));
    mkdirSync(join(clone, 'node_modules'));
    for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
      if (entry !== 'tsx') symlinkSync(join(ROOT, 'node_modules', entry), join(clone, 'node_modules', entry));
    }
    const yuscan = join(clone, 'bin/yuscan.js');
    const dbUrl = `sqlite:${join(clone, 'data/prod.db')}`;
    execFileSync(process.execPath, [yuscan, 'migrate', '--db', dbUrl], { cwd: tmpdir(), stdio: 'pipe' });

    const port = await freePort();
    const child = spawn(process.execPath, [yuscan, 'serve', '--db', dbUrl, '--port', String(port)], {
      cwd: tmpdir(),
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => (out += String(d)).includes('yuscan API + web:') && resolve());
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out} ${err}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      for (const route of ['/', '/alliance', '/blocks']) {
        const res = await fetch(base + route);
        expect(res.status, route).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        const html = await res.text();
        expect(html).toContain('id="root"');
        const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
        expect(script, 'the page loads a built script').toBeDefined();
        const asset = await fetch(base + script);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
      }
      expect((await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ status { indexedHead } }"}' })).status).toBe(200);
    } finally {
      child.kill();
    }
  });
});
