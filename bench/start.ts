// `npm run bench:start`: the embedded default as a new user runs it. Prints figures;
// asserts nothing.
//  - `yuscan devnet` (compiled) alone: the time until it prints its RPC URL (the full history
//    built), and the memory of its node process and of its anvil child;
//  - `npm start` (build check included) on a fresh SQLite database: the time until the indexer
//    reports itself up to date, then the memory of the yuscan process and of the devnet's anvil
//    child, each and summed. BENCH_ONLY=devnet skips this part.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/helpers/api';
import { anvilBelow, commandLine, descendants } from '../test/helpers/processes';
import { ensureServerBuild } from '../cli/build-server';
import { memoryMb, ROOT, yuscan } from './process-stats';

const SETTLE_S = Number(process.env.BENCH_SETTLE_SECONDS ?? 10);

console.log(`machine load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${process.env.BENCH_NOTE ?? 'shared machine'})`);
const mb = (x: number) => `${x.toFixed(0)} MB`;
await ensureServerBuild();

{
  const t = performance.now();
  const devnet = yuscan(['devnet', '--port', String(await freePort())], { LOG_LEVEL: 'warn' });
  await devnet.saw('RPC URL');
  const seconds = (performance.now() - t) / 1000;
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const node = memoryMb(devnet.child.pid!)!;
  const anvil = memoryMb(anvilBelow(devnet.child.pid!)[0]!)!;
  console.log(`\nbench:start — yuscan devnet (compiled), full history up to today`);
  console.log(`  start to "RPC URL" (history built):  ${seconds.toFixed(1)} s`);
  console.log(`  RSS ${SETTLE_S} s after:  node ${mb(node.rss)} + anvil ${mb(anvil.rss)} = ${mb(node.rss + anvil.rss)}   (peak: node ${mb(node.peak)}, anvil ${mb(anvil.peak)})`);
  devnet.child.kill('SIGTERM');
  await devnet.exited;
}
if (process.env.BENCH_ONLY === 'devnet') process.exit(0);

const dir = mkdtempSync(join(tmpdir(), 'yuscan-bench-start-'));
const [port, devnetPort] = [await freePort(), await freePort()];
const started = performance.now();
const npm = spawn('npm', ['start', '--', '--db', `sqlite:${join(dir, 'yuscan.db')}`, '--port', String(port), '--devnet-port', String(devnetPort)], {
  cwd: ROOT,
  env: { ...process.env, LOG_LEVEL: 'warn', RPC_URL: '', DATABASE_URL: '', PORT: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
/** npm -> sh -> node bin/yuscan.js start (-> sh -> anvil): the node process, not the shell that runs it. */
const yuscanStart = () =>
  descendants(npm.pid!).find((p) => commandLine(p).split(' ')[0]!.endsWith('node') && commandLine(p).includes('bin/yuscan.js start'));
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
