// npm run bench:web — prints the gzip size of each route's JavaScript (from the Vite
// manifest) and, in headless Chromium against a real devnet + indexer + server, the time to
// first content and the time until each route's data is visible. Figures, not assertions.
//
// Hooks for more routes: add to ROUTES (size) and to TIMED (timing: a path and the selector
// that means "the data is on screen").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_DIST } from '../cli/build-web';
import { launchBrowser } from '../e2e/helpers/browser';
import { startStack } from '../e2e/helpers/stack';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Route → the module its lazy route loads (manifest key), or an HTML entry of its own. */
export const ROUTES: { path: string; entry: string; module?: string }[] = [
  { path: '/', entry: 'index.html', module: 'pages/home/HomePage.tsx' },
  { path: '/blocks', entry: 'index.html', module: 'pages/block/BlocksPage.tsx' },
  { path: '/block/:id', entry: 'index.html', module: 'pages/block/BlockPage.tsx' },
  { path: '/txs', entry: 'index.html', module: 'pages/transaction/TransactionsPage.tsx' },
  { path: '/tx/:hash', entry: 'index.html', module: 'pages/transaction/TransactionPage.tsx' },
  { path: '/address/:address', entry: 'index.html', module: 'pages/address/AddressPage.tsx' },
  { path: '/search', entry: 'index.html', module: 'pages/search/SearchPage.tsx' },
  { path: '/stats', entry: 'index.html', module: 'pages/stats/StatsPage.tsx' },
  { path: '/stats and /address (area chart, lazy)', entry: 'index.html', module: 'components/AreaTrend.tsx' },
  // --- alliance ---
  { path: '/alliance', entry: 'index.html', module: 'alliance/pages/AlliancePage.tsx' },
  { path: '/alliance (charts, lazy)', entry: 'index.html', module: 'alliance/components/AllianceCharts.tsx' },
  { path: '/embed/kpi/PATENTS', entry: 'embed.html' },
  // --- accounts and tokens ---
  { path: '/address?tab=contract (lazy)', entry: 'index.html', module: 'pages/address/contract/ContractTab.tsx' },
  { path: '/address?tab=contract (source view, lazy)', entry: 'index.html', module: 'pages/address/contract/SourceView.tsx' },
  { path: '/token/:address', entry: 'index.html', module: 'pages/tokens/TokenPage.tsx' },
  { path: '/tokens', entry: 'index.html', module: 'pages/tokens/TokensPage.tsx' },
  { path: '/accounts', entry: 'index.html', module: 'pages/accounts/AccountsPage.tsx' },
];

/** Timed page loads: path, and the selector that means its data is on screen. */
export const TIMED: { path: string; ready: string; label: string }[] = [
  { path: '/', ready: '[data-testid="latest-block-row"]', label: 'latest blocks listed' },
  // --- alliance ---
  { path: '/alliance', ready: '[data-testid="kpi-value-PATENTS"][data-value]', label: 'KPI figures visible' },
  { path: '/embed/kpi/PATENTS', ready: '#embed-root[data-state="ready"] svg', label: 'chart rendered' },
  // --- accounts and tokens ---
  { path: '/tokens', ready: '[data-testid="token-row"], [data-testid="empty"]', label: 'tokens listed' },
  { path: '/accounts', ready: '[data-testid="account-row"]', label: 'top accounts listed' },
];

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function gz(file: string): number {
  return gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
}

/** The JS files a chunk pulls in statically (itself included). */
function closure(m: Manifest, key: string, into = new Set<string>()): Set<string> {
  const c = m[key];
  if (!c || into.has(c.file)) return into;
  if (c.file.endsWith('.js')) into.add(c.file);
  for (const i of c.imports ?? []) closure(m, i, into);
  return into;
}

function sizes(): void {
  const m = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
  const rows: string[][] = [['route', 'initial JS (gzip)', 'route chunks (gzip)', 'total (gzip)', 'files']];
  for (const r of ROUTES) {
    const initial = closure(m, r.entry);
    const route = r.module ? closure(m, r.module) : new Set<string>();
    if (r.module && !m[r.module]) {
      rows.push([r.path, '-', 'not built', '-', '']);
      continue;
    }
    for (const f of initial) route.delete(f);
    const i = [...initial].reduce((s, f) => s + gz(f), 0);
    const rt = [...route].reduce((s, f) => s + gz(f), 0);
    rows.push([r.path, kb(i), kb(rt), kb(i + rt), String(initial.size + route.size)]);
  }
  const recharts = Object.values(m).filter((c) => c.file.endsWith('.js') && /recharts|CartesianChart/i.test(c.file + (c.src ?? '')));
  const w = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  console.log('\nJavaScript per route (gzip -9):');
  for (const r of rows) console.log('  ' + r.map((c, j) => c.padEnd(w[j]!)).join('  '));
  console.log(`  (recharts lives in: ${recharts.map((c) => c.file).join(', ') || 'n/a'}; never in the initial chunk)`);
}

async function timings(): Promise<void> {
  const stack = await startStack();
  const browser = await launchBrowser();
  try {
    console.log(`\nPage load in headless Chromium (median of ${RUNS} cold loads, 1280x900, en):`);
    for (const t of TIMED) {
      const fcp: number[] = [];
      const ready: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const page = await ctx.newPage();
        await page.goto(stack.url + t.path, { waitUntil: 'commit' });
        await page.waitForSelector(t.ready, { timeout: 30_000 });
        const readyAt = await page.evaluate(() => performance.now());
        const fcpAt = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        );
        fcp.push(fcpAt);
        ready.push(readyAt);
        await ctx.close();
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      console.log(`  ${t.path.padEnd(22)} first contentful paint ${med(fcp).toFixed(0)} ms   ${t.label} ${med(ready).toFixed(0)} ms`);
      console.log(`  ${''.padEnd(22)} (runs: fcp ${fcp.map((x) => x.toFixed(0)).join(', ')}; ready ${ready.map((x) => x.toFixed(0)).join(', ')})`);
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

ensureWebBuild();
sizes();
await timings();
process.exit(0);
