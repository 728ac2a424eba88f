// `npm run build`: the server (dist/server) and the web app (dist/web).
// `--if-stale` (what `npm start` uses) skips each part that is already up to date, and then
// says nothing: `npm start` shows the banner first.
import { buildServer, ensureServerBuild } from './build-server';
import { buildWeb, ensureWebBuild } from './build-web';

const ifStale = process.argv.includes('--if-stale');
try {
  const t = performance.now();
  const server = ifStale ? await ensureServerBuild() : (await buildServer(), true);
  if (server) console.log(`build: server -> dist/server (${Math.round(performance.now() - t)} ms)`);
  const w = performance.now();
  const web = ifStale ? ensureWebBuild() : (buildWeb(), true);
  if (web) console.log(`build: web -> dist/web (${Math.round(performance.now() - w)} ms)`);
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
