// The Solidity compilers verification offers: solc-js builds the operator installed, nothing
// downloaded at run time. Two places are looked at:
// - npm: the `solc` package and any `solc-<version>` alias beside it (`npm install
//   solc-0.8.21@npm:solc@0.8.21`); the default install has 0.8.19, 0.8.24, 0.8.26 and 0.8.28;
// - a compilers folder (SOLC_COMPILERS_DIR / --compilers-dir) of soljson files named as on
//   binaries.soliditylang.org, e.g. soljson-v0.8.21+commit.d9974bed.js.
// An npm build's commit is only known by loading it, so the builds are probed once, in a
// compiler process, the first time the list is needed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { runInWorker, type Build } from './compile';

export interface Compiler {
  /** Long version as solc reports it and Etherscan expects it, e.g. v0.8.24+commit.e11b9ed9. */
  longVersion: string;
  build: Build;
  /** Where it comes from, for `yuscan compilers`: "npm solc-0.8.24" or the file's path. */
  origin: string;
}

export class UnknownCompilerError extends Error {
  override name = 'UnknownCompilerError';
}

/** The short form, 0.8.24, of a long version. */
export const shortVersion = (long: string) => long.replace(/^v/, '').split('+')[0]!;

const SOLJSON = /^soljson-(v\d+\.\d+\.\d+\+commit\.[0-9a-f]{8})\.js$/;
const require = createRequire(import.meta.url);

function npmBuilds(): { name: string; version: string }[] {
  const modules = dirname(dirname(require.resolve('solc/package.json')));
  return readdirSync(modules)
    .filter((name) => name === 'solc' || /^solc-\d/.test(name))
    .flatMap((name) => {
      const pkg = join(modules, name, 'package.json');
      if (!existsSync(pkg)) return [];
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      return json.name === 'solc' && json.version ? [{ name, version: json.version }] : [];
    });
}

function folderBuilds(dir: string): Compiler[] {
  return readdirSync(dir).flatMap((file) => {
    const m = SOLJSON.exec(file);
    return m ? [{ longVersion: m[1]!, build: { file: resolve(dir, file) }, origin: resolve(dir, file) }] : [];
  });
}

/** Newest first; one entry per long version (a folder's build wins over npm's, being the operator's choice). */
const ordered = (list: Compiler[]) => {
  const byVersion = new Map<string, Compiler>();
  for (const c of list) if (!byVersion.has(c.longVersion)) byVersion.set(c.longVersion, c);
  const key = (c: Compiler) => shortVersion(c.longVersion).split('.').map((n) => n.padStart(4, '0')).join('.');
  return [...byVersion.values()].sort((a, b) => key(b).localeCompare(key(a)));
};

export class Compilers {
  private listing?: Promise<Compiler[]>;

  constructor(private readonly folder?: string) {}

  /** Every installed compiler, newest first. */
  list(): Promise<Compiler[]> {
    return (this.listing ??= (async () => {
      const fromFolder = this.folder ? folderBuilds(this.folder) : [];
      const npm = npmBuilds();
      const versions = npm.length ? await probeVersions(npm.map((p) => ({ package: p.name }))) : [];
      const fromNpm = npm.map((p, i) => ({ longVersion: `v${versions[i]!.replace(/\.Emscripten.*$/, '')}`, build: { package: p.name }, origin: `npm ${p.name}` }));
      return ordered([...fromFolder, ...fromNpm]);
    })());
  }

  /**
   * The installed compiler for a requested version: `v0.8.24+commit.e11b9ed9` (Etherscan's
   * form), `0.8.24+commit.e11b9ed9` or `0.8.24`. A commit that differs from the installed
   * build's is refused too: it would be a different compiler.
   */
  async resolve(requested: string): Promise<Compiler> {
    const all = await this.list();
    const wanted = requested.trim().replace(/^v/, '');
    const [version, build] = wanted.split('+');
    const commit = build?.match(/commit\.([0-9a-f]+)/)?.[1];
    const hit = all.find((c) => shortVersion(c.longVersion) === version && (!commit || c.longVersion.endsWith(`commit.${commit}`)));
    if (hit) return hit;
    throw new UnknownCompilerError(
      `compiler ${requested || '(none)'} is not installed; this server compiles offline with ${all.map((c) => c.longVersion).join(', ')}`,
    );
  }
}

async function probeVersions(builds: Build[]): Promise<string[]> {
  const reply = await runInWorker<{ versions: string[] }>({ mode: 'versions', builds }, { timeoutMs: 120_000 });
  return reply.versions;
}
