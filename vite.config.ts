// Builds the web app (web/) into dist/web, which `yuscan serve` (api/server.ts) serves.
//
// Two HTML entries, two independent bundles:
//   - web/index.html -> dist/web/index.html: the explorer + alliance app (router shell).
//   - web/embed.html -> dist/web/embed.html: embeddable charts only; no router shell, no
//     explorer code, kept tiny (<= 120 KB gzip JS).
// The server is expected to answer `/embed/*` with dist/web/embed.html, every other app
// route (/, /blocks, /tx/..., /alliance, ...) with dist/web/index.html (SPA fallback), and
// /assets/* from dist/web/assets with long-lived caching (file names are content-hashed).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  // Everything is bundled: no request ever leaves the page's origin (no CDN fonts/scripts).
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // dist/web/.vite/manifest.json: bench/web.ts reads it to size each route's JavaScript.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        index: here('./web/index.html'),
        embed: here('./web/embed.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // The API (yuscan serve, default port 4000); `ws: true` carries the graphql-ws
      // subscriptions, which share the /graphql path.
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: true },
      '/healthz': { target: 'http://127.0.0.1:4000' },
      '/export': { target: 'http://127.0.0.1:4000' },
    },
  },
});
