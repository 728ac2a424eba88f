// `npx tsx bench/start.ts`: the embedded default as a new user runs it. `npm start` (build
// check included) on a fresh SQLite database, the devnet's full history: the time until the
// indexer reports itself up to date, and then the memory of the yuscan process and of the
// devnet's anvil child, each and summed. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/helpers/api';
import { anvilBelow, commandLine, descendants } from '../test/helpers/processes';
import { memoryMb, ROOT } from './process-stats';

const SETTLE_S = Number(process.env.BENCH_SETTLE_SECONDS ?? 10);

console.log(`machine load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${process.env.BENCH_NOTE ?? 'shared machine'})`);
const dir = mkdtempSync(join(tmpdir(), 'yuscan-bench-start-'));
const [port, devnetPort] = [await freePort(), await freePort()];
const started = performance.now();
const npm = spawn('npm', ['start', '--', '--db', `sqlite:${join(dir, 'yuscan.db')}`, '--port', String(port), '--devnet-port', String(devnetPort)], {
  cwd: ROOT,
  env: { ...process.env, LOG_LEVEL: 'warn', RPC_URL: '', DATABASE_URL: '', PORT: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
/** npm -> sh -> node bin/yuscan.js start (-> sh -> anvil). */
const yuscanStart = () => descendants(npm.pid!).find((p) => commandLine(p).includes('bin/yuscan.js start'));
let out = '';
const caughtUp = new Promise<number>((resolve, reject) => {
  npm.stdout!.on('data', (d: Buffer) => {
    out += String(d);
    const m = /indexing: up to date at block (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before catching up:\n${out.slice(-2000)}`)));
});
try {
  const head = await caughtUp;
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const yuscanPid = yuscanStart();
  if (!yuscanPid) throw new Error('no yuscan start process found below npm');
  const anvilPid = anvilBelow(yuscanPid)[0]!;
  const y = memoryMb(yuscanPid)!;
  const a = memoryMb(anvilPid)!;
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  console.log(`\nbench:start — npm start on a fresh SQLite database, devnet history up to today (${head} blocks indexed)`);
  console.log(`  npm start to "indexing: up to date":  ${seconds.toFixed(1)} s   (target ≤ 30 s)`);
  console.log(`  RSS ${SETTLE_S} s after caught up:  yuscan ${mb(y.rss)} + anvil ${mb(a.rss)} = ${mb(y.rss + a.rss)}   (target ≤ 300 MB)`);
  console.log(`  peak RSS:                         yuscan ${mb(y.peak)}, anvil ${mb(a.peak)}`);
  console.log(`machine load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  // SIGINT to yuscan itself, as Ctrl-C at a terminal would send it.
  const pid = yuscanStart();
  if (pid) process.kill(pid, 'SIGINT');
  else npm.kill('SIGINT');
  await new Promise((r) => npm.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
