// The Etherscan-compatible /api against the truth: for several addresses, txlist, balance,
// tokentx and getLogs equal what the node says (viem) and what GraphQL says. Then hostile
// input: every kind is answered NOTOK with HTTP 200, and the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, parseAbiItem, type Hex } from 'viem';
import { freshDatabaseUrl, gql, startApiWorld, type ApiWorld } from './helpers/api';
import { api } from './helpers/verify';
import { DIALECTS } from './helpers/indexer';

const TRANSFER = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');

describe.each(DIALECTS)('/api against the node and GraphQL (%s)', (dialect) => {
  let w: ApiWorld;
  let head: number;
  let client: ReturnType<typeof createPublicClient>;
  let busiest: string[];
  let erc20: string;
  let holders: string[];

  beforeAll(async () => {
    w = await startApiWorld(await freshDatabaseUrl(dialect, 'etherscan'));
    await w.server.head.poll();
    head = w.server.head.current.indexedHead;
    client = createPublicClient({ transport: http(w.devnet.rpcUrl, { batch: true }) });
    // The three addresses with the most transactions, and the most-held ERC-20 with three holders.
    busiest = (await w.db.db.selectFrom('accounts').select('address').orderBy('tx_count', 'desc').limit(3).execute()).map((r) => r.address);
    const token = await w.db.db.selectFrom('tokens').select('address').where('type', '=', 'ERC20').orderBy('holder_count', 'desc').limit(1).executeTakeFirstOrThrow();
    erc20 = token.address;
    holders = (await w.db.db.selectFrom('token_holdings').select('holder').where('token', '=', erc20).orderBy('sort_key', 'desc').limit(3).execute()).map((r) => r.holder);
    expect(holders.length).toBe(3);
  }, 600_000);
  afterAll(async () => w?.close());

  it('txlist: every field that the node knows equals it, and the hashes equal GraphQL\'s', async () => {
    for (const address of busiest) {
      const r = await api(w.server.url, { module: 'account', action: 'txlist', address, sort: 'desc', offset: '25' });
      expect(r.body.status).toBe('1');
      expect(r.body.result).toHaveLength(25);
      for (const t of r.body.result.slice(0, 5)) {
        const tx = await client.getTransaction({ hash: t.hash });
        const rc = await client.getTransactionReceipt({ hash: t.hash });
        expect(t).toMatchObject({
          blockNumber: String(tx.blockNumber), blockHash: tx.blockHash, from: tx.from.toLowerCase(), to: tx.to?.toLowerCase() ?? '', value: String(tx.value),
          nonce: String(tx.nonce), gas: String(tx.gas), input: tx.input, transactionIndex: String(tx.transactionIndex), gasUsed: String(rc.gasUsed),
          gasPrice: String(rc.effectiveGasPrice), cumulativeGasUsed: String(rc.cumulativeGasUsed), txreceipt_status: rc.status === 'success' ? '1' : '0',
          isError: rc.status === 'success' ? '0' : '1', contractAddress: rc.contractAddress?.toLowerCase() ?? '',
        });
      }
      const g = await gql(w.server.url, `query($a: String!) { account(address: $a) { transactions(first: 25) { edges { node { hash } } } } }`, { a: address });
      expect(r.body.result.map((t: { hash: string }) => t.hash)).toEqual(g.body.data.account.transactions.edges.map((e: { node: { hash: string } }) => e.node.hash));
      // Paging: page 2 of 10 continues page 1 of 20.
      const p1 = await api(w.server.url, { module: 'account', action: 'txlist', address, sort: 'desc', offset: '20' });
      const p2 = await api(w.server.url, { module: 'account', action: 'txlist', address, sort: 'desc', offset: '10', page: '2' });
      expect(p2.body.result).toEqual(p1.body.result.slice(10, 20));
    }
  });

  it('balance and balancemulti equal eth_getBalance at the indexed head and GraphQL', async () => {
    const addresses = [...busiest, ...holders];
    const multi = await api(w.server.url, { module: 'account', action: 'balancemulti', address: addresses.join(',') });
    for (const address of addresses) {
      const node = await client.getBalance({ address: address as Hex, blockNumber: BigInt(head) });
      const one = await api(w.server.url, { module: 'account', action: 'balance', address, tag: 'latest' });
      expect(one.body).toEqual({ status: '1', message: 'OK', result: String(node) });
      expect(multi.body.result).toContainEqual({ account: address, balance: String(node) });
      const g = await gql(w.server.url, `query($a: String!) { account(address: $a) { balance } }`, { a: address });
      expect(g.body.data.account.balance).toBe(String(node));
    }
  });

  it('tokentx equals the token\'s Transfer logs from the node and GraphQL\'s token transfers', async () => {
    for (const holder of holders) {
      const r = await api(w.server.url, { module: 'account', action: 'tokentx', address: holder, contractaddress: erc20, sort: 'asc', offset: '1000' });
      expect(r.body.status).toBe('1');
      const [sent, received] = await Promise.all([
        client.getLogs({ address: erc20 as Hex, event: TRANSFER, args: { from: holder as Hex }, fromBlock: 0n, toBlock: BigInt(head) }),
        client.getLogs({ address: erc20 as Hex, event: TRANSFER, args: { to: holder as Hex }, fromBlock: 0n, toBlock: BigInt(head) }),
      ]);
      const unique = new Map([...sent, ...received].map((l) => [`${l.blockNumber}:${l.logIndex}`, l]));
      const node = [...unique.values()].sort((a, b) => Number(a.blockNumber! - b.blockNumber!) || a.logIndex! - b.logIndex!);
      expect(r.body.result.map((t: Record<string, string>) => [t.hash, t.from, t.to, t.value, t.blockNumber])).toEqual(
        node.map((l) => [l.transactionHash, l.args.from!.toLowerCase(), l.args.to!.toLowerCase(), String(l.args.value), String(l.blockNumber)]),
      );
      // GraphQL, page by page, lists the same transfers as tokentx: all of them, not a sample.
      const fromGql: string[] = [];
      for (let after: string | null = null; ; ) {
        const g = await gql(
          w.server.url,
          `query($a: String!, $t: String!, $after: String) { account(address: $a) { tokenTransfers(token: $t, first: 100, after: $after) { edges { node { transactionHash value } } pageInfo { hasNextPage endCursor } } } }`,
          { a: holder, t: erc20, after },
        );
        const page = g.body.data.account.tokenTransfers;
        fromGql.push(...page.edges.map((e: { node: { transactionHash: string; value: string } }) => `${e.node.transactionHash}:${e.node.value}`));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(r.body.result.length).toBeGreaterThan(0);
      expect(fromGql.sort()).toEqual(r.body.result.map((t: Record<string, string>) => `${t.hash}:${t.value}`).sort());
    }
  });

  it('getLogs equals eth_getLogs for the registry and a token over a block range', async () => {
    for (const address of [w.devnet.registry.toLowerCase(), erc20]) {
      const from = Math.max(0, head - 400);
      const r = await api(w.server.url, { module: 'logs', action: 'getLogs', address, fromBlock: String(from), toBlock: 'latest', offset: '1000' });
      const node = await client.getLogs({ address: address as Hex, fromBlock: BigInt(from), toBlock: BigInt(head) });
      expect(node.length).toBeGreaterThan(0);
      expect(r.body.result.map((l: Record<string, unknown>) => [l.transactionHash, l.logIndex, l.blockNumber, l.data, l.topics])).toEqual(
        node.slice(0, 1000).map((l) => [l.transactionHash, `0x${l.logIndex!.toString(16)}`, `0x${l.blockNumber!.toString(16)}`, l.data, l.topics]),
      );
    }
    const topic = await api(w.server.url, { module: 'logs', action: 'getLogs', topic0: '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef', fromBlock: String(head - 100), toBlock: String(head), offset: '5' });
    for (const l of topic.body.result) expect(l.topics[0]).toBe('0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef');
  });

  it('getblocknumberbytime: the block at or before, and at or after, a time', async () => {
    const b = await client.getBlock({ blockNumber: BigInt(head - 10) });
    const before = await api(w.server.url, { module: 'block', action: 'getblocknumberbytime', timestamp: String(b.timestamp), closest: 'before' });
    const after = await api(w.server.url, { module: 'block', action: 'getblocknumberbytime', timestamp: String(b.timestamp + 1n), closest: 'after' });
    expect(Number(before.body.result)).toBeGreaterThanOrEqual(head - 10);
    expect((await client.getBlock({ blockNumber: BigInt(before.body.result) })).timestamp).toBe(b.timestamp);
    expect((await client.getBlock({ blockNumber: BigInt(after.body.result) })).timestamp).toBeGreaterThan(b.timestamp);
  });

  it('the offline API page links the OpenAPI document, which lists every action', async () => {
    const page = await (await fetch(`${w.server.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('href="/api/openapi.json"');
    const doc = (await (await fetch(`${w.server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; 'x-actions': { action: string }[] };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api']);
    expect(doc['x-actions'].map((a) => a.action).sort()).toEqual(
      [
        'balance', 'balancemulti', 'checkproxyverification', 'checkverifystatus', 'getLogs', 'getabi', 'getblocknumberbytime', 'getsourcecode',
        'token1155tx', 'tokennfttx', 'tokentx', 'txlist', 'txlistinternal', 'verifyproxycontract', 'verifysourcecode',
      ],
    );
  });

  it('hostile input: each kind is NOTOK with a reason, HTTP 200, and the server keeps serving', async () => {
    const url = w.server.url;
    const a = busiest[0]!;
    const get = (q: string) => fetch(`${url}/api?${q}`);
    const cases: Array<[string, () => Promise<Response>]> = [
      ['no module', () => get('action=txlist')],
      ['unknown module', () => get('module=wallet&action=txlist')],
      ['prototype module', () => get('module=__proto__&action=txlist')],
      ['prototype action', () => get('module=account&action=constructor')],
      ['missing address', () => get('module=account&action=txlist')],
      ['malformed address', () => get('module=account&action=txlist&address=0x1234')],
      ['SQL in address', () => get(`module=account&action=txlist&address=${encodeURIComponent("0x' OR 1=1 --")}`)],
      ['NUL byte in address', () => get(`module=account&action=balance&address=${encodeURIComponent(`${a}\u0000`)}`)],
      ['repeated address', () => get(`module=account&action=txlist&address=${a}&address=${a}`)],
      ['page 0', () => get(`module=account&action=txlist&address=${a}&page=0`)],
      ['negative page', () => get(`module=account&action=txlist&address=${a}&page=-1`)],
      ['offset above the cap', () => get(`module=account&action=txlist&address=${a}&offset=100000`)],
      ['window too large', () => get(`module=account&action=txlist&address=${a}&page=50&offset=1000`)],
      ['bad sort', () => get(`module=account&action=txlist&address=${a}&sort=sideways`)],
      ['startblock after endblock', () => get(`module=account&action=txlist&address=${a}&startblock=9&endblock=3`)],
      ['huge block number', () => get(`module=account&action=txlist&address=${a}&startblock=1${'0'.repeat(40)}`)],
      ['float page', () => get(`module=account&action=txlist&address=${a}&page=1.5`)],
      ['tag other than latest', () => get(`module=account&action=balance&address=${a}&tag=earliest`)],
      ['too many addresses', () => get(`module=account&action=balancemulti&address=${Array.from({ length: 21 }, (_, i) => `0x${String(i).padStart(40, '0')}`).join(',')}`)],
      ['getLogs without filter', () => get('module=logs&action=getLogs&fromBlock=0&toBlock=latest')],
      ['malformed topic', () => get('module=logs&action=getLogs&topic0=0xzz')],
      ['bad topic operator', () => get(`module=logs&action=getLogs&address=${a}&topic0=0x${'1'.repeat(64)}&topic1=0x${'2'.repeat(64)}&topic0_1_opr=xor`)],
      ['bad timestamp', () => get('module=block&action=getblocknumberbytime&timestamp=yesterday')],
      ['bad guid', () => get(`module=contract&action=checkverifystatus&guid=${encodeURIComponent('../../etc/passwd')}`)],
      ['unknown codeformat', () => fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `module=contract&action=verifysourcecode&codeformat=vyper&contractaddress=${a}` })],
      ['object where a string belongs (JSON body)', () => fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ module: 'account', action: 'txlist', address: { $ne: 1 } }) })],
      ['malformed JSON body', () => fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"module": "account",' })],
      ['body too large', () => fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `module=contract&action=verifysourcecode&sourceCode=${'a'.repeat(9 * 1024 * 1024)}` })],
      ['PUT', () => fetch(`${url}/api?module=account&action=txlist&address=${a}`, { method: 'PUT' })],
      ['unknown path', () => get('').then(() => fetch(`${url}/api/v2/whatever`))],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const [what, send] of cases) {
      const res = await send();
      const text = await res.text();
      expect(res.status, what).toBe(200);
      const body = JSON.parse(text);
      expect(body.status, what).toBe('0');
      expect(body.message, what).toBe('NOTOK');
      expect(typeof body.result === 'string' && body.result.length > 0, what).toBe(true);
      expect(text, what).not.toMatch(/at .*\.ts:\d+|Error:|SQLITE|syntax error/);
    }
    const still = await api(url, { module: 'account', action: 'txlist', address: a, offset: '1' });
    expect(still.body.status).toBe('1');
  });
});
