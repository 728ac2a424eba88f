// Debian's Chromium driven by playwright-core. No request may leave the page's origin:
// `trackForeignRequests` records any that tries.
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Collects requests to any origin other than `origin` (data: and blob: are fine). */
export function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
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
