// Where the package lives on disk. Source files sit one folder below the root, the bundle
// (dist/server/…) deeper: walk up to package.json rather than count folders, so files the
// server reads at run time (schema.graphql, dist/web) resolve the same under tsx and built.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
/** The built web app `yuscan serve` answers with. */
export const WEB_DIST = join(PACKAGE_ROOT, 'dist/web');
