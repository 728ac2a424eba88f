// Screenshots of home, block, tx (with its Trace and State tabs, traced by the node), an NFT
// (its metadata inline, as a data: URI) and address in zh-CN and en, at 360 px and 1280 px, into screenshots/ (gitignored) or --out DIR.
// Run: npx tsx e2e/helpers/screenshots.ts [--keep] [--out DIR]
// With --keep the stack stays up (prints its URL) until Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, horizontalOverflow } from './browser';
import { startStack } from './stack';
import { compileFixture, runTokenScenario } from './tokens';
import { createRpcClient, type RpcClient } from '../../indexer/rpc';
import { deployNfts } from '../../test/helpers/nft';
import { ensureWebBuild, ROOT } from '../../cli/build-web';

ensureWebBuild();
const fixture = compileFixture();
let rpc: RpcClient | undefined;
const stack = await startStack({ server: (devnet) => ({ rpc: (rpc = createRpcClient(devnet.rpcUrl)) }) });
const tokens = await runTokenScenario(stack, fixture);
const nfts = await deployNfts((m, p) => rpc!.request(m, p), stack.devnet.users[2]!, 'data:application/json,{}');
const picture = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#c2410c"/><circle cx="60" cy="60" r="34" fill="#fde68a"/></svg>`;
const metadata = { name: 'Chaotianmen at dawn', description: 'A demo NFT: its metadata is a data: URI on the devnet.', image: `data:image/svg+xml;base64,${Buffer.from(picture).toString('base64')}`, attributes: [{ trait_type: 'District', value: 'Yuzhong' }, { trait_type: 'Edition', value: 1, display_type: 'number' }] };
await nfts.mintPicture(stack.devnet.users[1]!, 1n, `data:application/json;base64,${Buffer.from(JSON.stringify(metadata)).toString('base64')}`);
await stack.waitIndexed(await stack.chain.getBlockNumber(), 60_000);
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1]! : join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const tx = stack.scenario.patents[0]!;
const receipt = await stack.chain.getTransactionReceipt({ hash: tx });
const pages = {
  home: '/',
  block: `/block/${receipt.blockNumber}`,
  tx: `/tx/${tx}`,
  address: `/address/${stack.scenario.members[0]!.address}`,
  trace: `/tx/${tokens.payTx}?tab=trace`,
  state: `/tx/${tokens.payTx}?tab=state`,
  nft: `/token/${nfts.picture}/1`,
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
  await rpc?.close();
}
