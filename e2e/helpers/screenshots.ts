// Screenshots of home, block, tx and address in zh-CN and en, at 360 px and 1280 px, into
// screenshots/ (gitignored). Run: npx tsx e2e/helpers/screenshots.ts [--keep]
// With --keep the stack stays up (prints its URL) until Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, horizontalOverflow } from './browser';
import { startStack } from './stack';
import { ensureWebBuild, ROOT } from '../../cli/build-web';

ensureWebBuild();
const stack = await startStack();
const out = join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const tx = stack.scenario.patents[0]!;
const receipt = await stack.chain.getTransactionReceipt({ hash: tx });
const pages = {
  home: '/',
  block: `/block/${receipt.blockNumber}`,
  tx: `/tx/${tx}`,
  address: `/address/${stack.scenario.members[0]!.address}`,
  stats: '/stats?range=30d',
  search404: '/search?q=nothing-matches-this',
};
try {
  for (const lang of ['zh-CN', 'en']) {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: lang, colorScheme: 'light' });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error('pageerror', e.message));
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${stack.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.waitForLoadState('networkidle').catch(() => {});
        await page.waitForTimeout(400);
        const file = join(out, `${name}-${lang}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file, 'overflow', await horizontalOverflow(page));
      }
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  if (process.argv.includes('--keep')) {
    console.log('stack at', stack.url);
    await new Promise(() => {});
  }
  await stack.stop();
}
