// One compilation (or version probe) off the API's process: load the requested solc-js
// build, from an npm package or from a soljson file of the operator's compilers folder, and
// run its standard-JSON entry point. Plain JavaScript so it runs as a child process under
// node, tsx and vitest alike, without a TypeScript loader. One job, one answer, then exit.
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const load = (build) => (build.file ? require('solc/wrapper')(require(build.file)) : require(build.package));

function answer(job) {
  try {
    if (job.mode === 'versions') {
      // Each build's own version string, e.g. 0.8.24+commit.e11b9ed9.Emscripten.clang.
      return { ok: true, versions: job.builds.map((b) => load(b).version()) };
    }
    const solc = load(job.build);
    return { ok: true, version: solc.version(), output: solc.compile(job.input) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

process.once('message', (job) => process.send(answer(job), () => process.exit(0)));
