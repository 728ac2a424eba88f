// Browser tests of the Contract tab of the address page: a contract verified with
// hardhat-verify shows its source (highlighted, loaded lazily), ABI, compiler settings and a
// read call answered by the node; a second deployment, reached by keyboard, is verified from
// the browser by pasting its single-file source; `?tab=contract&view=read` deep-links; without
// a node the tab says reading needs one (zh-CN too); an account has no Contract tab. Write
// contract sends through an injected wallet (e2e/helpers/wallet.ts): a bad argument is refused
// before anything is sent, the wallet is moved to the devnet (added with its id, name, coin and
// public RPC URL), the call is mined and its page shows it once indexed; so does "Add to
// wallet" on the home page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freshDatabaseUrl } from '../test/helpers/api';
import { hardhat, HARDHAT_PROJECT, LEDGER_ARGS, startVerifyWorld, type VerifyWorld } from '../test/helpers/verify';
import { horizontalOverflow, launchBrowser } from './helpers/browser';
import { injectWallet } from './helpers/wallet';

let w: VerifyWorld;
let browser: Browser;
const pageErrors: string[] = [];

async function open(path: string, width = 1280, base = w.server.url, scripts: string[] = []): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${base}${path}`);
  return page;
}

/** Click a tab (or press a key on the focused one) and wait until the URL and the tab list both show it. */
async function selected(page: Page, tab: string, url: RegExp) {
  await page.waitForURL(url);
  // The URL changes before React re-renders the tab list.
  await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute('aria-selected')).toBe('true');
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
  it('shows the verified source highlighted, the ABI, the settings, and a read call answered at the head', async () => {
    const scripts: string[] = [];
    const page = await open(`/address/${w.ledger}`, 1280, w.server.url, scripts);
    await page.getByTestId('address-txs').waitFor();
    // The contract view and its highlighter load only once the tab opens.
    expect(scripts.filter((s) => /ContractTab|SourceView/.test(s))).toEqual([]);
    expect(await page.getByTestId('tab-contract').textContent()).toBe('Contract');
    await page.getByTestId('tab-contract').click();
    await selected(page, 'contract', /tab=contract/);
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Verified source');
    expect(await page.getByTestId('contract-match').textContent()).toMatch(/^(Full|Partial) match$/);
    expect(await page.getByTestId('kv-contract-name').textContent()).toContain('ServiceLedger');
    expect(await page.getByTestId('kv-contract-compiler').textContent()).toContain('v0.8.24+commit.e11b9ed9');

    const files = page.getByTestId('source-file');
    await files.first().waitFor();
    expect(await files.count()).toBe(2);
    const main = files.filter({ hasText: 'contracts/ServiceLedger.sol' });
    expect(await main.textContent()).toContain('contract ServiceLedger');
    expect(await main.locator('.tok-keyword').count()).toBeGreaterThan(5);
    expect(await main.locator('.tok-comment').count()).toBeGreaterThan(0);
    // Numbered lines, one per line of the file.
    const source = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8');
    expect(await main.locator('.line').count()).toBe(source.replace(/\n$/, '').split('\n').length);
    expect(scripts.some((s) => /SourceView/.test(s))).toBe(true);

    expect(JSON.parse((await page.getByTestId('contract-abi').textContent())!)).toEqual(w.abi);
    const settings = JSON.parse((await page.getByTestId('contract-settings').textContent())!);
    expect(settings).toHaveProperty('optimizer');

    // Read contract, by keyboard from the Code view.
    await page.getByTestId('tab-code').focus();
    await page.keyboard.press('ArrowRight');
    await selected(page, 'read', /tab=contract&view=read|view=read&tab=contract/);
    const quote = page.getByTestId('read-quote');
    await quote.locator('input').fill('10000');
    await quote.getByRole('button').click();
    // quote(10000) = 10000 * 250 / 10000 = 250, computed by the contract on the node.
    await expect.poll(() => quote.getByTestId('read-result').textContent()).toContain('250');
    const title = page.getByTestId('read-title');
    await title.getByRole('button').click();
    await expect.poll(() => title.getByTestId('read-result').textContent()).toContain(LEDGER_ARGS[0]);
    expect(await horizontalOverflow(page)).toBe(0);

    // Leaving the tab drops its view; coming back opens the Code view.
    await page.getByTestId('tab-txs').click();
    await selected(page, 'txs', /^[^?]*$/);
    await page.getByTestId('tab-contract').click();
    await selected(page, 'contract', /\?tab=contract$/);
    await expect.poll(() => page.getByTestId('tab-code').getAttribute('aria-selected')).toBe('true');
  });

  it('?tab=contract&view=read deep-links to the read functions; an account has no Contract tab', async () => {
    const page = await open(`/address/${w.ledger}?tab=contract&view=read`);
    await page.getByTestId('read-quote').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('tab-contract').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-read').getAttribute('aria-selected')).toBe('true');

    const eoa = await open(`/address/${w.chain.users[0]!.toLowerCase()}?tab=contract`);
    await eoa.getByTestId('address-txs').waitFor({ timeout: 15_000 });
    expect(await eoa.getByTestId('tab-contract').count()).toBe(0);
    expect(await eoa.getByTestId('tab-txs').getAttribute('aria-selected')).toBe('true');
  });

  it('the transaction made before verification shows the verified method in the list and on its page', async () => {
    const page = await open(`/tx/${w.recordTx}`);
    await expect.poll(() => page.getByTestId('method-name').textContent(), { timeout: 15_000 }).toBe('record(string note, uint256 amount)');
    expect(await page.getByTestId('decoded-args').first().textContent()).toContain('first delivery');
  });

  it('verifies a deployment from the browser by pasting its single file, at 360 px', async () => {
    // ServiceLedger imports Fees; flattened into one file, as a developer pasting it would.
    const lib = readFileSync(join(HARDHAT_PROJECT, 'contracts/lib/Fees.sol'), 'utf8').replace(/\/\/ SPDX[^\n]*\npragma[^\n]*\n/, '');
    const flat = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8').replace(/import \{Fees\}[^\n]*\n/, lib);
    const page = await open(`/address/${w.other}`, 360);
    // To the Contract tab by keyboard: End from the selected tab.
    await page.getByTestId('tab-txs').focus();
    await page.keyboard.press('End');
    await selected(page, 'contract', /tab=contract/);
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Not verified');
    expect(await page.getByTestId('source-file').count()).toBe(0);
    // A wrong name is refused with the reason, and the form stays.
    await page.getByTestId('verify-source').fill(flat);
    await page.getByTestId('verify-name').fill('NoSuchContract');
    await page.getByTestId('verify-compiler').selectOption('v0.8.24+commit.e11b9ed9');
    await page.getByTestId('verify-evm').selectOption('cancun');
    await page.getByRole('button', { name: 'Verify and publish' }).click();
    await expect.poll(() => page.getByTestId('verify-outcome').textContent(), { timeout: 60_000 }).toMatch(/^Not verified\. \S/);
    expect(await page.getByTestId('contract-status').textContent()).toBe('Not verified');
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByTestId('verify-name').fill('ServiceLedger');
    await page.getByRole('button', { name: 'Verify and publish' }).click();
    // On success the tab turns into the verified view of the same contract.
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 60_000 }).toBe('Verified source');
    expect(await page.getByTestId('contract-match').textContent()).toMatch(/^(Full|Partial) match$/);
    await page.getByTestId('source-file').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('without a node, the read view says reading needs one (zh-CN too)', async () => {
    const noNode = await w.startServer({ rpc: undefined });
    try {
      const page = await open(`/address/${w.ledger}?lang=zh-CN&tab=contract&view=read`, 360, noNode.url);
      await expect.poll(() => page.getByTestId('reads-unavailable').textContent(), { timeout: 15_000 }).toContain('读取合约需要连接节点');
      expect(await page.getByTestId('tab-contract').textContent()).toBe('合约');
      expect(await page.getByTestId('tab-read').textContent()).toBe('读取合约');
      expect(await horizontalOverflow(page)).toBe(0);
    } finally {
      await noNode.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('write contract in a real browser, through an injected wallet', () => {
  // What wallet_addEthereumChain must carry for the devnet this server explores.
  const devnetParam = () => ({
    chainId: '0x1343bde', chainName: 'Yu Express Chain Devnet', nativeCurrency: { name: 'Yu', symbol: 'YU', decimals: 18 }, rpcUrls: [w.chain.rpcUrl],
  });

  async function walletPage(base: string, path: string, locale: string, width: number) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    // A wallet on Ethereum mainnet that has never heard of the devnet.
    const wallet = await injectWallet(page, { rpcUrl: w.chain.rpcUrl, account: w.chain.users[1]!, chainId: 1 });
    await page.goto(`${base}${path}`);
    return { page, wallet };
  }

  it('refuses a bad argument unsent, adds the devnet to the wallet, and shows the write mined, then its page once indexed', async () => {
    const server = await w.startServer({ publicRpcUrl: w.chain.rpcUrl });
    try {
      const { page, wallet } = await walletPage(server.url, `/address/${w.ledger}?tab=contract&view=write`, 'en-US', 1280);
      const record = page.getByTestId('write-record');
      await record.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('tab-write').getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('wallet-bar').getAttribute('data-state')).toBe('disconnected');
      const [note, amount] = [record.locator('input').nth(0), record.locator('input').nth(1)];

      // uint256 takes no negative number: refused in the page, the wallet never asked.
      await note.fill('paid through the wallet');
      await amount.fill('-1');
      await record.getByRole('button', { name: 'Write' }).click();
      expect(await record.getByTestId('write-state').getAttribute('data-state')).toBe('invalid');
      expect(await record.getByTestId('arg-error').textContent()).toMatch(/^Out of range for uint256: from 0 to 1157\d+\.$/);
      expect(await amount.getAttribute('aria-invalid')).toBe('true');
      expect(wallet.requests.filter((r) => r.method !== 'eth_accounts' && r.method !== 'eth_chainId')).toEqual([]);

      // Connected, the bar says the wallet is on another chain; writing moves it.
      await page.getByTestId('wallet-connect').click();
      await expect.poll(() => page.getByTestId('wallet-bar').getAttribute('data-state')).toBe('wrong-chain');
      expect(await page.getByTestId('wallet-chain').textContent()).toBe('Your wallet is on chain 1, not Yu Express Chain Devnet (chain 20200414).');
      expect(await page.getByTestId('wallet-switch').textContent()).toBe('Switch to Yu Express Chain Devnet');

      // By keyboard: Enter in the corrected field submits the form.
      await amount.fill('4000');
      await amount.press('Enter');
      await expect.poll(() => record.getByTestId('write-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('mined');
      expect(await record.getByTestId('arg-error').count()).toBe(0);
      // The wallet did not know the chain (4902), so it was added with the server's figures, then the call sent.
      expect(wallet.calls('wallet_switchEthereumChain').map((r) => r.params)).toEqual([[{ chainId: '0x1343bde' }]]);
      expect(wallet.calls('wallet_addEthereumChain').map((r) => r.params)).toEqual([[devnetParam()]]);
      const [sent] = wallet.calls('eth_sendTransaction');
      expect(sent!.params[0]).toMatchObject({ from: w.chain.users[1]!.toLowerCase(), to: w.ledger });
      expect(await page.getByTestId('wallet-bar').getAttribute('data-state')).toBe('ready');
      expect(await page.getByTestId('wallet-chain').textContent()).toBe('On Yu Express Chain Devnet');

      const link = record.getByTestId('write-tx');
      const hash = (await link.getAttribute('title')) as `0x${string}`;
      const receipt = await w.chain.client.getTransactionReceipt({ hash });
      expect([receipt.status, receipt.to, receipt.from]).toEqual(['success', w.ledger, w.chain.users[1]!.toLowerCase()]);
      expect(await record.getByTestId('write-state').textContent()).toContain(`Mined in block ${receipt.blockNumber}`);
      expect(await horizontalOverflow(page)).toBe(0);

      // Once indexed, the link opens the transaction's page with the decoded call.
      await w.indexed();
      await link.click();
      await page.waitForURL(new RegExp(`/tx/${hash}$`));
      await expect.poll(() => page.getByTestId('method-name').textContent(), { timeout: 15_000 }).toBe('record(string note, uint256 amount)');
      expect(await page.getByTestId('decoded-args').first().textContent()).toContain('paid through the wallet');

      // Refused in the wallet (4001): said so, nothing mined.
      await page.goBack();
      const again = page.getByTestId('write-record');
      await again.waitFor();
      wallet.refuse.add('eth_sendTransaction');
      await again.locator('input').nth(0).fill('refused');
      await again.locator('input').nth(1).fill('1');
      await again.getByRole('button', { name: 'Write' }).click();
      await expect.poll(() => again.getByTestId('write-state').getAttribute('data-state')).toBe('rejected');
      expect(await again.getByTestId('write-state').textContent()).toContain('You rejected the request in your wallet');
    } finally {
      await server.close();
    }
  });

  it('in Chinese at 360 px: Add to wallet on the home page offers the devnet; without a wallet the Write tab says so', async () => {
    const server = await w.startServer({ publicRpcUrl: w.chain.rpcUrl });
    try {
      const { page, wallet } = await walletPage(server.url, '/?lang=zh-CN', 'zh-CN', 360);
      const add = page.getByTestId('add-to-wallet');
      await expect.poll(() => add.textContent(), { timeout: 15_000 }).toBe('将 Yu Express Chain Devnet 添加到钱包');
      await add.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('add-to-wallet-state').getAttribute('data-state')).toBe('added');
      expect(wallet.calls('wallet_addEthereumChain').map((r) => r.params)).toEqual([[devnetParam()]]);
      expect(wallet.chainId).toBe(20200414);
      expect(await horizontalOverflow(page)).toBe(0);

      const ctx = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
      const bare = await ctx.newPage();
      await bare.goto(`${server.url}/address/${w.ledger}?tab=contract&view=write&lang=zh-CN`);
      await expect.poll(() => bare.getByTestId('wallet-missing').textContent(), { timeout: 15_000 }).toContain('未找到浏览器钱包');
      expect(await bare.getByTestId('tab-write').textContent()).toBe('写入合约');
      const record = bare.getByTestId('write-record');
      await record.locator('input').nth(1).fill('12');
      await record.getByRole('button', { name: '写入' }).click();
      await expect.poll(() => record.getByTestId('write-state').getAttribute('data-state')).toBe('noWallet');
      expect(await horizontalOverflow(bare)).toBe(0);
    } finally {
      await server.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
