// `npm run build`: the server (dist/server) and the web app (dist/web).
// `--if-stale` (what `npm start` uses) skips each part that is already up to date.
import { buildServer, ensureServerBuild } from './build-server';
import { buildWeb, ensureWebBuild } from './build-web';

const ifStale = process.argv.includes('--if-stale');
try {
  const t = performance.now();
  await (ifStale ? ensureServerBuild() : buildServer());
  console.log(`build: server -> dist/server (${Math.round(performance.now() - t)} ms)`);
  const w = performance.now();
  if (ifStale) ensureWebBuild();
  else buildWeb();
  console.log(`build: web -> dist/web (${Math.round(performance.now() - w)} ms)`);
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
