// Which code `yuscan` runs: the compiled bundle (dist/server, from `npm run build`) when it
// is there and no source it was built from has changed since; otherwise the TypeScript
// sources through tsx. The build lists its inputs in dist/server/build.json, so the check
// is a stat per source file (a few milliseconds), not a walk of the tree.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIST = join(ROOT, 'dist/server');
export const SERVER_MANIFEST = join(SERVER_DIST, 'build.json');
export const SERVER_ENTRY = join(SERVER_DIST, 'main.js');

/** True when dist/server holds a build of the current sources. */
export function serverBuildIsFresh() {
  if (!existsSync(SERVER_MANIFEST) || !existsSync(SERVER_ENTRY)) return false;
  const builtAt = statSync(SERVER_MANIFEST).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(SERVER_MANIFEST, 'utf8'));
  for (const input of inputs) {
    const path = join(ROOT, input);
    // A deleted or moved source means the build no longer describes the tree.
    if (!existsSync(path)) return false;
    if (statSync(path).mtimeMs > builtAt) return false;
  }
  return true;
}
