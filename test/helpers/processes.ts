// Processes a test started, read from /proc (Linux): their descendants, and whether any
// outlived them.
import { readdirSync, readFileSync } from 'node:fs';

/** Every live descendant of a process. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)) {
        out.push(child, ...descendants(child));
      }
    }
  } catch {
    // gone meanwhile
  }
  return out;
}

/** A process's command line, its arguments joined by spaces ('' once it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The anvil processes (the devnet's node) below `pid`. */
export const anvilBelow = (pid: number): number[] => descendants(pid).filter((p) => commandLine(p).split(' ')[0]!.endsWith('/anvil'));

/** Running, not a zombie; a process that ends between the two looks is not alive. */
const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** Waits up to `ms` for every one of `pids` to end; returns those still running then. */
export async function outlive(pids: number[], ms: number): Promise<number[]> {
  const end = Date.now() + ms;
  let running = pids.filter(alive);
  while (running.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    running = running.filter(alive);
  }
  return running;
}
