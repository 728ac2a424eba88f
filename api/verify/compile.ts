// Compile standard JSON in a worker thread, one at a time: solc-js is synchronous and takes
// seconds, so it must never run on the API's event loop, and the machine's cores are shared
// with the indexer, so verifications queue rather than run side by side.
import { Worker } from 'node:worker_threads';
import type { Compiler } from './compilers';

export interface SolcOutput {
  errors?: { severity: string; formattedMessage?: string; message: string }[];
  contracts?: Record<string, Record<string, CompiledContract>>;
}

export interface CompiledContract {
  abi: unknown[];
  metadata?: string;
  evm: {
    bytecode: { object: string };
    deployedBytecode: { object: string; immutableReferences?: Record<string, { start: number; length: number }[]> };
  };
}

const WORKER = new URL('./compile-worker.mjs', import.meta.url);
let queue: Promise<unknown> = Promise.resolve();

function runWorker(compiler: Compiler, input: string): Promise<SolcOutput> {
  return new Promise((ok, fail) => {
    const worker = new Worker(WORKER, { workerData: { packageName: compiler.packageName, input } });
    worker.once('message', (m: { ok: boolean; output?: string; error?: string }) => {
      void worker.terminate();
      if (!m.ok) return fail(new Error(`solc failed: ${m.error}`));
      try {
        ok(JSON.parse(m.output!) as SolcOutput);
      } catch {
        fail(new Error('solc returned output that is not JSON'));
      }
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`the compiler worker exited with code ${code}`));
    });
  });
}

/** Compile `input` (standard JSON, as text) with `compiler`; queued behind earlier compilations. */
export function compileStandardJson(compiler: Compiler, input: string): Promise<SolcOutput> {
  const run = queue.then(() => runWorker(compiler, input));
  queue = run.catch(() => undefined);
  return run;
}
