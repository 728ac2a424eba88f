// Builds the web app (vite build -> dist/web) once, when it is missing or older than its
// sources. Test files run in parallel forks: a lock directory makes sure only one builds,
// and the others wait for it.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'dist/web');
const LOCK = join(ROOT, 'dist/.web-build.lock');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'SHELL_READY') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/web is missing or older than web/ or vite.config.ts. */
export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built) || !existsSync(join(WEB_DIST, 'embed.html'))) return true;
  const sources = Math.max(newestMtime(join(ROOT, 'web')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  return statSync(built).mtimeMs < sources;
}

export async function ensureWebBuild(force = process.env.YUSCAN_E2E_BUILD === '1'): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (!force && !webBuildIsStale()) return;
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else is building; steal a lock left behind by a crashed run.
      if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another web build');
      await sleep(500);
      continue;
    }
    try {
      // A child process with NODE_ENV=production: inside vitest NODE_ENV is 'test', which
      // would make Vite bundle React's development build.
      await execFileP(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
