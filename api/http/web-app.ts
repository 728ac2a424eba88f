// The built web app: hashed assets cached for a year, app routes answered with the SPA's
// index.html (embeds with their own embed.html), anything else with a file extension 404.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>yuscan</title><p>The web app is not built (run <code>npm start</code> or <code>npx vite build</code>). The API is at <a href="/graphql">/graphql</a>.</p>';

export function webApp(dir: string): Router {
  const webDir = resolve(dir);
  const indexFile = join(webDir, 'index.html');
  const embedFile = join(webDir, 'embed.html');
  const router = express.Router();
  router.use('/assets', express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.use(express.static(webDir, { index: false, maxAge: '1h' }));
  router.use((req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /\.[a-z0-9]+$/i.test(req.path)) {
      return res.status(404).type('text').send('not found');
    }
    res.setHeader('cache-control', 'no-cache');
    const page = req.path.startsWith('/embed/') && existsSync(embedFile) ? embedFile : indexFile;
    if (existsSync(page)) return res.type('html').send(readFileSync(page, 'utf8'));
    res.type('html').send(NOT_BUILT);
  });
  return router;
}
