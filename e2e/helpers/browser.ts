// Debian's Chromium driven by playwright-core. No request may leave the page's origin:
// `trackForeignRequests` records any that tries.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Collects requests to any origin other than `origin` (data: and blob: are fine) into `foreign`, as they happen. */
function trackForeignRequests(page: Page, origin: string, foreign: string[] = []): string[] {
  const own = new URL(origin);
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    const sameHost = u.port === own.port && (u.hostname === own.hostname || ['127.0.0.1', 'localhost'].includes(u.hostname));
    if (!sameHost) foreign.push(req.url());
  });
  return foreign;
}

/**
 * scrollWidth - clientWidth of the document once nothing on the page is still loading (no
 * skeleton, no loading status): > 0 means a horizontal scrollbar. Measured as soon as the
 * first list appeared, a part drawn later (a chart, a second query's table) could widen the
 * page unseen.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  await page.waitForFunction(() => !document.querySelector('.skeleton, [data-testid="loading"]'), undefined, { timeout: 10_000 });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * A suite's pages of one app, each in a fresh context: what the suite asserts at the end
 * (requests that left the app's origin, errors thrown in its pages) collects here, and
 * close() closes every context.
 */
export class AppPages {
  readonly foreign: string[] = [];
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: Browser, private readonly origin: string) {}

  /** A context closed with the others. */
  async context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const ctx = await this.browser.newContext(options);
    this.contexts.push(ctx);
    return ctx;
  }

  async open(path: string, opts: { width?: number; locale?: string } = {}): Promise<Page> {
    const ctx = await this.context({ viewport: { width: opts.width ?? 1280, height: 900 }, locale: opts.locale ?? 'en-US' });
    const page = await ctx.newPage();
    trackForeignRequests(page, this.origin, this.foreign);
    page.on('pageerror', (e) => this.pageErrors.push(`${path}: ${e.message}`));
    await page.goto(this.origin + path);
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => {});
  }
}
