// Balances a browser shows for what the index could and could not know, on a bare anvil:
// a genesis allocation is labelled as one; an address the index never saw reads "not
// indexed" with no node and the node's balance with one; a history that did not start at
// the genesis says where it becomes exact. In both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Db } from '../db/connect';
import { createServer, type YuscanServer } from '../api/server';
import { WEB_DIST } from '../cli/build-web';
import { createRpcClient, type RpcClient } from '../indexer/rpc';
import { DEV_ACCOUNTS, genesisDoc, IDLE_ACCOUNT, startAnvil, writeGenesis, type Anvil } from '../test/helpers/anvil';
import { indexOnce, openDb } from '../test/helpers/indexer';
import { launchBrowser } from './helpers/browser';

let a: Anvil;
let browser: Browser;
let fromGenesis: Db;
let fromLater: Db;
let rpc: RpcClient;
const servers: YuscanServer[] = [];
const strings = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../web/i18n/locales/${lang}/tokens.json`), 'utf8'));
const funded = DEV_ACCOUNTS[9]!; // allocated at genesis, never transacts
const active = DEV_ACCOUNTS[1]!;

beforeAll(async () => {
  a = await startAnvil();
  for (let i = 0; i < 6; i++) {
    await a.send({ from: active, to: DEV_ACCOUNTS[2], value: `0x${(1000 + i).toString(16)}` });
    await a.mine();
  }
  // A genesis file without the idle account: the index never sees that address.
  const { alloc, ...rest } = genesisDoc() as { alloc: Record<string, unknown> };
  const partial = writeGenesis({ ...rest, alloc: Object.fromEntries(Object.entries(alloc).filter(([k]) => k !== IDLE_ACCOUNT)) });
  fromGenesis = await openDb('sqlite', 'e2e-balances');
  await indexOnce(a.url, fromGenesis, { genesisFile: partial });
  fromLater = await openDb('sqlite', 'e2e-balances-later');
  await indexOnce(a.url, fromLater, { fromBlock: 3 });
  rpc = createRpcClient(a.url);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  await rpc?.close();
  await fromGenesis?.close();
  await fromLater?.close();
  await a?.stop();
});

async function serve(db: Db, withNode: boolean): Promise<string> {
  const s = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, webDir: WEB_DIST, rpc: withNode ? rpc : undefined });
  servers.push(s);
  return s.url;
}

async function text(url: string, path: string, testId: string, lang: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  try {
    await page.goto(`${url}${path}?lang=${lang}`);
    await page.getByTestId(testId).first().waitFor({ timeout: 15_000 });
    return (await page.getByTestId(testId).first().textContent()) ?? '';
  } finally {
    await page.close();
  }
}

describe.each(['en', 'zh-CN'])('balances in %s', (lang) => {
  const s = strings(lang).address;

  it('labels a genesis allocation, and says "not indexed" for an unseen address with no node', async () => {
    const url = await serve(fromGenesis, false);
    expect(await text(url, `/address/${funded}`, 'balance-genesis', lang)).toBe(s.genesis);
    expect(await text(url, `/address/${IDLE_ACCOUNT}`, 'address-balance', lang)).toContain(s.notIndexed);
  });

  it("shows the node's balance for an unseen address when it has a node", async () => {
    const url = await serve(fromGenesis, true);
    const shown = await text(url, `/address/${IDLE_ACCOUNT}`, 'balance-node', lang);
    expect(shown.trim().length).toBeGreaterThan(0);
    expect(await text(url, `/address/${IDLE_ACCOUNT}`, 'address-balance', lang)).not.toContain(s.notIndexed);
  });

  it('says a history that did not start at the genesis is partial before the head check that set it right', async () => {
    // Indexed from block 3: the balances before it were unknown, the head check at block 6 corrected them.
    const url = await serve(fromLater, true);
    expect(await text(url, `/address/${active}`, 'balance-partial', lang)).toBe(s.chartPartial.replace('{{block}}', '6'));
  });
});
