// The Solidity compilers verification offers: solc-js builds from the npm registry, installed
// side by side under npm aliases (package.json), so nothing is downloaded at run time.
// A spread of 0.8.x: 0.8.19 (the last to default to the paris EVM, before PUSH0), 0.8.24
// (cancun opcodes), 0.8.26 (custom errors in require) and 0.8.28 (the one the registry uses).

export interface Compiler {
  /** Long version as solc reports it and Etherscan expects it, e.g. v0.8.24+commit.e11b9ed9. */
  longVersion: string;
  /** The npm package that provides it. */
  packageName: string;
}

export const COMPILERS: readonly Compiler[] = [
  { longVersion: 'v0.8.19+commit.7dd6d404', packageName: 'solc-0.8.19' },
  { longVersion: 'v0.8.24+commit.e11b9ed9', packageName: 'solc-0.8.24' },
  { longVersion: 'v0.8.26+commit.8a97fa7a', packageName: 'solc-0.8.26' },
  { longVersion: 'v0.8.28+commit.7893614a', packageName: 'solc' },
];

export class UnknownCompilerError extends Error {
  override name = 'UnknownCompilerError';
}

/** The short form, 0.8.24, of a long version. */
export const shortVersion = (long: string) => long.replace(/^v/, '').split('+')[0]!;

/**
 * The installed compiler for a requested version: `v0.8.24+commit.e11b9ed9` (Etherscan's
 * form), `0.8.24+commit.e11b9ed9` or `0.8.24`. A commit that differs from the installed
 * build's is refused too: it would be a different compiler.
 */
export function resolveCompiler(requested: string): Compiler {
  const wanted = requested.trim().replace(/^v/, '');
  const [version, build] = wanted.split('+');
  const hit = COMPILERS.find((c) => shortVersion(c.longVersion) === version);
  const commit = build?.match(/commit\.([0-9a-f]+)/)?.[1];
  if (hit && (!commit || hit.longVersion.endsWith(`commit.${commit}`))) return hit;
  throw new UnknownCompilerError(
    `compiler ${requested || '(none)'} is not installed; this server compiles offline with ${COMPILERS.map((c) => c.longVersion).join(', ')}`,
  );
}
