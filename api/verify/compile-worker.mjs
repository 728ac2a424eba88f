// One compilation (or version probe) off the API's event loop: load the requested solc-js
// build, from an npm package or from a soljson file of the operator's compilers folder, and
// run its standard-JSON entry point. Plain JavaScript so it runs in a worker thread under
// node, tsx and vitest alike, without a TypeScript loader.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const load = (build) => (build.file ? require('solc/wrapper')(require(build.file)) : require(build.package));

try {
  if (workerData.mode === 'versions') {
    // Each build's own version string, e.g. 0.8.24+commit.e11b9ed9.Emscripten.clang.
    parentPort.postMessage({ ok: true, versions: workerData.builds.map((b) => load(b).version()) });
  } else {
    const solc = load(workerData.build);
    parentPort.postMessage({ ok: true, version: solc.version(), output: solc.compile(workerData.input) });
  }
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
