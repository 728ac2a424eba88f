// Builds the web app (vite build -> dist/web) when it is missing or older than its sources.
// `npm start` runs it through cli/build.ts; the test suite's global setup and bench:web call
// ensureWebBuild() so they always serve what the sources say.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT as ROOT, WEB_DIST } from '../config/paths';

export { ROOT, WEB_DIST };
const SOURCES = ['web', 'vite.config.ts', 'config/constants.ts', 'package.json'].map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/web (both entries) is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const entries = ['index.html', 'embed.html'].map((f) => join(WEB_DIST, f));
  if (!entries.every(existsSync)) return true;
  const built = Math.min(...entries.map((f) => statSync(f).mtimeMs));
  return built < Math.max(...SOURCES.map(newestMtime));
}

/** Build now, in a child process with NODE_ENV=production (under vitest it is 'test', which would bundle React's development build). */
export function buildWeb(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

/** Build unless dist/web is up to date; says whether it built. */
export function ensureWebBuild(): boolean {
  if (!webBuildIsStale()) return false;
  buildWeb();
  return true;
}

