// Browser tests of address labels and NFT pages against a real devnet, indexer and server:
// the operator's labels (and the best names) in every list and in the address heading,
// search by label; the token id page with its image served through yuscan, attributes,
// owner or holders and transfers, inventory thumbnails, an SVG whose script does not run,
// both languages at 360 px.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hex } from 'viem';
import { allianceRegistryAbi } from '../contracts/registry';
import { createRpcClient, type RpcClient } from '../indexer/rpc';
import { deployNfts, type NftContracts } from '../test/helpers/nft';
import { startStack, type Stack } from './helpers/stack';
import { AppPages, horizontalOverflow, launchBrowser } from './helpers/browser';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201a2e6d6e50000000049454e44ae426082', 'hex');
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>window.top.pwned = 1; window.top.document.title = "pwned";</script><rect width="40" height="40" fill="teal"/></svg>`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

let stack: Stack;
let browser: Browser;
let host: Server;
let hostUrl: string;
let rpc: RpcClient;
let nfts: NftContracts;
let sealer: string;
let pages: AppPages;

const NODE: Hex = '0x00000000000000000000000000000000000a0de1';
const LABEL = { member: 'Ops treasury', user: 'Faucet (ops)', sealer: 'Sealer (ops)', collector: 'NFT collector (ops)' };

/** The text of the labelled address cells the page shows, once they have appeared. */
async function labelsShown(page: Page, expected: string): Promise<string[]> {
  await page.locator('.addr-labelled', { hasText: expected }).first().waitFor();
  return page.locator('.addr-labelled').allTextContents();
}

beforeAll(async () => {
  host = createHttpServer((req, res) => {
    if (req.url === '/meta/2.json') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'Harbour at dusk', image: `${hostUrl}/img/2.png`, attributes: [{ trait_type: 'Palette', value: 'Warm' }] }));
    }
    if (req.url === '/img/2.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === `/sheet/${'0'.repeat(62)}07.json`) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'Berth permit', image: `${hostUrl}/img/2.png` }));
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  [stack, browser] = await Promise.all([
    startStack({
      server: async (devnet) => {
        rpc = createRpcClient(devnet.rpcUrl);
        sealer = (await rpc.request<{ miner: string }>('eth_getBlockByNumber', ['latest', false])).miner.toLowerCase();
        return {
          rpc,
          metadata: { ipfsGateway: `${hostUrl}/`, allowPrivate: true },
          labels: [
            { address: devnet.members[0]!.toLowerCase() as Hex, label: LABEL.member, note: 'the secretariat’s float', link: 'https://example.org/treasury' },
            { address: devnet.users[0]!.toLowerCase() as Hex, label: LABEL.user },
            { address: devnet.users[1]!.toLowerCase() as Hex, label: LABEL.collector },
            { address: sealer as Hex, label: LABEL.sealer },
          ],
        };
      },
    }),
    launchBrowser(),
  ]);
  pages = new AppPages(browser, stack.url);
  const [deployer, collector] = [stack.devnet.users[2]!, stack.devnet.users[1]!];
  nfts = await deployNfts((m, p) => rpc.request(m, p), deployer, `${hostUrl}/sheet/{id}.json`);
  const doc = JSON.stringify({ name: 'Lantern', description: 'An inline picture', image: `data:image/svg+xml;base64,${b64(EVIL_SVG)}`, attributes: [{ trait_type: 'Colour', value: 'Teal' }, { trait_type: 'Edition', value: 3, display_type: 'number' }] });
  await nfts.mintPicture(collector, 1n, `data:application/json;base64,${b64(doc)}`);
  await nfts.mintPicture(collector, 2n, `${hostUrl}/meta/2.json`);
  await nfts.mintSheet(collector, 7n, 4n);
  // A member registers a sealing node: its label names the node's address where nothing better does.
  const nodeTx = await stack.wallet.writeContract({
    address: stack.devnet.registry, abi: allianceRegistryAbi, functionName: 'registerNode', args: [NODE, 'Jiefangbei node 1'], account: stack.scenario.members[1]!.address, chain: null,
  } as never);
  await stack.chain.waitForTransactionReceipt({ hash: nodeTx, pollingInterval: 50 });
  await stack.waitIndexed(await stack.chain.getBlockNumber(), 60_000);
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await stack?.stop();
  await rpc?.close();
  host?.close();
});

describe('address labels in the browser', () => {
  it('every list shows the best name: transactions (From and To), blocks (sealer), top accounts, the home page, token holders and transfers', async () => {
    const txs = await pages.open('/txs');
    const onTxs = await labelsShown(txs, LABEL.user);
    expect(onTxs).toContain(LABEL.member); // the To column: the operator's label outranks the member's name
    expect(onTxs).toContain(LABEL.user); // the From column
    expect(onTxs).not.toContain(stack.scenario.members[0]!.nameEn);
    expect(onTxs).toContain(stack.scenario.members[1]!.nameEn); // no label: the member's name
    // A list page names all its addresses in one request.
    const blocks = await pages.open('/blocks');
    expect(await labelsShown(blocks, LABEL.sealer)).toContain(LABEL.sealer);
    // Top accounts: every genesis-funded account holds the same, and members received from users,
    // so the member is near the top and the users who sent are not on the first page.
    const accounts = await pages.open('/accounts');
    expect(await labelsShown(accounts, LABEL.member)).toContain(LABEL.member);
    const home = await pages.open('/');
    expect(await labelsShown(home, LABEL.member)).toContain(LABEL.member);
    const holders = await pages.open(`/token/${nfts.picture}?tab=holders`);
    expect(await labelsShown(holders, LABEL.collector)).toContain(LABEL.collector);
    const transfers = await pages.open(`/token/${nfts.picture}?tab=transfers`);
    expect(await labelsShown(transfers, LABEL.collector)).toContain(LABEL.collector);
    // The contract's own page is headed by its name (the token's, here).
    const contract = await pages.open(`/address/${nfts.picture}`);
    await expect.poll(() => contract.getByTestId('address-title').textContent()).toBe('Picture');
    expect(pages.foreign).toEqual([]);
  });

  it('Account.label takes the operator label, else the member, token or validator node name', async () => {
    const m = stack.scenario.members;
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($a: [String!]!) { accounts(addresses: $a) { label labelSource } }', variables: { a: [m[0]!.address, m[1]!.address, nfts.sheet, NODE] } }),
    });
    const { data } = (await res.json()) as { data: { accounts: unknown[] } };
    expect(data.accounts).toEqual([
      { label: LABEL.member, labelSource: 'OPERATOR' },
      { label: m[1]!.name, labelSource: 'MEMBER' },
      { label: 'Sheet', labelSource: 'TOKEN' },
      { label: 'Jiefangbei node 1', labelSource: 'VALIDATOR' },
    ]);
  });

  it('counts one names request for a whole list', async () => {
    const ctx = await pages.context();
    const page = await ctx.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (body?.includes('query AccountNames')) asked.push(body);
    });
    await page.goto(`${stack.url}/txs`);
    await page.locator('.addr-labelled', { hasText: LABEL.user }).first().waitFor();
    expect(asked).toHaveLength(1);
    expect(JSON.parse(asked[0]!).variables.addresses.length).toBeGreaterThan(3);
  });

  it('the address page is headed by the label, with its note and link; search finds it by label', async () => {
    const member = stack.scenario.members[0]!.address;
    const page = await pages.open(`/address/${member}`);
    await expect.poll(() => page.getByTestId('address-title').textContent()).toBe(LABEL.member);
    expect(await page.getByTestId('operator-label').textContent()).toContain('the secretariat’s float');
    expect(await page.getByTestId('operator-label').locator('a').getAttribute('href')).toBe('https://example.org/treasury');
    // The search box suggests the labelled address as you type.
    const home = await pages.open('/blocks');
    await home.locator('[data-search-input="header"]').pressSequentially('treasury', { delay: 20 });
    const option = home.getByTestId('qs-option').first();
    await expect.poll(() => option.getAttribute('data-href')).toBe(`/address/${member}`);
    expect(await option.textContent()).toContain(LABEL.member);
    const search = await pages.open(`/search?q=${encodeURIComponent('ops treasury')}`);
    await search.waitForURL(new RegExp(`/address/${member}`));
    await expect.poll(() => search.getByTestId('address-title').textContent()).toBe(LABEL.member);
  });
});

describe('NFT pages in the browser', () => {
  it('a token id: image through /media, attributes, owner by label, transfers; its SVG script does not run', async () => {
    const page = await pages.open(`/token/${nfts.picture}/1`);
    await expect.poll(() => page.getByTestId('instance-title').textContent()).toBe('Lantern');
    const img = page.locator('img[data-testid="nft-large"]');
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(40);
    expect(await img.getAttribute('src')).toBe(`/media/${nfts.picture}/1`);
    expect(await page.getByTestId('nft-attribute').allTextContents()).toEqual(['ColourTeal', 'Edition3']);
    await expect.poll(() => page.getByTestId('instance-owner').textContent()).toContain(LABEL.collector);
    expect(await page.getByTestId('metadata-status').getAttribute('data-value')).toBe('OK');
    await page.getByTestId('instance-transfers').getByTestId('transfer-row').first().waitFor();
    expect(await page.getByTestId('instance-transfers').getByTestId('transfer-row').count()).toBe(1);
    // The SVG carries a script that would set window.pwned and the title: it never ran.
    expect(await page.evaluate(() => [(window as { pwned?: number }).pwned ?? null, document.title.includes('pwned')])).toEqual([null, false]);
    // Refresh: fetched again, then refused for a moment.
    await page.getByTestId('metadata-refresh').click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(' Fetched again.');
    await page.getByTestId('metadata-refresh').click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(' Refreshed moments ago; try again shortly.');
    expect(pages.foreign).toEqual([]);
  });

  it('an HTTP-hosted image is served by yuscan, never hot-linked; ERC-1155 shows holders', async () => {
    const page = await pages.open(`/token/${nfts.picture}/2`);
    await expect.poll(() => page.getByTestId('instance-title').textContent()).toBe('Harbour at dusk');
    await expect.poll(() => page.locator('img[data-testid="nft-large"]').evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(1);
    const sheet = await pages.open(`/token/${nfts.sheet}/7`);
    await expect.poll(() => sheet.getByTestId('instance-title').textContent()).toBe('Berth permit');
    await sheet.getByTestId('instance-holders').locator('.addr-labelled', { hasText: LABEL.collector }).waitFor();
    expect(await sheet.getByTestId('instance-owner').count()).toBe(0);
    expect(pages.foreign).toEqual([]); // the host's own URL never reached the browser
  });

  it('the inventory shows thumbnails linking to each id; zh-CN at 360 px fits', async () => {
    const page = await pages.open(`/token/${nfts.picture}?tab=inventory`, { width: 360, locale: 'zh-CN' });
    await page.getByTestId('inventory-item').first().waitFor();
    await expect.poll(() => page.locator('img[data-testid="nft-thumb"]').count()).toBe(2);
    expect(await page.locator('img[data-testid="nft-thumb"]').evaluateAll((els) => els.map((e) => e.getAttribute('src')))).toEqual([
      `/media/${nfts.picture}/1`, `/media/${nfts.picture}/2`,
    ]);
    await page.getByTestId('inventory-item').first().locator('a').first().click();
    await page.waitForURL(new RegExp(`/token/${nfts.picture}/1$`));
    await expect.poll(() => page.getByTestId('nft-attributes').locator('h2, h3').first().textContent()).toBe('属性');
    expect(await page.getByTestId('metadata-status').textContent()).toContain('已获取');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(pages.pageErrors).toEqual([]);
  });
});
