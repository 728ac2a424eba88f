// Child processes for the start-up and soak benches: spawn a compiled `yuscan` command and
// read its memory from /proc (VmRSS now, VmHWM the high-water mark), not from getrusage,
// which Linux carries across fork+exec.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function memoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves when stdout or stderr contains `text`. */
  saw(text: string): Promise<void>;
  /** Highest VmHWM seen while it ran (sampled every 50 ms, and VmHWM only grows). */
  peakMb(): number;
}

export function yuscan(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['bin/yuscan.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: [string, () => void][] = [];
  const onData = (d: Buffer) => {
    out += String(d);
    if (out.length > 1 << 20) out = out.slice(-(1 << 19));
    for (const [t, fn] of waiters) if (out.includes(t)) fn();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, memoryMb(child.pid!)?.peak ?? 0)), 50);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => (clearInterval(timer), r(code))));
  return {
    child,
    exited,
    saw: (t) => (out.includes(t) ? Promise.resolve() : new Promise((r) => waiters.push([t, r]))),
    peakMb: () => peak,
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
