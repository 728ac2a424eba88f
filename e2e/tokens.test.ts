// Browser tests of accounts and tokens against a real devnet, indexer and server:
// the address tabs, a token page, a transaction with token and internal transfers and its
// Trace and State tabs (the server has the node, so it traces), the quick search from the
// keyboard, hostile tokens, both languages at 360 px. Every figure is read
// from the chain with viem, not written down here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hex } from 'viem';
import { patentCertificateAbi, serviceCreditAbi, warehouseReceiptAbi } from '../contracts/demo/artifacts';
import { parseCsv } from '../web/alliance/lib/csv';
import { startStack, type Stack } from './helpers/stack';
import { compileFixture, runTokenScenario, type TokenScenario } from './helpers/tokens';
import { AppPages, horizontalOverflow, launchBrowser } from './helpers/browser';
import { createRpcClient, type RpcClient } from '../indexer/rpc';

let stack: Stack;
let rpc: RpcClient;
let browser: Browser;
let tok: TokenScenario;
let head: bigint;
let coin: { symbol: string; decimals: number };
let pages: AppPages;
const strings = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../web/i18n/locales/${lang}/tokens.json`), 'utf8'));

const attrs = (page: Page, testId: string, names: string[]) =>
  page.getByTestId(testId).evaluateAll((els, ns) => els.map((e) => Object.fromEntries(ns.map((n) => [n, e.getAttribute(n)]))), names);

beforeAll(async () => {
  const fixture = compileFixture();
  [stack, browser] = await Promise.all([startStack({ server: (devnet) => ({ rpc: (rpc = createRpcClient(devnet.rpcUrl)) }) }), launchBrowser()]);
  pages = new AppPages(browser, stack.url);
  tok = await runTokenScenario(stack, fixture);
  head = await stack.chain.getBlockNumber();
  await stack.waitIndexed(head, 60_000);
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ status { nativeCoin { symbol decimals } } }' }),
  });
  coin = ((await res.json()) as { data: { status: { nativeCoin: typeof coin } } }).data.status.nativeCoin;
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await stack?.stop();
  await rpc?.close();
});

describe('accounts and tokens in a real browser', () => {
  it('address page: balance in the chain’s unit, four tabs in the URL, each equal to the chain, CSV', async () => {
    const m1 = stack.scenario.members[1]!.address;
    const page = await pages.open(`/address/${m1}`);
    const balance = await stack.chain.getBalance({ address: m1, blockNumber: head });
    await expect.poll(() => page.getByTestId('address-balance').getAttribute('data-value')).toBe(balance.toString());
    expect(coin.symbol).not.toBe('ETH');
    // The unit comes from the status query, which may answer after the balance.
    await expect.poll(() => page.getByTestId('address-balance').textContent()).toContain(coin.symbol);
    expect(await page.locator('main').textContent()).not.toMatch(/\bETH\b/);
    // The balance chart drew its points.
    await page.getByTestId('balance-chart').locator('svg.recharts-surface').first().waitFor();

    // Token transfers tab.
    await page.getByTestId('tab-transfers').click();
    await page.waitForURL(/tab=transfers/);
    // The URL changes before React re-renders the tab list, so wait for the selection to show.
    await expect.poll(() => page.getByTestId('tab-transfers').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('transfer-row').first().waitFor();
    const rows = await attrs(page, 'transfer-row', ['data-token', 'data-from', 'data-to', 'data-value', 'data-token-id']);
    const creditIn = rows.find((r) => r['data-token'] === tok.credit && r['data-to'] === m1);
    expect(creditIn?.['data-value']).toBe('12345');
    // 12345 at 2 decimals.
    const amount = page.locator(`[data-testid="transfer-row"][data-token="${tok.credit}"][data-to="${m1}"] [data-testid="token-amount"]`);
    expect(await amount.textContent()).toBe('123.45 ASC');
    expect(rows.some((r) => r['data-token'] === tok.receipts && r['data-token-id'] === '8' && r['data-from'] === m1)).toBe(true);

    // CSV of the tab: every row, raw values beside scaled ones.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toContain('value_raw');
    expect(csv.length - 1).toBe(rows.length);
    const creditCsv = csv.find((r) => r.includes(tok.credit) && r.includes('12345'));
    expect(creditCsv).toContain('123.45');

    // Tokens held, by keyboard from the selected tab: each equals balanceOf (per id for ERC-1155).
    await page.getByTestId('tab-transfers').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/tab=holdings/);
    await page.getByTestId('holding-row').first().waitFor();
    const held = await attrs(page, 'holding-row', ['data-token', 'data-token-id', 'data-balance']);
    const expected: { token: string; id: string; balance: bigint }[] = [];
    const credit = (await stack.chain.readContract({ address: tok.credit, abi: serviceCreditAbi, functionName: 'balanceOf', args: [m1], blockNumber: head })) as bigint;
    if (credit > 0n) expected.push({ token: tok.credit, id: '', balance: credit });
    const certs = (await stack.chain.readContract({ address: tok.certificate, abi: patentCertificateAbi, functionName: 'balanceOf', args: [m1], blockNumber: head })) as bigint;
    if (certs > 0n) expected.push({ token: tok.certificate, id: '', balance: certs });
    for (const id of [7n, 8n, 9n]) {
      const b = (await stack.chain.readContract({ address: tok.receipts, abi: warehouseReceiptAbi, functionName: 'balanceOf', args: [m1, id], blockNumber: head })) as bigint;
      if (b > 0n) expected.push({ token: tok.receipts, id: String(id), balance: b });
    }
    const shown = held.filter((h) => [tok.credit, tok.certificate, tok.receipts].includes(h['data-token'] as Hex));
    expect(shown.map((h) => ({ token: h['data-token'], id: h['data-token-id'], balance: BigInt(h['data-balance']!) })).sort((a, b) => `${a.token}${a.id}`.localeCompare(`${b.token}${b.id}`))).toEqual(
      expected.sort((a, b) => `${a.token}${a.id}`.localeCompare(`${b.token}${b.id}`)),
    );

    // Internal: the pool's payout and the reward contract's forwarded value reached m1.
    await page.getByTestId('tab-internal').click();
    await page.waitForURL(/tab=internal/);
    await page.getByTestId('internal-row').first().waitFor();
    const calls = await attrs(page, 'internal-row', ['data-tx', 'data-from', 'data-to', 'data-value']);
    expect(calls).toEqual(
      expect.arrayContaining([
        { 'data-tx': tok.disburseTx, 'data-from': tok.pool, 'data-to': m1, 'data-value': (await valueTo(tok.disburseTx, m1)).toString() },
        { 'data-tx': tok.payTx, 'data-from': tok.reward.address, 'data-to': m1, 'data-value': tok.payValue.toString() },
      ]),
    );
    // Reload keeps the tab.
    await page.reload();
    await page.getByTestId('internal-row').first().waitFor();
    expect(await page.getByTestId('tab-internal').getAttribute('aria-selected')).toBe('true');
  });

  it('token page: type, supply and holders equal the contract; ERC-721 inventory equals ownerOf', async () => {
    const page = await pages.open(`/token/${tok.credit}`);
    await expect.poll(() => page.getByTestId('token-type').getAttribute('data-value')).toBe('ERC20');
    const supply = (await stack.chain.readContract({ address: tok.credit, abi: serviceCreditAbi, functionName: 'totalSupply', blockNumber: head })) as bigint;
    expect(await page.getByTestId('token-supply').getAttribute('data-value')).toBe(supply.toString());
    await page.getByTestId('holder-row').first().waitFor();
    const holders = await attrs(page, 'holder-row', ['data-holder', 'data-balance']);
    for (const h of holders) {
      const b = (await stack.chain.readContract({ address: tok.credit, abi: serviceCreditAbi, functionName: 'balanceOf', args: [h['data-holder'] as Hex], blockNumber: head })) as bigint;
      expect(h['data-balance']).toBe(b.toString());
    }
    let nonZero = 0;
    for (const a of tok.parties) {
      if (((await stack.chain.readContract({ address: tok.credit, abi: serviceCreditAbi, functionName: 'balanceOf', args: [a], blockNumber: head })) as bigint) > 0n) nonZero++;
    }
    expect(holders).toHaveLength(nonZero);
    expect(await page.getByTestId('token-holders').getAttribute('data-value')).toBe(String(nonZero));
    // Shares of supply: balance / totalSupply.
    const shares = await page.getByTestId('holding-share').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    holders.forEach((h, i) => expect(shares[i]).toBeCloseTo(Number(BigInt(h['data-balance']!) * 1_000_000n / supply) / 1e6, 5));

    await page.goto(`${stack.url}/token/${tok.certificate}?tab=inventory`);
    await page.getByTestId('inventory-item').first().waitFor({ timeout: 10_000 });
    const items = await attrs(page, 'inventory-item', ['data-token-id', 'data-owner']);
    for (const it of items) {
      const owner = (await stack.chain.readContract({ address: tok.certificate, abi: patentCertificateAbi, functionName: 'ownerOf', args: [BigInt(it['data-token-id']!)], blockNumber: head })) as Hex;
      expect(it['data-owner']).toBe(owner.toLowerCase());
    }
    // #2 was revoked: not in the inventory; #1 and #3 are.
    expect(items.map((i) => i['data-token-id']).sort()).toEqual(['1', '3']);
  });

  it('a transaction with a token transfer and an internal value transfer shows both', async () => {
    const page = await pages.open(`/tx/${tok.payTx}`);
    const m1 = stack.scenario.members[1]!.address;
    await page.getByTestId('tx-token-transfers').getByTestId('transfer-row').first().waitFor({ timeout: 10_000 });
    const transfers = await attrs(page, 'transfer-row', ['data-token', 'data-from', 'data-to', 'data-value']);
    expect(transfers).toEqual([{ 'data-token': tok.reward.address, 'data-from': '0x0000000000000000000000000000000000000000', 'data-to': m1, 'data-value': tok.rewardAmount.toString() }]);
    const decimals = Number(await stack.chain.readContract({ address: tok.reward.address, abi: tok.reward.abi, functionName: 'decimals' }));
    const whole = tok.rewardAmount / 10n ** BigInt(decimals);
    const frac = (tok.rewardAmount % 10n ** BigInt(decimals)).toString().padStart(decimals, '0').replace(/0+$/, '');
    expect(await page.getByTestId('tx-token-transfers').getByTestId('token-amount').textContent()).toBe(`${whole}.${frac} PRW`);
    const calls = await attrs(page, 'internal-row', ['data-from', 'data-to', 'data-value', 'data-call-type']);
    expect(calls).toEqual([{ 'data-from': tok.reward.address, 'data-to': m1, 'data-value': tok.payValue.toString(), 'data-call-type': 'CALL' }]);
    // The unit comes from the status query, which may answer after the transfers.
    await expect.poll(() => page.getByTestId('tx-internal').textContent()).toContain(coin.symbol);
  });

  it('the Trace and State tabs show the node’s call tree and what the transaction changed, keyboard-driven, in both languages', async () => {
    const m1 = stack.scenario.members[1]!.address;
    const want = [] as { path: string; type: string; to: string }[];
    const walk = (f: { type: string; to: string; calls?: unknown[] }, path: number[]) => {
      want.push({ path: path.join('.'), type: f.type, to: f.to.toLowerCase() });
      (f.calls ?? []).forEach((c, i) => walk(c as typeof f, [...path, i]));
    };
    walk(await rpc.request('debug_traceTransaction', [tok.payTx, { tracer: 'callTracer' }]), []);
    expect(want.length).toBeGreaterThan(1);
    const selector = (await stack.chain.getTransaction({ hash: tok.payTx })).input.slice(0, 10);
    for (const [locale, width] of [['zh-CN', 360], ['en-US', 1280]] as const) {
      const page = await pages.open(`/tx/${tok.payTx}?tab=trace`, { width, locale });
      await expect.poll(() => page.getByTestId('trace-frame').count()).toBe(want.length);
      expect(await page.getByTestId('trace-tree').getAttribute('data-status')).toBe('NODE');
      expect(await page.getByTestId('trace-source').count()).toBe(0);
      const frames = await attrs(page, 'trace-frame', ['data-path', 'data-call-type', 'data-to']);
      expect(frames.map((f) => ({ path: f['data-path'], type: f['data-call-type'], to: f['data-to'] }))).toEqual(want);
      await expect.poll(() => page.getByTestId('tx-summary').textContent()).toContain(locale === 'en-US' ? `Called ${selector} on ` : `的 ${selector}，附带 `);
      expect(await page.getByTestId('tx-summary').locator('code').textContent()).toBe(selector);
      // The fixture is neither verified nor well known: its raw input is shown.
      await page.getByTestId('trace-frame').first().locator('summary').click();
      await expect.poll(() => page.getByTestId('trace-frame').first().locator('pre').first().textContent()).toMatch(/^0x[0-9a-f]+$/);
      expect(await horizontalOverflow(page)).toBe(0);
      // Arrow keys move between tabs (ARIA tabs), and the URL keeps the choice.
      await page.getByTestId('tab-trace').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/tab=state/);
      await page.getByTestId('state-row').first().waitFor();
      const rows = await attrs(page, 'state-row', ['data-kind', 'data-address']);
      const deltaOf = async (kind: string, address: string) =>
        page.locator(`[data-testid="state-row"][data-kind="${kind}"][data-address="${address}"] [data-testid="state-delta"]`).getAttribute('data-value');
      // m1 only received: the internal payment in coin, the minted reward in tokens.
      expect(await deltaOf('NATIVE', m1)).toBe(tok.payValue.toString());
      expect(await deltaOf('TOKEN', m1)).toBe(tok.rewardAmount.toString());
      expect(rows.some((r) => r['data-kind'] === 'NONCE')).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
    }
  });

  it('a hostile token renders with what could be read, plainly marked', async () => {
    for (const address of [tok.liar, tok.garbled]) {
      const page = await pages.open(`/token/${address}`);
      await page.getByTestId('token-problems').waitFor({ timeout: 10_000 });
      const title = (await page.getByTestId('token-title').textContent())!;
      expect(title.length).toBeLessThan(100);
      expect(await horizontalOverflow(page)).toBe(0);
    }
    const page = await pages.open(`/token/${tok.liar}`);
    // name() reverts: the bytes32 symbol stands in, read as text.
    await expect.poll(() => page.getByTestId('token-title').textContent()).toContain('HOSTILE');
    expect(await page.getByTestId('token-problems').textContent()).toContain(strings('en').problems.NAME_UNREADABLE);
  });

  it('search suggests as you type and is driven from the keyboard', async () => {
    const page = await pages.open('/blocks');
    const input = page.locator('[data-search-input="header"]');
    await page.keyboard.press('/');
    await input.pressSequentially('Alliance Serv', { delay: 20 });
    const option = page.getByTestId('qs-option');
    await option.first().waitFor({ timeout: 10_000 });
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const listId = await input.getAttribute('aria-controls');
    expect(await page.locator(`#${listId}`).getAttribute('role')).toBe('listbox');
    const kinds = await attrs(page, 'qs-option', ['data-kind', 'data-href']);
    const tokenIdx = kinds.findIndex((k) => k['data-kind'] === 'TOKEN' && k['data-href'] === `/token/${tok.credit}`);
    expect(tokenIdx).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= tokenIdx; i++) await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${active}`).getAttribute('data-href')).toBe(`/token/${tok.credit}`);
    await input.press('Enter');
    await page.waitForURL(`**/token/${tok.credit}`);
    await expect.poll(() => page.getByTestId('token-type').getAttribute('data-value')).toBe('ERC20');

    // A block number; ArrowUp wraps to the last option; Escape closes, then clears.
    await input.focus();
    await input.pressSequentially(String(head), { delay: 20 });
    await page.locator(`[data-testid="qs-option"][data-href="/block/${head}"]`).waitFor();
    const n = await option.count();
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.nth(n - 1).getAttribute('id'));
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await input.press('Escape');
    expect(await input.inputValue()).toBe('');
  });

  it('both languages at 360 px: translated, no horizontal scroll', async () => {
    const m0 = stack.scenario.members[0]!.address;
    const paths = [`/address/${m0}?tab=transfers`, `/token/${tok.receipts}`, `/tx/${tok.payTx}`, '/tokens', '/accounts'];
    for (const [locale, lang] of [['zh-CN', 'zh-CN'], ['en-US', 'en']] as const) {
      const s = strings(lang);
      const page = await pages.open('/', { width: 360, locale });
      for (const path of paths) {
        await page.goto(stack.url + path);
        await page.locator('main [data-testid="transfer-row"], main [data-testid="holder-row"], main [data-testid="token-row"], main [data-testid="account-row"]').first().waitFor({ timeout: 10_000 });
        expect({ path, locale, overflow: await horizontalOverflow(page) }).toEqual({ path, locale, overflow: 0 });
      }
      await page.goto(`${stack.url}/address/${m0}`);
      await expect.poll(() => page.getByTestId('tab-holdings').textContent()).toBe(s.address.tabs.holdings);
      await page.goto(`${stack.url}/accounts`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(s.accounts.title);
      // The top account equals the richest of the chain's parties.
      const top = await page.getByTestId('account-row').first().getAttribute('data-balance');
      const balances = await Promise.all((await page.getByTestId('account-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-address')!))).map((a) => stack.chain.getBalance({ address: a as Hex, blockNumber: head })));
      expect(top).toBe(balances[0]!.toString());
      expect([...balances].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(balances);
    }
  });

  it('made no request to another origin and threw no page errors', () => {
    expect(pages.foreign).toEqual([]);
    expect(pages.pageErrors).toEqual([]);
  });
});

/** The value the subsidy pool sent to `to` in `tx`, from the tracer-free source: the Paid event. */
async function valueTo(tx: Hex, to: Hex): Promise<bigint> {
  const receipt = await stack.chain.getTransactionReceipt({ hash: tx });
  const topic = '0x' + to.slice(2).padStart(64, '0');
  const log = receipt.logs.find((l) => l.topics[1]?.toLowerCase() === topic);
  if (!log) throw new Error(`no payout to ${to} in ${tx}`);
  return BigInt(log.data.slice(0, 66));
}
