// One compilation off the API's event loop: load the requested solc-js build and run its
// standard-JSON entry point. Plain JavaScript so it runs in a worker thread under node, tsx
// and vitest alike, without a TypeScript loader.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { packageName, input } = workerData;
try {
  const solc = require(packageName);
  const output = solc.compile(input);
  parentPort.postMessage({ ok: true, version: solc.version(), output });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
