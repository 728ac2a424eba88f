// `npm run build`: the server (dist/server) and the web app (dist/web).
// `--if-stale` (what `npm start` uses) skips each part that is already up to date.
import { buildServer, ensureServerBuild } from './build-server';
import { buildWeb, ensureWebBuild } from './build-web';

const ifStale = process.argv.includes('--if-stale');
try {
  const t = performance.now();
  const server = ifStale ? await ensureServerBuild() : (await buildServer(), true);
  console.log(server ? `build: server -> dist/server (${Math.round(performance.now() - t)} ms)` : 'build: dist/server is up to date');
  const w = performance.now();
  const web = ifStale ? ensureWebBuild() : (buildWeb(), true);
  console.log(web ? `build: web -> dist/web (${Math.round(performance.now() - w)} ms)` : 'build: dist/web is up to date');
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
