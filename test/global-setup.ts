// Runs once before every test file: the browser suites and `yuscan start` serve dist/web,
// so build it here rather than racing to build it from parallel test files.
import { ensureWebBuild } from '../cli/build-web';

export default function setup(): void {
  ensureWebBuild();
}
