// Runs once before every test file: the browser suites and `yuscan start` serve dist/web,
// and the suites that spawn `yuscan` should run what production runs (dist/server), so
// build both here rather than racing to build them from parallel test files.
import { ensureServerBuild } from '../cli/build-server';
import { ensureWebBuild } from '../cli/build-web';

export default async function setup(): Promise<void> {
  await ensureServerBuild();
  ensureWebBuild();
}
