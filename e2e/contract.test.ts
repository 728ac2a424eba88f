// Browser tests of the contract tab: a contract verified with hardhat-verify shows its source
// (highlighted), ABI and a read call answered by the node; a second deployment is verified
// from the browser by pasting its single-file source; without a node the tab says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freshDatabaseUrl } from '../test/helpers/api';
import { hardhat, HARDHAT_PROJECT, LEDGER_ARGS, startVerifyWorld, type VerifyWorld } from '../test/helpers/verify';
import { horizontalOverflow, launchBrowser } from './helpers/browser';

let w: VerifyWorld;
let browser: Browser;
const pageErrors: string[] = [];

async function open(path: string, width = 1280, base = w.server.url): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${base}${path}`);
  return page;
}

beforeAll(async () => {
  [w, browser] = await Promise.all([startVerifyWorld(await freshDatabaseUrl('sqlite', 'contract-e2e')), launchBrowser()]);
  const out = await hardhat(['verify', '--network', 'devnet', w.ledger, LEDGER_ARGS[0], String(LEDGER_ARGS[1])], {
    HARDHAT_OUT: w.hardhatOut, DEVNET_RPC: w.chain.rpcUrl, YUSCAN_URL: w.server.url,
  });
  if (out.code !== 0) throw new Error(`hardhat verify failed: ${out.stderr}${out.stdout}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('contract tab in a real browser', () => {
  it('shows the verified source highlighted, the ABI, and a read call answered at the head', async () => {
    const page = await open(`/address/${w.ledger}`);
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Verified source');
    expect(await page.getByTestId('contract-match').textContent()).toMatch(/match/);
    const files = page.getByTestId('source-file');
    await files.first().waitFor();
    expect(await files.count()).toBe(2);
    const main = files.filter({ hasText: 'contracts/ServiceLedger.sol' });
    expect(await main.textContent()).toContain('contract ServiceLedger');
    expect(await main.locator('.tok-keyword').count()).toBeGreaterThan(5);

    await page.getByTestId('contract-tab-abi').click();
    expect(JSON.parse((await page.getByTestId('contract-abi').textContent())!)).toEqual(w.abi);

    await page.getByTestId('contract-tab-read').click();
    const quote = page.getByTestId('read-quote');
    await quote.locator('input').fill('10000');
    await quote.getByRole('button').click();
    // quote(10000) = 10000 * 250 / 10000 = 250, computed by the contract on the node.
    await expect.poll(() => quote.getByTestId('read-result').textContent(), { timeout: 10_000 }).toContain('250');
    const title = page.getByTestId('read-title');
    await title.getByRole('button').click();
    await expect.poll(() => title.getByTestId('read-result').textContent()).toContain(LEDGER_ARGS[0]);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('the transaction made before verification shows the verified method in the list and on its page', async () => {
    const page = await open(`/tx/${w.recordTx}`);
    await expect.poll(() => page.getByTestId('method-name').textContent(), { timeout: 15_000 }).toBe('record(string note, uint256 amount)');
    expect(await page.getByTestId('decoded-args').first().textContent()).toContain('first delivery');
  });

  it('verifies a deployment from the browser by pasting its single file', async () => {
    // ServiceLedger imports Fees; flattened into one file, as a developer pasting it would.
    const lib = readFileSync(join(HARDHAT_PROJECT, 'contracts/lib/Fees.sol'), 'utf8').replace(/\/\/ SPDX[^\n]*\npragma[^\n]*\n/, '');
    const flat = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8').replace(/import \{Fees\}[^\n]*\n/, lib);
    const page = await open(`/address/${w.other}`, 360);
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Not verified');
    await page.getByTestId('verify-source').fill(flat);
    await page.getByTestId('verify-name').fill('ServiceLedger');
    await page.getByTestId('verify-compiler').selectOption('v0.8.24+commit.e11b9ed9');
    await page.getByTestId('verify-evm').selectOption('cancun');
    await page.getByRole('button', { name: 'Verify and publish' }).click();
    // On success the tab turns into the verified view of the same contract.
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 60_000 }).toBe('Verified source');
    expect(await page.getByTestId('contract-match').textContent()).toMatch(/match/);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('without a node, the read tab says reading needs one (zh-CN too)', async () => {
    const noNode = await w.startServer({ rpc: undefined });
    try {
      const page = await open(`/address/${w.ledger}?lang=zh-CN`, 1280, noNode.url);
      await page.getByTestId('contract-tab-read').click();
      await expect.poll(() => page.getByTestId('reads-unavailable').textContent()).toContain('读取合约需要连接节点');
    } finally {
      await noNode.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
