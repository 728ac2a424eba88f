// Compile standard JSON in a worker thread: solc-js is synchronous and takes seconds, so it
// must never run on the API's event loop. A compilation past its time limit, or one running
// when the server stops, is ended by terminating its thread: solc-js cannot be interrupted
// any other way, and the thread's memory goes with it.
import { Worker } from 'node:worker_threads';

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

/** The compilation ran past its limit; its worker was terminated. */
export class CompileTimeoutError extends Error {
  override name = 'CompileTimeoutError';
}

/** The compilation was abandoned because the server is stopping. */
export class CompileAbortedError extends Error {
  override name = 'CompileAbortedError';
}

const WORKER = new URL('./compile-worker.mjs', import.meta.url);
// solc-js keeps its whole heap in the thread; a source crafted to blow it up takes the thread
// down (an error for that job), not the server.
const WORKER_HEAP_MB = 1024;

type WorkerJob = { mode: 'versions'; builds: Build[] } | { mode: 'compile'; build: Build; input: string };

/** Run one job in a fresh worker thread; terminated after `timeoutMs` or when `signal` aborts. */
export function runInWorker<T>(job: WorkerJob, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
  return new Promise((ok, fail) => {
    if (opts.signal?.aborted) return fail(new CompileAbortedError('the server is stopping'));
    const worker = new Worker(WORKER, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
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
    worker.once('error', (err) => settle(() => fail(new Error(`the compiler worker failed: ${err.message}`))));
    worker.once('exit', (code) => settle(() => fail(new Error(`the compiler worker exited with code ${code}`))));
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
