// `yuscan --help` and `yuscan <command> --help`, and the log format: readable lines on a
// terminal, JSON lines anywhere else. Run through bin/yuscan.js, as a user runs it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFormat } from '../config/log';
import { connect, migrateToLatest } from '../db';
import { freePort } from './helpers/api';

const COMMANDS = ['start', 'devnet', 'index', 'serve', 'migrate'];
const yuscan = (...args: string[]) => spawnSync(process.execPath, ['bin/yuscan.js', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('yuscan --help', () => {
  it('the overview names every command, exit 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = yuscan(flag);
      expect(r.status, flag).toBe(0);
      for (const c of COMMANDS) expect(r.stdout, `${flag} ${c}`).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    }
  });

  it.each(COMMANDS)('yuscan %s --help lists every flag the command accepts, with its variable and default, exit 0', (command) => {
    const r = yuscan(command, '--help');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^yuscan ${command} — `));
    expect(yuscan(command, '-h').stdout).toBe(r.stdout);
    expect(yuscan('help', command).stdout).toBe(r.stdout);
    // The parser's own list of flags (from its answer to a bad one), each in the help.
    const bad = yuscan(command, '--no-such-flag');
    expect(bad.status).toBe(2);
    const accepted = /Accepted flags: (.*)$/m.exec(bad.stderr)![1]!.split(', ');
    expect(accepted.length).toBeGreaterThan(0);
    for (const flag of accepted) expect(r.stdout, flag).toMatch(new RegExp(`^  ${flag}\\b`, 'm'));
    expect(r.stdout).toContain('LOG_LEVEL');
  });

  it('names the environment and the defaults', () => {
    const start = yuscan('start', '--help').stdout;
    expect(start).toMatch(/^ {2}--db URL +.*\(env DATABASE_URL, default sqlite:\.\/data\/yuscan\.db\)$/m);
    expect(start).toMatch(/^ {2}--port N +.*\(env PORT, default 4000\)$/m);
    expect(start).toMatch(/^ {2}--devnet-port N +.*\(default 8545\)$/m);
    expect(start).toMatch(/^ {2}VALIDATOR_OFFLINE_TURNS +.*\(default 3\)$/m);
    expect(yuscan('index', '--help').stdout).toMatch(/^Usage: yuscan index --rpc URL \[flags\]$/m);
    expect(yuscan('serve', '--help').stdout).toMatch(/^ {2}--workers N +.*\(env WORKERS, default 1\)$/m);
  });

  it('an unknown command is still an error, even with --help', () => {
    const r = yuscan('frobnicate', '--help');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('yuscan: unknown command "frobnicate"; it takes one of start, devnet, index, serve, migrate, compilers, audit');
  });
});

/** Run `yuscan serve` until it logs that it serves; its stderr, as it was written. */
async function serveLog(onTerminal: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'yuscan-log-'));
  const url = `sqlite:${join(dir, 'yuscan.db')}`;
  const db = connect(url);
  await migrateToLatest(db);
  await db.close();
  const args = ['bin/yuscan.js', 'serve', '--db', url, '--port', String(await freePort())];
  const env = { ...process.env, LOG_LEVEL: 'info' };
  // util-linux `script` gives the command a pseudo-terminal of its own, as a shell window does.
  const child = onTerminal
    ? spawn('script', ['-qefc', [process.execPath, ...args].join(' '), '/dev/null'], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise((ok) => child.on('exit', ok));
  try {
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/serving/);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  return out;
}

describe('log format', () => {
  it('is chosen by whether the log stream is a terminal', () => {
    expect(logFormat({ isTTY: true })).toBe('pretty');
    expect(logFormat({ isTTY: false })).toBe('json');
    expect(logFormat({})).toBe('json');
  });

  it('JSON lines when stderr is not a terminal', async () => {
    const line = (await serveLog(false)).split('\n').find((l) => l.includes('"serving"'))!;
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 30, name: 'api', msg: 'serving' });
  });

  it('readable lines on a terminal', async () => {
    const raw = await serveLog(true);
    // Each line clears the terminal line first, where a progress line may stand.
    // eslint-disable-next-line no-control-regex
    expect(raw).toMatch(/\r\x1b\[2K\S*\[\d\d:\d\d:\d\d\]/);
    // eslint-disable-next-line no-control-regex
    const lines = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/).map((l) => l.replace(/^\r/, ''));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO \(api\): serving$/));
    expect(raw).not.toMatch(/"msg":/);
  });
});
