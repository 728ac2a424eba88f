// /validators and a block page in a real browser at 360 px, in both languages, against a
// devnet whose blocks rotate among member nodes registered on chain.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchBrowser } from './helpers/browser';
import { startAllianceStack, type AllianceStack } from './helpers/alliance-stack';

let stack: AllianceStack;
let browser: Browser;

async function gql<T>(query: string): Promise<T> {
  const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function phonePage(lang: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: lang, timezoneId: 'Asia/Shanghai' });
  return ctx.newPage();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startAllianceStack({ historyEnd: new Date('2022-06-01T00:00:00Z') }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type V = { address: string; nodeLabel: string | null; status: string; blocksSealed: number; member: { nameEn: string; nameZh: string } | null };

describe.each([
  ['en', 'Validators', 'nameEn', { ACTIVE: 'Active', LATE: 'Late', OFFLINE: 'Offline' }],
  ['zh-CN', '验证节点', 'nameZh', { ACTIVE: '活跃', LATE: '迟缓', OFFLINE: '离线' }],
] as const)('validators in the browser (%s, 360 px)', (lang, title, nameKey, statusText) => {
  it('/validators lists every sealer with its member, node and status', async () => {
    const { validators } = await gql<{ validators: { totalCount: number; edges: { node: V }[] } }>(
      '{ validators(first: 50) { totalCount edges { node { address nodeLabel status blocksSealed member { nameEn nameZh } } } } }',
    );
    expect(validators.totalCount).toBeGreaterThanOrEqual(20);
    const page = await phonePage(lang);
    await page.goto(`${stack.url}/validators?lang=${lang}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('[data-testid="validator-row"]').first().waitFor();
    expect(await page.locator('[data-testid="validator-row"]').count()).toBe(validators.edges.length);
    const inspur = validators.edges.map((e) => e.node).find((v) => v.nodeLabel === 'inspur-group-node-1')!;
    const row = page.locator(`[data-testid="validator-row"][data-address="${inspur.address}"]`);
    expect((await row.locator('[data-testid="validator-member"]').innerText()).trim()).toBe(inspur.member![nameKey]);
    expect((await row.locator('[data-testid="validator-status"]').innerText()).trim()).toBe(statusText[inspur.status as keyof typeof statusText]);
    expect(await page.locator('[data-testid="validators-active"]').getAttribute('data-total')).toBe(String(validators.totalCount));
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });

  it("a block page names its sealer's member, and the sealer is the block's coinbase on chain", async () => {
    const n = 40;
    const { block } = await gql<{ block: { sealer: string; sealerLabel: string; sealerMember: { nameEn: string; nameZh: string } } }>(
      `{ block(number: ${n}) { sealer sealerLabel sealerMember { nameEn nameZh } } }`,
    );
    const onChain = await stack.chain.getBlock({ blockNumber: BigInt(n) });
    expect(block.sealer).toBe(onChain.miner.toLowerCase());
    const page = await phonePage(lang);
    await page.goto(`${stack.url}/block/${n}?lang=${lang}`);
    const member = page.locator('[data-testid="block-sealer-member"]');
    await member.waitFor();
    expect((await member.innerText()).trim()).toBe(block.sealerMember[nameKey]);
    expect(await page.locator('[data-testid="block-sealer"]').getAttribute('data-address')).toBe(block.sealer);
    expect(await page.locator('[data-testid="block-sealer"]').innerText()).toContain(block.sealerLabel);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });
});
