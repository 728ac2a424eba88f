// Browser tests of the public explorer against a real devnet, indexer and server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Hex } from 'viem';
import { startStack, type Stack } from './helpers/stack';
import { AppPages, horizontalOverflow, launchBrowser } from './helpers/browser';
import { join } from 'node:path';
import { parseCsv } from '../web/alliance/lib/csv';

let stack: Stack;
let browser: Browser;
let pages: AppPages;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  pages = new AppPages(browser, stack.url);
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await stack?.stop();
});

describe('explorer in a real browser', () => {
  it('home shows the chain head, the demo banner and live feeds', async () => {
    const head = await stack.chain.getBlockNumber();
    const page = await pages.open('/');
    const stat = page.getByTestId('stat-latest-block');
    await expect.poll(() => stat.getAttribute('data-value')).toBe(String(head));
    expect(await stat.textContent()).toContain(`#${head}`);
    await expect.poll(() => page.getByTestId('latest-block-row').first().getAttribute('data-number')).toBe(String(head));
    await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('Demo network — simulated data');
    // The member count comes from its own query (headline), not the ones waited on above.
    await expect.poll(() => page.getByTestId('stat-members').getAttribute('data-value')).toBe(String(stack.scenario.members.length));
  });

  it('block → transaction → address show the chain’s values', async () => {
    const txHash = stack.scenario.transfers[1]!;
    const tx = await stack.chain.getTransaction({ hash: txHash });
    const receipt = await stack.chain.getTransactionReceipt({ hash: txHash });
    const block = await stack.chain.getBlock({ blockNumber: receipt.blockNumber });

    const page = await pages.open(`/block/${block.number}`);
    await expect.poll(() => page.getByTestId('block-number').textContent()).toBe(String(block.number));
    expect(await page.getByTestId('kv-hash').locator('[data-value]').getAttribute('data-value')).toBe(block.hash);
    expect(await page.getByTestId('kv-parent').locator('[data-value]').getAttribute('data-value')).toBe(block.parentHash);
    expect(await page.getByTestId('block-timestamp').getAttribute('data-value')).toBe(String(block.timestamp));
    expect(await page.getByTestId('block-txcount').textContent()).toBe(String(block.transactions.length));
    await page.getByTestId('block-prev').waitFor();

    // → the transaction
    await page.locator(`[data-testid="tx-row"][data-hash="${txHash}"] a[href="/tx/${txHash}"]`).click();
    await page.waitForURL(`**/tx/${txHash}`);
    await expect.poll(() => page.getByTestId('tx-hash').getAttribute('title')).toBe(txHash);
    expect(await page.getByTestId('tx-status').getAttribute('data-value')).toBe(receipt.status === 'success' ? 'SUCCESS' : 'FAILED');
    expect(await page.getByTestId('tx-block').textContent()).toBe(String(block.number));
    expect(await page.getByTestId('tx-from').getAttribute('data-value')).toBe(tx.from.toLowerCase());
    expect(await page.getByTestId('tx-to').getAttribute('data-value')).toBe(tx.to!.toLowerCase());
    expect(await page.getByTestId('tx-value').getAttribute('data-value')).toBe(tx.value.toString());
    // In the chain's own unit, as the API names it (never a hard-coded "ETH").
    const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ status { nativeCoin { symbol } } }' }) });
    const { symbol } = ((await res.json()) as { data: { status: { nativeCoin: { symbol: string } } } }).data.status.nativeCoin;
    expect(symbol).not.toBe('ETH');
    await expect.poll(() => page.getByTestId('tx-value').textContent()).toBe(`2.25 ${symbol}`);
    expect(await page.getByTestId('tx-fee').getAttribute('data-value')).toBe((receipt.gasUsed * receipt.effectiveGasPrice).toString());
    const member = stack.scenario.members[1]!;
    expect(tx.to!.toLowerCase()).toBe(member.address);
    expect(await page.getByTestId('tx-to').textContent()).toContain(member.nameEn);

    // → the recipient's address page
    await page.getByTestId('tx-to').locator(`a[href="/address/${member.address}"]`).click();
    await page.waitForURL(`**/address/${member.address}`);
    await expect.poll(() => page.getByTestId('address-value').getAttribute('title')).toBe(member.address);
    expect(await page.getByTestId('member-name').textContent()).toBe(member.nameEn);
    expect(await page.getByTestId('member-profile').getAttribute('href')).toBe(`/member/${member.address}`);
    // The sector code reads as a word in the page's language.
    expect(member.sector).toBe('finance');
    await expect.poll(() => page.getByTestId('kv-sector').textContent()).toContain('Finance');
    // Its transactions, counted from the chain itself.
    const head = await stack.chain.getBlockNumber();
    const involved = new Set<Hex>();
    for (let n = 0n; n <= head; n++) {
      const b = await stack.chain.getBlock({ blockNumber: n, includeTransactions: true });
      for (const t of b.transactions) if (t.from.toLowerCase() === member.address || t.to?.toLowerCase() === member.address) involved.add(t.hash);
    }
    expect(await page.getByTestId('address-txcount').textContent()).toBe(String(involved.size));
    const rows = await page.getByTestId('address-txs').getByTestId('tx-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-hash')));
    expect(new Set(rows)).toEqual(involved);
  });

  it('search jumps to a transaction, a block and a member', async () => {
    const page = await pages.open('/');
    const search = async (q: string) => {
      const input = page.locator('[data-search-input="hero"], [data-search-input="header"]').first();
      await input.waitFor();
      await page.keyboard.press('/');
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await input.fill(q);
      await input.press('Enter');
    };
    const txHash = stack.scenario.patents[0]!;
    await search(txHash.toUpperCase().replace('0X', '0x'));
    await page.waitForURL(`**/tx/${txHash}`);

    await page.goto(stack.url + '/');
    await search('3');
    await page.waitForURL('**/block/3');
    await expect.poll(() => page.getByTestId('block-number').textContent()).toBe('3');

    await page.goto(stack.url + '/');
    const member = stack.scenario.members[2]!;
    await search('渝中物流');
    await page.waitForURL(`**/address/${member.address}`);
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(member.nameEn);

    await page.goto(stack.url + '/search?q=no-such-thing-at-all');
    await page.getByTestId('search-not-found').waitFor();
  });

  it('?lang=zh-CN renders Chinese and the toggle switches back (and stays)', async () => {
    const page = await pages.open('/?lang=zh-CN');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('渝快链区块浏览器');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('演示网络——模拟数据');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Yu Express Chain explorer');
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
    await page.reload();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Yu Express Chain explorer');
  });

  it('a server without a node says so on the Trace and State tabs, in both languages, and shows the index’s tree and balances', async () => {
    const txHash = stack.scenario.patents[0]!;
    const member = stack.scenario.members[0]!;
    const receipt = await stack.chain.getTransactionReceipt({ hash: txHash });
    for (const [lang, width] of [['zh-CN', 360], ['en', 1280]] as const) {
      const strings = JSON.parse(readFileSync(join(import.meta.dirname, `../web/i18n/locales/${lang}/trace.json`), 'utf8'));
      const page = await pages.open(`/tx/${txHash}?tab=trace&lang=${lang}`, { width });
      await page.getByTestId('trace-frame').first().waitFor();
      expect(await page.getByTestId('trace-source').getAttribute('data-status')).toBe('NO_NODE');
      expect(await page.getByTestId('trace-source').locator('p').first().textContent()).toBe(strings.source.NO_NODE);
      // A registry call with no inner calls: one frame, the registry's, decoded from the index.
      expect(await page.getByTestId('trace-frame').count()).toBe(1);
      expect(await page.getByTestId('trace-method').textContent()).toBe('filePatent');
      await expect.poll(() => page.getByTestId('tx-summary').textContent()).toContain(lang === 'en' ? `Member ${member.nameEn} filed patent CN202410000` : `成员 ${member.nameZh} 提交了专利 CN202410000`);
      await page.getByTestId('tab-state').click();
      await page.getByTestId('state-row').first().waitFor();
      expect(await page.getByTestId('trace-source').getAttribute('data-status')).toBe('NO_NODE');
      // The filer paid the fee: its native change is minus gasUsed × price, as the receipt has it.
      const fee = receipt.gasUsed * receipt.effectiveGasPrice;
      const change = page.locator(`[data-testid="state-row"][data-kind="NATIVE"][data-address="${member.address}"] [data-testid="state-delta"]`);
      expect(await change.getAttribute('data-value')).toBe((-fee).toString());
      expect(await horizontalOverflow(page)).toBe(0);
    }
  });

  it('has no horizontal scroll at 360 px on home, block, tx and address', async () => {
    const txHash = stack.scenario.patents[1]!;
    const receipt = await stack.chain.getTransactionReceipt({ hash: txHash });
    const paths: [string, string][] = [
      ['/', 'latest-block-row'],
      [`/block/${receipt.blockNumber}`, 'block-number'],
      [`/tx/${txHash}`, 'tx-hash'],
      [`/address/${stack.scenario.members[0]!.address}`, 'address-value'],
      // The filter bar, open with every field.
      [`/address/${stack.scenario.members[0]!.address}?direction=OUT&kind=NORMAL&method=filePatent&fromBlock=1&toBlock=999&since=2020-01-01&until=2099-12-31`, 'tx-filters'],
      ['/txs', 'tx-filters'],
    ];
    for (const locale of ['en-US', 'zh-CN']) {
      const page = await pages.open('/', { width: 360, locale });
      for (const [path, testId] of paths) {
        await page.goto(stack.url + path);
        await page.getByTestId(testId).first().waitFor();
        expect({ path, locale, overflow: await horizontalOverflow(page) }).toEqual({ path, locale, overflow: 0 });
      }
    }
  });

  it('shows a newly mined block on the home page within 5 s, without a reload', async () => {
    const page = await pages.open('/');
    const first = page.getByTestId('latest-block-row').first();
    const before = await stack.chain.getBlockNumber();
    await expect.poll(() => first.getAttribute('data-number')).toBe(String(before));
    // Let the live feed settle into 'live' (websocket) before timing.
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('class')).toContain('live-live');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    const t0 = Date.now();
    const mined = await stack.mineBlock();
    await page.locator(`[data-testid="latest-block-row"][data-number="${mined}"]`).waitFor({ timeout: 5_000 });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(5_000);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1); // same document
    // The head figure is the status query, refetched apart from the blocks feed that drew the row.
    await expect.poll(() => page.getByTestId('stat-latest-block').getAttribute('data-value')).toBe(String(mined));
  });

  it('filters an address’s transactions from the bar into the URL; reload, back/forward and the CSV keep to them', async () => {
    const member = stack.scenario.members[0]!.address;
    const patent = stack.scenario.patents[0]!; // the member's own filePatent call
    const transfer = stack.scenario.transfers[0]!; // a payment the member received
    const page = await pages.open(`/address/${member}`);
    const hashes = async () => {
      await page.getByTestId('tx-row').first().waitFor();
      return page.getByTestId('tx-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hash')));
    };
    const all = await hashes();
    expect(all).toEqual(expect.arrayContaining([patent, transfer]));

    // From the keyboard: pick OUT, type the method, Enter applies.
    await page.getByTestId('filter-direction').selectOption('OUT');
    await page.getByTestId('filter-method').fill('filePatent');
    await page.getByTestId('filter-method').press('Enter');
    await page.waitForURL(/direction=OUT/);
    expect(new URL(page.url()).searchParams.get('method')).toBe('filePatent');
    await expect.poll(hashes).toEqual([patent]);

    await page.reload();
    await expect.poll(hashes).toEqual([patent]);
    expect(await page.getByTestId('filter-direction').inputValue()).toBe('OUT');
    expect(await page.getByTestId('filter-method').inputValue()).toBe('filePatent');

    // The CSV link exports the same filtered list.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tx-export').click()]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]![0]).toBe('tx_hash');
    expect(csv.slice(1).map((r) => r[0])).toEqual([patent]);
    expect(await page.getByTestId('tx-export-note').textContent()).toContain('10,000');

    // Back to the unfiltered list, the form with it; forward to the filter again.
    await page.goBack();
    await expect.poll(hashes).toEqual(all);
    expect(await page.getByTestId('filter-direction').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(hashes).toEqual([patent]);
    await page.getByTestId('filter-clear').click();
    await expect.poll(hashes).toEqual(all);
    expect(new URL(page.url()).search).toBe('');
  });

  it('made no request to another origin and threw no page errors', () => {
    expect(pages.foreign).toEqual([]);
    expect(pages.pageErrors).toEqual([]);
  });
});
