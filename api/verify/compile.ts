// Compile standard JSON in a child process: solc-js is synchronous and takes seconds, so it
// must never run on the API's event loop, nor compete with it for the CPU on equal terms.
// The child runs at the lowest scheduling priority, so GraphQL and /healthz keep their
// latency while verifications run (a worker thread would share the server's priority).
// A compilation past its time limit, or one running when the server stops, is ended by
// killing the child: solc-js cannot be interrupted any other way, and its memory goes with it.
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What the compile worker loads: an npm package, or a soljson file. */
export type Build = { package: string; file?: undefined } | { file: string; package?: undefined };

export interface SolcOutput {
  errors?: { severity: string; formattedMessage?: string; message: string }[];
  contracts?: Record<string, Record<string, CompiledContract>>;
}

type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;

export interface CompiledContract {
  abi: unknown[];
  metadata?: string;
  evm: {
    bytecode: { object: string; linkReferences?: LinkReferences };
    deployedBytecode: { object: string; linkReferences?: LinkReferences; immutableReferences?: Record<string, { start: number; length: number }[]> };
  };
}

/** The compilation ran past its limit; its compiler process was killed. */
export class CompileTimeoutError extends Error {
  override name = 'CompileTimeoutError';
}

/** The compilation was abandoned because the server is stopping. */
export class CompileAbortedError extends Error {
  override name = 'CompileAbortedError';
}

const WORKER = fileURLToPath(new URL('./compile-worker.mjs', import.meta.url));
// solc-js keeps its whole heap in the child; a source crafted to blow it up takes the child
// down (an error for that job), not the server.
const WORKER_HEAP_MB = 1024;
/** Nice 19: the scheduler gives the server's threads the CPU first. */
const LOWEST_PRIORITY = 19;

type WorkerJob = { mode: 'versions'; builds: Build[] } | { mode: 'compile'; build: Build; input: string };

/** Run one job in a fresh child process; killed after `timeoutMs` or when `signal` aborts. */
export function runInWorker<T>(job: WorkerJob, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
  return new Promise((ok, fail) => {
    if (opts.signal?.aborted) return fail(new CompileAbortedError('the server is stopping'));
    // No loader flags of the parent's (tsx, vitest): the worker is plain JavaScript.
    const worker = fork(WORKER, [], { execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      if (worker.pid !== undefined) setPriority(worker.pid, LOWEST_PRIORITY);
    } catch {
      // Not permitted here: it still runs, at the server's priority.
    }
    worker.send(job);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (worker.exitCode === null) worker.kill('SIGKILL');
      fn();
    };
    const timer = setTimeout(
      () => settle(() => fail(new CompileTimeoutError(`compilation ran longer than ${opts.timeoutMs / 1000} s and was stopped`))),
      opts.timeoutMs,
    );
    const onAbort = () => settle(() => fail(new CompileAbortedError('the server is stopping')));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: { ok: boolean; error?: string } & T) =>
      settle(() => (m.ok ? ok(m) : fail(new Error(`solc failed: ${m.error}`)))),
    );
    worker.once('error', (err) => settle(() => fail(new Error(`the compiler process failed: ${err.message}`))));
    worker.once('exit', (code, signal) => settle(() => fail(new Error(`the compiler process exited with ${signal ?? `code ${code}`}`))));
  });
}

/** Compile `input` (standard JSON, as text) with the compiler `build`. */
export async function compileStandardJson(build: Build, input: string, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<SolcOutput> {
  const reply = await runInWorker<{ output: string }>({ mode: 'compile', build, input }, opts);
  try {
    return JSON.parse(reply.output) as SolcOutput;
  } catch {
    throw new Error('solc returned output that is not JSON');
  }
}
