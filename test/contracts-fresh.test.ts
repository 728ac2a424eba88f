// Fails when someone edits AllianceRegistry.sol and forgets `npm run contracts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDemoContracts, compileRegistry } from '../contracts/compile';
import { allianceRegistryAbi, allianceRegistryBytecode } from '../contracts/registry';

const dir = join(import.meta.dirname, '..', 'contracts');

describe('contracts/ artifacts', () => {
  const compiled = compileRegistry();

  for (const name of Object.keys(compiled.files)) {
    it(`${name} matches a fresh compile of AllianceRegistry.sol (run \`npm run contracts\` if not)`, () => {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(compiled.files[name]);
    });
  }

  it('the exported ABI and bytecode are the compiled ones', () => {
    expect(allianceRegistryBytecode).toBe(compiled.bytecode);
    expect(allianceRegistryAbi).toEqual(compiled.abi);
    expect(compiled.bytecode.length).toBeGreaterThan(1000);
  });

  it('compiles deterministically', () => {
    expect(compileRegistry().files).toEqual(compiled.files);
  });
});

describe('contracts/demo artifacts', () => {
  it('demo/artifacts.ts matches a fresh compile of contracts/demo/*.sol (run `npm run contracts` if not)', () => {
    for (const [name, text] of Object.entries(compileDemoContracts())) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });
});
