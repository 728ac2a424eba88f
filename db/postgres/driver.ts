// The pg driver, loaded on first use, so a process on SQLite never pays for it.
import { createRequire } from 'node:module';
import type pg from 'pg';

const require = createRequire(import.meta.url);
let pgModule: typeof pg | undefined;

/** The pg driver, configured once. */
export function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = require('pg') as typeof pg;
    // int8 (bigint, COUNT) arrives from pg as a string; every int8 we store fits in 2^53
    // (block numbers, timestamps, gas), so read it as a number like SQLite does. NUMERIC
    // stays a string: that is where the uint256 values live.
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (v) => Number(v));
  }
  return pgModule;
}
