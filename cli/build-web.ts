// `npm start` runs this first: build the web app into dist/web when it is missing or older
// than its sources. Without a web app in the checkout yet, it warns and lets start go on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules') t = Math.max(t, newest(join(path, e)));
  return t;
}

const config = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'].find((f) => existsSync(f));
if (!config || !existsSync('web')) {
  console.warn('build-web: no vite.config.ts or web/ in this checkout; skipping the web build (the API still runs)');
} else {
  const built = existsSync('dist/web/index.html') ? statSync('dist/web/index.html').mtimeMs : 0;
  const sources = Math.max(newest('web'), newest(config), newest('config/constants.ts'), newest('package.json'));
  if (built >= sources) {
    console.log('build-web: dist/web is up to date');
  } else {
    console.log('build-web: building the web app (vite build)…');
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('build-web: vite build failed');
      process.exit(r.status ?? 1);
    }
  }
}
