// Child processes for the benches: spawn a compiled `yuscan` command and read its memory
// from /proc (VmRSS now, VmHWM the high-water mark), not from getrusage, which Linux carries
// across fork+exec; and the CPU a process tree has spent, also from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * CPU seconds (user + system) spent so far by a process and its live descendants, from
 * /proc: a cluster's workers are children of its primary. 0 where /proc is missing.
 */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      // Fields after the parenthesised command name, which may itself hold spaces.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
      for (const tid of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').split(' ')) if (child) visit(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return ticks / 100; // USER_HZ, 100 on Linux whatever the kernel's own tick
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
