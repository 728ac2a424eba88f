// Read as proxy in a real browser: an OpenZeppelin ERC1967Proxy, upgraded from BoxV1 to BoxV2,
// whose own source nobody verified. Its Contract tab names the proxy kind and implementation
// and lists the implementation's verified read functions, called at the proxy's address: the
// values come from the proxy's storage and the upgraded code. zh-CN labels too. Write as proxy
// sends the implementation's functions to the proxy from an injected wallet: a write lands in
// the proxy's storage; a call the implementation refuses is mined as reverted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeAbiParameters, encodeFunctionData, type Hex } from 'viem';
import { freshDatabaseUrl } from '../test/helpers/api';
import { apiPost, compileProxies, startVerifyWorld, verifyStatus, type VerifyWorld } from '../test/helpers/verify';
import { horizontalOverflow, launchBrowser } from './helpers/browser';
import { injectWallet } from './helpers/wallet';

let w: VerifyWorld;
let browser: Browser;
const c = compileProxies();
let proxy: Hex;
let boxV2: Hex;
const pageErrors: string[] = [];

async function open(path: string, locale = 'en-US', width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${w.server.url}${path}`);
  return page;
}

beforeAll(async () => {
  [w, browser] = await Promise.all([startVerifyWorld(await freshDatabaseUrl('sqlite', 'proxy-e2e')), launchBrowser()]);
  const from = w.chain.users[0]!;
  const send = async (tx: Record<string, unknown>) => {
    const receipt = await w.chain.client.waitForTransactionReceipt({ hash: await w.chain.send({ from, gas: '0x4c4b40', ...tx }) });
    if (receipt.status !== 'success') throw new Error('transaction reverted');
    return receipt;
  };
  const deploy = async (name: string, types: { type: string }[] = [], args: unknown[] = []) =>
    (await send({ data: `0x${c.get(name).bytecode}${encodeAbiParameters(types, args).slice(2)}` })).contractAddress!.toLowerCase() as Hex;
  const boxV1 = await deploy('BoxV1');
  boxV2 = await deploy('BoxV2');
  proxy = await deploy('ERC1967Proxy', [{ type: 'address' }, { type: 'bytes' }], [boxV1, encodeFunctionData({ abi: c.get('BoxV1').abi, functionName: 'set', args: [42n] })]);
  await send({ to: proxy, data: encodeFunctionData({ abi: c.get('BoxV1').abi, functionName: 'upgradeToAndCall', args: [boxV2, '0x'] }) });
  await w.indexed();
  const sub = await apiPost(w.server.url, {
    module: 'contract', action: 'verifysourcecode', contractaddress: boxV2, codeformat: 'solidity-standard-json-input',
    sourceCode: c.stdJson, contractname: 'contracts/Proxies.sol:BoxV2', compilerversion: c.version,
  });
  const status = await verifyStatus(w.server.url, sub.body.result);
  if (status.result !== 'Pass - Verified') throw new Error(`BoxV2 did not verify: ${JSON.stringify(status)}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('read as proxy in a real browser', () => {
  it('an unverified proxy\'s Contract tab reads it with the implementation\'s verified functions', async () => {
    const page = await open(`/address/${proxy}?tab=contract`);
    const section = page.getByTestId('contract-proxy');
    await section.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('contract-status').textContent()).toBe('Not verified');
    expect(await page.getByTestId('kv-proxy-kind').textContent()).toContain('EIP-1967 proxy');
    const impl = page.getByTestId('proxy-implementation');
    expect(await impl.textContent()).toBe(boxV2);
    expect(await impl.getAttribute('href')).toBe(`/address/${boxV2}`);

    // version() runs BoxV2's code; value() reads the proxy's own storage, set through it at deployment.
    const version = section.getByTestId('read-version');
    await version.getByRole('button').click();
    await expect.poll(() => version.getByTestId('read-result').textContent()).toContain('v2');
    const value = section.getByTestId('read-value');
    await value.getByRole('button').click();
    await expect.poll(() => value.getByTestId('read-result').textContent()).toContain('42');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('in Chinese, at 360 px', async () => {
    const page = await open(`/address/${proxy}?tab=contract&lang=zh-CN`, 'zh-CN', 360);
    await page.getByTestId('contract-proxy').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('contract-proxy-section').locator('h3').textContent()).toBe('作为代理读取');
    expect(await page.getByTestId('kv-proxy-kind').textContent()).toContain('EIP-1967 代理');
    const version = page.getByTestId('read-version');
    await version.getByRole('button').click();
    await expect.poll(() => version.getByTestId('read-result').textContent()).toContain('v2');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('write as proxy in a real browser', () => {
  it('sends the implementation\'s functions to the proxy: set() is mined into its storage, a refused upgrade is mined as reverted', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`write as proxy: ${e.message}`));
    // Already on the devnet: no network to add.
    const wallet = await injectWallet(page, { rpcUrl: w.chain.rpcUrl, account: w.chain.users[2]!, chainId: 20200414 });
    await page.goto(`${w.server.url}/address/${proxy}?tab=contract`);
    const section = page.getByTestId('contract-proxy-write-section');
    await section.waitFor({ timeout: 15_000 });
    expect(await section.locator('h3').textContent()).toBe('Write as proxy');
    await page.getByTestId('wallet-connect').click();
    await expect.poll(() => page.getByTestId('wallet-bar').getAttribute('data-state')).toBe('ready');

    const set = section.getByTestId('write-set');
    await set.locator('input').fill('7');
    await set.getByRole('button', { name: 'Write' }).click();
    await expect.poll(() => set.getByTestId('write-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('mined');
    expect(await w.chain.client.readContract({ address: proxy, abi: c.get('BoxV2').abi, functionName: 'value' })).toBe(7n);
    expect(wallet.calls('eth_sendTransaction')[0]!.params[0]).toMatchObject({ to: proxy, data: encodeFunctionData({ abi: c.get('BoxV2').abi, functionName: 'set', args: [7n] }) });

    // An implementation that is not a contract: the proxy refuses the upgrade, and the page says the call reverted.
    // upgradeToAndCall is payable: its form asks for an amount of YU too (left empty: none).
    const upgrade = section.getByTestId('write-upgradeToAndCall');
    expect(await upgrade.getByRole('textbox', { name: 'Value to send (YU)' }).inputValue()).toBe('');
    await upgrade.getByRole('textbox', { name: /^newImplementation/ }).fill(w.chain.users[3]!);
    await upgrade.getByRole('textbox', { name: /^data/ }).fill('0x');
    await upgrade.getByRole('button', { name: 'Write' }).click();
    await expect.poll(() => upgrade.getByTestId('write-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('reverted');
    const hash = (await upgrade.getByTestId('write-tx').getAttribute('title')) as Hex;
    expect((await w.chain.client.getTransactionReceipt({ hash })).status).toBe('reverted');
    expect(wallet.calls('wallet_addEthereumChain')).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
