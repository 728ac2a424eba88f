// Compiles the server (every `yuscan` command) into dist/server with esbuild: one ESM
// bundle of our own code, split at each dynamic import so a command loads only its own
// chunks. Start-up is dominated by module loading (kysely and zod are hundreds of small
// files; viem's entry loads all of viem for the few ABI functions we call), so the
// libraries on the index/migrate path are compiled in, tree-shaken; the rest (native
// addons, hardhat, the API stack with its one-graphql-instance rule) load from
// node_modules as usual.
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { ROOT, SERVER_DIST, SERVER_MANIFEST, serverBuildIsFresh } from '../bin/build-state.js';

/** Packages compiled into the bundle (tree-shaken) rather than loaded whole at run time. */
const BUNDLED = new Set(['viem', 'kysely', 'zod', 'pino', 'pg']);
/**
 * Files our code loads by `new URL('./file', import.meta.url)`, which esbuild leaves as they
 * are: each is copied beside every output file that holds the code referring to it.
 */
const URL_ASSETS = [{ file: 'api/verify/compile-worker.mjs', usedBy: 'api/verify/compile.ts' }];
/** Optional requires inside bundled packages that are not installed (pg's native binding). */
const OPTIONAL = ['pg-native'];

/** esbuild's `packages: 'external'`, with exceptions. */
function externalPackagesExcept(bundled: Set<string>): Plugin {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
        if (bundled.has(name) || args.path.startsWith('node:')) return undefined;
        // Only our own sources' imports: inside a bundled package, its dependencies are bundled too.
        if (args.importer.includes('/node_modules/')) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** How production code is compiled; the indexer bench compiles its phase script the same way. */
export const NODE_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackagesExcept(BUNDLED)],
  external: OPTIONAL,
  // Bundled CommonJS (pg, pino) calls require() for node builtins; ESM has none.
  banner: { js: "import { createRequire as __yuscanRequire } from 'node:module'; const require = __yuscanRequire(import.meta.url);" },
  logLevel: 'warning',
} satisfies BuildOptions;

export async function buildServer(): Promise<void> {
  rmSync(SERVER_DIST, { recursive: true, force: true });
  const result = await build({
    ...NODE_BUNDLE,
    entryPoints: { main: 'cli/main.ts' },
    outdir: SERVER_DIST,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    sourcemap: true,
    metafile: true,
  });
  for (const [out, { inputs }] of Object.entries(result.metafile.outputs)) {
    for (const a of URL_ASSETS) if (a.usedBy in inputs) copyFileSync(join(ROOT, a.file), join(ROOT, dirname(out), basename(a.file)));
  }
  const inputs = [...Object.keys(result.metafile.inputs), ...URL_ASSETS.map((a) => a.file)].map((p) => relative(ROOT, join(ROOT, p)));
  // Written last: its mtime is the build's time, and its presence says the build finished.
  writeFileSync(SERVER_MANIFEST, JSON.stringify({ inputs }, null, 1));
}

/** Build unless dist/server is fresh; says whether it built. */
export async function ensureServerBuild(): Promise<boolean> {
  if (serverBuildIsFresh()) return false;
  await buildServer();
  return true;
}
