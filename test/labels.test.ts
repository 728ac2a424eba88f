// The operator's labels: LABELS_FILE parsed and refused with one line and exit 2; and, against
// a real node and database, Account.label's order of preference (operator label over token
// name), Query.accounts in one request, and search and suggestions by label.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { parseCommand } from '../config';
import { parseLabels } from '../config/labels';
import { connect, migrateToLatest, type Db } from '../db';
import { createServer, type YuscanServer } from '../api/server';
import { DEV_ACCOUNTS, startAnvil, type Anvil } from './helpers/anvil';
import { gql } from './helpers/api';
import { DIALECTS, indexOnce } from './helpers/indexer';
import { freshPostgresUrl } from './helpers/postgres';
import { deployNfts, type NftContracts } from './helpers/nft';

const dir = mkdtempSync(join(tmpdir(), 'yuscan-labels-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const A = '0x00000000000000000000000000000000000a11ce';

describe('LABELS_FILE', () => {
  it('reads CSV with quoted fields, and JSON, lowercasing addresses', () => {
    const csv = `address,label,note,link\n${A.toUpperCase().replace('0X', '0x')},"Hot wallet, main","said ""hi""",https://example.org/a\r\n0x${'b'.repeat(40)},Cold\n`;
    expect(parseLabels(csv, 'l.csv')).toEqual([
      { address: A, label: 'Hot wallet, main', note: 'said "hi"', link: 'https://example.org/a' },
      { address: `0x${'b'.repeat(40)}`, label: 'Cold' },
    ]);
    expect(parseLabels(JSON.stringify([{ address: A, label: 'Treasury', note: 'n' }]), 'l.json')).toEqual([{ address: A, label: 'Treasury', note: 'n' }]);
  });

  it('is read by serve and start, from the flag or the variable', () => {
    const path = file('ok.csv', `address,label\n${A},Treasury\n`);
    const serve = parseCommand(['serve'], { LABELS_FILE: path });
    expect(serve.name === 'serve' && serve.config.labels).toEqual([{ address: A, label: 'Treasury' }]);
    const start = parseCommand(['start', '--labels', path], {});
    expect(start.name === 'start' && start.config.labels).toEqual([{ address: A, label: 'Treasury' }]);
  });

  it.each([
    ['bad-address.csv', `address,label\n0x1234,Short\n`, 'line 2: address "0x1234" is not a 0x-prefixed 20-byte hex address'],
    ['no-label.csv', `address,label\n${A},\n`, 'line 2: the label is empty'],
    ['twice.csv', `address,label\n${A},One\n${A.toUpperCase().replace('0X', '0x')},Two\n`, `${A} is labelled twice`],
    ['header.csv', `addr,name\n${A},One\n`, 'line 1: the header must name the columns address,label[,note][,link]; "addr" is not one'],
    ['bad-link.json', JSON.stringify([{ address: A, label: 'X', link: 'javascript:alert(1)' }]), 'entry 1: link "javascript:alert(1)" is not an http(s) URL'],
    ['broken.json', '[{"address": ', 'not valid JSON'],
  ])('%s: serve exits 2 with one line naming the problem', (name, text, message) => {
    const path = file(name, text);
    const r = spawnSync(process.execPath, ['bin/yuscan.js', 'serve'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LABELS_FILE: path } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`yuscan serve: LABELS_FILE "${path}": ${message}`);
  });

  it('a missing file: start exits 2 naming the flag', () => {
    const r = spawnSync(process.execPath, ['bin/yuscan.js', 'start', '--labels', join(dir, 'nope.csv')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LABELS_FILE: '' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`yuscan start: --labels "${join(dir, 'nope.csv')}" cannot be read (ENOENT)`);
  });
});

describe.each(DIALECTS)('labels in the API, on %s', (dialect) => {
  let anvil: Anvil;
  let db: Db;
  let server: YuscanServer;
  let nfts: NftContracts;
  const queries: string[] = [];
  const [a0, a1, a2] = DEV_ACCOUNTS as [Hex, Hex, Hex];

  beforeAll(async () => {
    anvil = await startAnvil();
    nfts = await deployNfts(anvil.rpc, a0, 'data:application/json,{}');
    await nfts.mintPicture(a1, 1n, 'data:application/json,{}');
    db = connect(dialect === 'sqlite' ? `sqlite:${join(dir, 'labels.db')}` : await freshPostgresUrl('labels'), { onQuery: (q) => queries.push(q) });
    await migrateToLatest(db);
    await indexOnce(anvil.url, db, { genesisFile: anvil.genesisFile });
    server = await createServer({
      db, port: 0, host: '127.0.0.1', rateLimit: false, webDir: dir,
      labels: [
        { address: a1, label: 'Collector wallet', note: 'holds the pictures', link: 'https://example.org/c' },
        { address: nfts.sheet, label: 'Sheet contract (ops)' },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await anvil?.stop();
  });

  it('names each address by its best name, in the documented order, in one request', async () => {
    queries.length = 0;
    const { body } = await gql(server.url, `query($a: [String!]!) { accounts(addresses: $a) { address label labelSource operatorLabel { label note link } } }`, {
      a: [a1.toUpperCase().replace('0X', '0x'), nfts.picture, nfts.sheet, a2],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.accounts).toEqual([
      { address: a1, label: 'Collector wallet', labelSource: 'OPERATOR', operatorLabel: { label: 'Collector wallet', note: 'holds the pictures', link: 'https://example.org/c' } },
      { address: nfts.picture, label: 'Picture', labelSource: 'TOKEN', operatorLabel: null },
      // The operator's label wins over the token's own name.
      { address: nfts.sheet, label: 'Sheet contract (ops)', labelSource: 'OPERATOR', operatorLabel: { label: 'Sheet contract (ops)', note: null, link: null } },
      { address: a2, label: null, labelSource: null, operatorLabel: null },
    ]);
    // Four addresses, one batch each for accounts, tokens, verified contracts and nodes.
    expect(queries.filter((q) => /from "tokens"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /from "node_events"/.test(q))).toHaveLength(1);
    const tooMany = await gql(server.url, `query($a: [String!]!) { accounts(addresses: $a) { label } }`, { a: Array(101).fill(a2) });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('without a node, token metadata says so rather than pending forever', async () => {
    const { body } = await gql(server.url, `query($t: String!) { token(address: $t) { instance(tokenId: "1") { owner metadataStatus metadataError metadata { name } } } }`, { t: nfts.picture });
    expect(body.data.token.instance).toEqual({ owner: a1, metadataStatus: 'ERROR', metadataError: 'the server has no node to read token URIs from (yuscan serve --rpc)', metadata: null });
    expect((await fetch(`${server.url}/metadata/${nfts.picture}/1/refresh`, { method: 'POST' })).status).toBe(503);
  });

  it('finds an address by its label in search and in suggestions', async () => {
    const exact = await gql(server.url, `{ search(query: "collector wallet") { __typename ... on Account { address label } } }`);
    expect(exact.body.data.search).toEqual({ __typename: 'Account', address: a1, label: 'Collector wallet' });
    const part = await gql(server.url, `{ search(query: "ops") { __typename ... on Account { address } } }`);
    expect(part.body.data.search).toEqual({ __typename: 'Account', address: nfts.sheet });
    const s = await gql(server.url, `{ searchSuggestions(query: "coll") { kind value label detail } }`);
    expect(s.body.data.searchSuggestions).toEqual([{ kind: 'ADDRESS', value: a1, label: 'Collector wallet', detail: a1 }]);
    const none = await gql(server.url, `{ search(query: "nobody by this name") { __typename } }`);
    expect(none.body.data.search).toBeNull();
  });
});
