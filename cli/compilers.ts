// `yuscan compilers`: the solc versions verification can use, as `serve` finds them (npm
// solc and solc-<version> aliases, and the --compilers-dir / SOLC_COMPILERS_DIR folder).
import type { CompilersConfig } from '../config';
import { Compilers } from '../api/verify/compilers';

export async function runCompilers(config: CompilersConfig): Promise<void> {
  const list = await new Compilers(config.compilersDir).list();
  if (config.json) {
    process.stdout.write(`${JSON.stringify(list.map((c) => ({ version: c.longVersion, origin: c.origin })))}\n`);
    return;
  }
  const width = Math.max(...list.map((c) => c.longVersion.length));
  for (const c of list) process.stdout.write(`${c.longVersion.padEnd(width)}  ${c.origin}\n`);
}
