// Token metadata against a real node (anvil) and a real database: tokenURI / uri read at
// latest, documents from data: URIs, a local HTTP server and an IPFS gateway stub, the
// private-address refusal (and the flag that allows it), the size cap, refresh, and media
// served through yuscan with an SVG whose script does not run in Chromium.
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { Hex } from 'viem';
import type { Db } from '../db';
import { createServer, type YuscanServer } from '../api/server';
import { createRpcClient, type RpcClient } from '../indexer/rpc';
import { isPrivateAddress } from '../api/metadata/address';
import { hostGate, limitedFetch } from '../api/metadata/fetch';
import { imageType, locate, parseDataUri, substituteId } from '../api/metadata/uri';
import { DEV_ACCOUNTS, startAnvil, type Anvil } from './helpers/anvil';
import { gql } from './helpers/api';
import { DIALECTS, indexOnce, openDb } from './helpers/indexer';
import { deployNfts, type NftContracts } from './helpers/nft';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'.padEnd(134, '0'), 'hex');
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>window.top.pwned = 1; document.title = "pwned";</script><rect width="10" height="10" fill="red"/></svg>`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('pure parts', () => {
  it('substitutes {id} as 64 lowercase hex digits', () => {
    expect(substituteId('https://x/{id}.json', '255')).toBe(`https://x/${'0'.repeat(62)}ff.json`);
  });
  it('decodes data: URIs, base64 and percent-encoded', () => {
    expect(parseDataUri(`data:application/json;base64,${b64('{"a":1}')}`)).toEqual({ mime: 'application/json', bytes: Buffer.from('{"a":1}') });
    expect(parseDataUri('data:application/json;utf8,%7B%22a%22%3A2%7D')!.bytes.toString()).toBe('{"a":2}');
    expect(parseDataUri('https://x')).toBeNull();
  });
  it('sends ipfs:// through the gateway and refuses other schemes', () => {
    expect(locate('ipfs://QmAbc/1.json', 'http://gw.example/')).toEqual({ kind: 'http', url: 'http://gw.example/ipfs/QmAbc/1.json', viaGateway: true });
    expect(locate('ipfs://ipfs/QmAbc', 'http://gw.example/')).toEqual({ kind: 'http', url: 'http://gw.example/ipfs/QmAbc', viaGateway: true });
    expect(locate('https://x.example/1', 'http://gw.example/')).toEqual({ kind: 'http', url: 'https://x.example/1' });
    expect(locate('ftp://x/y', 'http://gw.example/').kind).toBe('invalid');
  });
  it('tells private addresses from public ones', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('lets at most N requests at a time reach one host, and other hosts go on', async () => {
    const gate = hostGate(2);
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const task = () => gate('a.example', () => {
      running++;
      most = Math.max(most, running);
      return new Promise<void>((ok) => releases.push(() => { running--; ok(); }));
    });
    const all = [task(), task(), task(), task(), task()];
    await new Promise((r) => setTimeout(r, 20));
    expect([running, releases.length]).toEqual([2, 2]);
    expect(await gate('b.example', async () => 'other host')).toBe('other host');
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(all);
    expect(most).toBe(2);
  });

  it('gives up on a host that does not answer in time, and on a body over the cap', async () => {
    const slow = createHttpServer((req, res) => {
      if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end('x'.repeat(4000));
      // /slow never answers
    });
    await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const limits = { maxBytes: 1000, timeoutMs: 300, allowPrivate: true };
      expect(await limitedFetch(`${base}/slow`, limits, hostGate(2))).toEqual({ ok: false, status: 'ERROR', reason: 'no answer within 300 ms' });
      expect(await limitedFetch(`${base}/big`, limits, hostGate(2))).toMatchObject({ ok: false, status: 'TOO_LARGE' });
      expect(await limitedFetch(`${base}/big`, { ...limits, allowPrivate: false }, hostGate(2))).toMatchObject({ ok: false, status: 'BLOCKED' });
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });

  it('serves only image types', () => {
    expect(imageType(undefined, PNG)).toBe('image/png');
    expect(imageType('text/plain', Buffer.from(EVIL_SVG))).toBe('image/svg+xml');
    expect(imageType('text/html', Buffer.from('<html><script>1</script></html>'))).toBeNull();
  });
});

describe.each(DIALECTS)('token metadata against anvil, on %s', (dialect) => {
  let anvil: Anvil;
  let db: Db;
  let host: Server;
  let hostUrl: string;
  let nfts: NftContracts;
  let open: YuscanServer;
  let guarded: YuscanServer;
  let rpcs: RpcClient[];
  const served = new Map<string, { type: string; body: Buffer | string }>();
  const asked: string[] = [];

  beforeAll(async () => {
    host = createHttpServer((req, res) => {
      asked.push(req.url!);
      const r = served.get(req.url!);
      if (!r) return void res.writeHead(404).end('missing');
      res.writeHead(200, { 'content-type': r.type }).end(r.body);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    served.set('/meta/2.json', { type: 'application/json', body: JSON.stringify({ name: 'Two', description: 'from HTTP', image: `${hostUrl}/img/2.png`, attributes: [{ trait_type: 'Colour', value: 'Blue' }, { value: 7, display_type: 'number' }] }) });
    served.set('/img/2.png', { type: 'image/png', body: PNG });
    served.set('/ipfs/QmPicture3/3.json', { type: 'application/json', body: JSON.stringify({ name: 'Three', image: 'ipfs://QmPicture3/3.svg' }) });
    served.set('/ipfs/QmPicture3/3.svg', { type: 'image/svg+xml', body: EVIL_SVG });
    served.set('/big.json', { type: 'application/json', body: JSON.stringify({ name: 'x'.repeat(5000) }) });
    served.set(`/sheet/${'0'.repeat(62)}2a.json`, { type: 'application/json', body: JSON.stringify({ name: 'Sheet 42' }) });

    anvil = await startAnvil();
    const [a0, a1] = DEV_ACCOUNTS as [Hex, Hex];
    nfts = await deployNfts(anvil.rpc, a0, `${hostUrl}/sheet/{id}.json`);
    const dataDoc = JSON.stringify({ name: 'One', description: 'inline', image: `data:image/svg+xml;base64,${b64(EVIL_SVG)}`, attributes: [{ trait_type: 'Kind', value: 'Data' }] });
    await nfts.mintPicture(a1, 1n, `data:application/json;base64,${b64(dataDoc)}`);
    await nfts.mintPicture(a1, 2n, `${hostUrl}/meta/2.json`);
    await nfts.mintPicture(a1, 3n, 'ipfs://QmPicture3/3.json');
    await nfts.mintPicture(a1, 4n, `http://localhost:${new URL(hostUrl).port}/meta/2.json`);
    await nfts.mintPicture(a1, 5n, `${hostUrl}/meta/2.json`);
    await nfts.mintPicture(a1, 6n, `${hostUrl}/big.json`);
    await nfts.mintPicture(a1, 7n, `${hostUrl}/meta/missing.json`);
    await nfts.mintPicture(a1, 8n, 'ipfs://QmPicture3/3.json');
    await nfts.mintSheet(a1, 42n, 5n);
    db = await openDb(dialect, 'metadata');
    await indexOnce(anvil.url, db, { genesisFile: anvil.genesisFile });
    rpcs = [createRpcClient(anvil.url), createRpcClient(anvil.url)];
    const common = { db, port: 0, host: '127.0.0.1', rateLimit: false as const, webDir: mkdtempSync(join(tmpdir(), 'yuscan-noweb-')) };
    const gateway = `${hostUrl}/`;
    open = await createServer({ ...common, rpc: rpcs[0], metadata: { ipfsGateway: gateway, allowPrivate: true, maxDocumentBytes: 2048 } });
    guarded = await createServer({ ...common, rpc: rpcs[1], metadata: { ipfsGateway: gateway, allowPrivate: false } });
  });
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    for (const r of rpcs ?? []) await r.close();
    await db?.close();
    await anvil?.stop();
    host?.close();
  });

  const INSTANCE = `query($t: String!, $id: BigInt!) { token(address: $t) { type instance(tokenId: $id) {
    tokenId owner tokenAddress metadataStatus metadataUri metadataError
    metadata { name description image raw attributes { traitType value displayType } } } } }`;
  const instance = async (server: YuscanServer, id: number, token = nfts.picture) => {
    const { body } = await gql(server.url, INSTANCE, { t: token, id: String(id) });
    expect(body.errors).toBeUndefined();
    return body.data.token.instance;
  };
  /** The first ask starts the fetch; wait until it is no longer PENDING. */
  const settled = async (server: YuscanServer, id: number, token = nfts.picture) => {
    await expect.poll(async () => (await instance(server, id, token)).metadataStatus).not.toBe('PENDING');
    return instance(server, id, token);
  };

  it('reads a data: URI document, and serves its SVG image so that no script in it runs', async () => {
    const i = await settled(open, 1);
    expect(i).toMatchObject({ tokenId: '1', owner: DEV_ACCOUNTS[1], tokenAddress: nfts.picture, metadataStatus: 'OK' });
    expect(i.metadata).toMatchObject({ name: 'One', description: 'inline', image: `/media/${nfts.picture}/1`, attributes: [{ traitType: 'Kind', value: 'Data', displayType: null }] });
    const res = await fetch(`${open.url}${i.metadata.image}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(EVIL_SVG);

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
      const page = await browser.newPage();
      // Opened directly, as a document: the CSP keeps the script from running.
      await page.goto(`${open.url}${i.metadata.image}`);
      // (Browser-side code as text: this suite's TypeScript has no DOM types.)
      expect(await page.evaluate('[window.pwned ?? null, document.title]')).toEqual([null, '']);
      expect(await page.evaluate(`document.querySelector('rect')?.getAttribute('fill')`)).toBe('red');
      // Shown as an <img>, as the web app does: it renders, and its script does not run either.
      await page.goto(`${open.url}/healthz`);
      const shown = await page.evaluate(`(async () => {
        document.title = 'host';
        const img = document.createElement('img');
        img.src = ${JSON.stringify(i.metadata.image)};
        document.body.append(img);
        await img.decode();
        return [img.naturalWidth, window.pwned ?? null, document.title];
      })()`);
      expect(shown).toEqual([10, null, 'host']);
    } finally {
      await browser?.close();
    }
  });

  it('fetches a document from an HTTP server, with its image through /media', async () => {
    const i = await settled(open, 2);
    expect(i.metadataStatus).toBe('OK');
    expect(i.metadataUri).toBe(`${hostUrl}/meta/2.json`);
    expect(i.metadata.name).toBe('Two');
    expect(i.metadata.attributes).toEqual([{ traitType: 'Colour', value: 'Blue', displayType: null }, { traitType: null, value: '7', displayType: 'number' }]);
    expect(JSON.parse(i.metadata.raw).description).toBe('from HTTP');
    const img = await fetch(`${open.url}${i.metadata.image}`);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('fetches ipfs:// through the configured gateway', async () => {
    const i = await settled(open, 3);
    expect(i).toMatchObject({ metadataStatus: 'OK', metadataUri: 'ipfs://QmPicture3/3.json', metadata: { name: 'Three', image: `/media/${nfts.picture}/3` } });
    expect(asked).toContain('/ipfs/QmPicture3/3.json');
    const img = await fetch(`${open.url}${i.metadata.image}`);
    expect(img.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('substitutes {id} in an ERC-1155 uri(id); the owner is null', async () => {
    const i = await settled(open, 42, nfts.sheet);
    expect(i).toMatchObject({ owner: null, metadataStatus: 'OK', metadataUri: `${hostUrl}/sheet/${'0'.repeat(62)}2a.json`, metadata: { name: 'Sheet 42', image: null } });
  });

  it('refuses private addresses by default, by literal IP and by a name that resolves to loopback', async () => {
    const before = asked.length;
    const literal = await settled(guarded, 5);
    expect(literal).toMatchObject({ metadataStatus: 'BLOCKED', metadata: null });
    expect(literal.metadataError).toMatch(/127\.0\.0\.1 is a private address/);
    const named = await settled(guarded, 4);
    expect(named).toMatchObject({ metadataStatus: 'BLOCKED', metadata: null });
    expect(named.metadataError).toMatch(/localhost resolves to a private address/);
    expect(asked.length).toBe(before); // nothing reached the host
    // The IPFS gateway is the operator's own setting: trusted even on a private address.
    expect(await settled(guarded, 8)).toMatchObject({ metadataStatus: 'OK', metadata: { name: 'Three' } });
  });

  it('caps the document size, says NOT_FOUND for a 404, and never fetches for an id no transfer names', async () => {
    expect(await settled(open, 6)).toMatchObject({ metadataStatus: 'TOO_LARGE', metadata: null });
    expect(await settled(open, 7)).toMatchObject({ metadataStatus: 'NOT_FOUND', metadataError: 'HTTP 404' });
    // Anyone may ask for any id: only ids the index has seen are fetched and stored.
    expect(await instance(open, 99)).toMatchObject({ owner: null, metadataStatus: 'NOT_FOUND', metadataError: 'no indexed transfer names this token id' });
    expect(await db.db.selectFrom('token_metadata').select('token_id').where('token_id', '=', '99').execute()).toEqual([]);
    expect((await fetch(`${open.url}/metadata/${nfts.picture}/99/refresh`, { method: 'POST' })).status).toBe(404);
  });

  it('says NOT_FOUND when tokenURI returns an empty URI', async () => {
    await nfts.mintPicture(DEV_ACCOUNTS[1]!, 10n, '');
    await indexOnce(anvil.url, db, { genesisFile: anvil.genesisFile });
    expect(await settled(open, 10)).toMatchObject({ metadataStatus: 'NOT_FOUND', metadataError: 'tokenURI returned an empty URI' });
  });

  it('refreshes on POST, at most once per id in a short while', async () => {
    await nfts.setPictureUri(2n, `${hostUrl}/sheet/${'0'.repeat(62)}2a.json`);
    expect((await instance(open, 2)).metadata.name).toBe('Two'); // stored, not re-read on every ask
    const res = await fetch(`${open.url}/metadata/${nfts.picture}/2/refresh`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'OK', error: null });
    expect((await instance(open, 2)).metadata.name).toBe('Sheet 42');
    const again = await fetch(`${open.url}/metadata/${nfts.picture}/2/refresh`, { method: 'POST' });
    expect(again.status).toBe(429);
    expect((await fetch(`${open.url}/metadata/0x${'1'.repeat(40)}/2/refresh`, { method: 'POST' })).status).toBe(404);
  });
});
