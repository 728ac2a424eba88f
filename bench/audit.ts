// `npm run bench:audit`: how long `yuscan audit` takes over the devnet's full history (seed 1,
// 2020-04-14 to today, UTC), run as a user runs it (bin/yuscan.js, a process of its own). Prints
// figures, asserts nothing. BENCH_REPEAT runs (default 3); the median is the figure.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDevnet, startOfTodayUtc } from '../devnet';
import { freePort } from '../test/helpers/api';

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Asynchronously: the devnet answers from this process.
const run = promisify(execFile);

const historyEnd = startOfTodayUtc();
console.log(`building the devnet's full history (seed 1, to ${historyEnd.toISOString().slice(0, 10)}) …`);
let t = performance.now();
const devnet = await startDevnet({ port: await freePort(), seed: 1, history: 'full', historyEnd, blockTimeMs: 2000, live: false });
console.log(`devnet ready in ${((performance.now() - t) / 1000).toFixed(1)} s: ${devnet.rpcUrl}, registry ${devnet.registry}`);

const runs: Array<{ seconds: number; out: { blockHeight: number; kpis: unknown[] } }> = [];
try {
  for (let i = 0; i < REPEAT; i++) {
    t = performance.now();
    const { stdout } = await run(process.execPath, ['bin/yuscan.js', 'audit', '--rpc', devnet.rpcUrl, '--registry', devnet.registry, '--json'], { cwd: ROOT, maxBuffer: 1 << 24 });
    runs.push({ seconds: (performance.now() - t) / 1000, out: JSON.parse(stdout) });
  }
} finally {
  await devnet.stop();
}
runs.sort((a, b) => a.seconds - b.seconds);
const median = runs[Math.floor(runs.length / 2)]!;
const events = (median.out.kpis as Array<{ evidence: number }>).reduce((s, k) => s + k.evidence, 0);
console.log(
  `yuscan audit over the full history: ${median.out.blockHeight + 1} blocks, ${median.out.kpis.length} KPIs (both phases), ` +
    `${events} evidence records: ${median.seconds.toFixed(2)} s wall clock, process start included ` +
    `(median of ${runs.length}: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')} s)`,
);
