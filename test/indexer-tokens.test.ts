// Accounts and tokens against a real node, on both dialects: native balances and their
// history equal eth_getBalance, every holding equals the token's own balanceOf at the head
// (per id for ERC-1155; what its events add up to where balanceOf cannot be read), supplies
// equal totalSupply(), internal transactions come from the tracer (and are "unavailable"
// without one), and lying tokens are indexed and marked.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { hostileTokenAbi, serviceCreditAbi, warehouseReceiptAbi } from '../contracts/demo/artifacts';
import type { Db } from '../db/connect';
import { createServer as createApiServer, type YuscanServer } from '../api/server';
import { callData, SELECTOR } from '../indexer/tokens';
import { gql } from './helpers/api';
import {
  DIALECTS, deployDemoTokens, deployHostile, dumpTable, encodeCall, indexOnce, openDb, sendCall, startChain, tokenBlock,
  type DemoTokens, type TestChain,
} from './helpers/indexer';

let c: TestChain;
let tokens: DemoTokens;
let liar: Hex;
let garbled: Hex;
let head: number;

beforeAll(async () => {
  c = await startChain();
  const [m0, m1, m2, m3] = c.members as [Hex, Hex, Hex, Hex];
  tokens = await deployDemoTokens(c);
  liar = await deployHostile(c, 0, m3);
  garbled = await deployHostile(c, 1, m3);
  await c.automine(false);
  // Between rounds 1 and 2, holdings emptied in a later block than they were filled: m1
  // passes on all its credits (100 + 101) and m2 its first warehouse lot, keeping one; then
  // m2 the other, leaving the holders until round 2 gives it a lot again.
  const lot = (id: bigint) => sendCall(tokens.receipt, encodeCall(warehouseReceiptAbi, 'safeTransferFrom', [m2, m0, id, 20n, '0x']), m2);
  const emptying = [[sendCall(tokens.credit, encodeCall(serviceCreditAbi, 'transfer', [m0, 201n]), m1), lot(1000n)], [lot(1010n)]];
  for (let i = 0; i < 3; i++) {
    await tokenBlock(c, tokens, i);
    await c.rpc('evm_mine');
    if (i !== 1) continue;
    for (const txs of emptying) {
      for (const tx of txs) await c.rpc(tx.method, tx.params);
      await c.rpc('evm_mine');
    }
  }
  const h = (fn: string, args: unknown[]) => encodeCall(hostileTokenAbi, fn, args);
  for (const tx of [sendCall(liar, h('mint', [m0, 1000n]), m0), sendCall(garbled, h('mint', [m3, 5n]), m0), sendCall(garbled, h('mint', [m0, 7n]), m0)]) {
    await c.rpc(tx.method, tx.params);
  }
  await c.rpc('evm_mine');
  // The lie: a transfer event with no transfer behind it, then a real one.
  for (const tx of [sendCall(liar, h('lie', [m0, m1, 500n]), m2), sendCall(liar, h('transfer', [m2, 10n]), m0)]) await c.rpc(tx.method, tx.params);
  await c.rpc('evm_mine');
  await c.automine(true);
  head = (await c.head()).number;
});
afterAll(() => c?.stop());

const tag = (n: number) => `0x${n.toString(16)}`;
const ethCall = (to: string, data: string, block = head) => ({ method: 'eth_call', params: [{ to, data }, tag(block)] });

/** eth_call answers; a revert becomes null (rpcBatch throws on errors, so one at a time). */
async function calls(list: { method: string; params: unknown[] }[]): Promise<(bigint | null)[]> {
  const out: (bigint | null)[] = [];
  for (const x of list) {
    try {
      const r = (await c.rpc(x.method, x.params)) as string;
      out.push(/^0x[0-9a-fA-F]{64}$/.test(r) ? BigInt(r) : null);
    } catch {
      out.push(null);
    }
  }
  return out;
}

describe.each(DIALECTS)('accounts and tokens on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(dialect, 'tokens');
    await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile });
  });
  afterAll(() => db?.close());

  it('every indexed address: balance equals eth_getBalance at the head, and every history record at its block', async () => {
    const current = await dumpTable(db, 'account_balances');
    const accounts = await dumpTable(db, 'accounts');
    const have = new Set(current.map((r) => r.address));
    for (const a of accounts) expect(have.has(a.address), a.address!).toBe(true);
    const atHead = (await c.rpcBatch(current.map((r) => ({ method: 'eth_getBalance', params: [r.address, tag(head)] })))) as string[];
    current.forEach((r, i) => expect(r.balance, r.address!).toBe(BigInt(atHead[i]!).toString()));
    const history = await dumpTable(db, 'coin_balances');
    expect(history.length).toBeGreaterThan(current.length);
    const then = (await c.rpcBatch(history.map((r) => ({ method: 'eth_getBalance', params: [r.address, tag(Number(r.block_number))] })))) as string[];
    history.forEach((r, i) => expect(r.balance, `${r.address}@${r.block_number}`).toBe(BigInt(then[i]!).toString()));
    // The coinbase, the pool's payees and the contracts are among them.
    for (const a of ['0x00000000000000000000000000000000000c0ffe', tokens.pool, c.members[2]!.toLowerCase()]) expect(have.has(a), a).toBe(true);
  });

  it('every holding equals balanceOf at the head (per id for ERC-1155); supplies equal totalSupply(); holders count non-zero balances', async () => {
    const seen = await db.db.selectFrom('token_balances').select(['token', 'holder', 'token_id']).distinct().execute();
    const holdings = new Map((await dumpTable(db, 'token_holdings')).map((h) => [`${h.token}|${h.holder}|${h.token_id}`, h.balance]));
    const answers = await calls(
      seen.map((s) => ethCall(s.token, s.token_id === '' ? callData.balanceOf(s.holder) : callData.balanceOf1155(s.holder, s.token_id))),
    );
    // Where balanceOf cannot be read, a holding is what its transfer events add up to.
    const net = new Map<string, bigint>();
    for (const t of await dumpTable(db, 'token_transfers')) {
      const id = t.type === 'ERC1155' ? t.token_id : '';
      const v = BigInt(t.value!);
      net.set(`${t.token}|${t.to_address}|${id}`, (net.get(`${t.token}|${t.to_address}|${id}`) ?? 0n) + v);
      net.set(`${t.token}|${t.from_address}|${id}`, (net.get(`${t.token}|${t.from_address}|${id}`) ?? 0n) - v);
    }
    let nonZero = 0;
    let unreadable = 0;
    seen.forEach((s, i) => {
      const key = `${s.token}|${s.holder}|${s.token_id}`;
      const want = answers[i] ?? null;
      const got = holdings.get(key);
      if (want === null) {
        unreadable++;
        const events = net.get(key) ?? 0n;
        expect(got, key).toBe(events === 0n ? undefined : events.toString());
      } else if (want === 0n) expect(got, `${s.token} ${s.holder} ${s.token_id}`).toBeUndefined();
      else {
        nonZero++;
        expect(got, `${s.token} ${s.holder} ${s.token_id}`).toBe(want.toString());
      }
    });
    expect(nonZero).toBeGreaterThan(8);
    expect(unreadable).toBeGreaterThan(0);
    expect(seen.some((s) => s.token === tokens.receipt && s.token_id !== '')).toBe(true);

    const rows = await dumpTable(db, 'tokens');
    expect(rows.map((r) => r.address).sort()).toEqual([tokens.credit, tokens.certificate, tokens.receipt, liar, garbled].sort());
    const supplies = await calls(rows.map((r) => ethCall(r.address!, SELECTOR.totalSupply)));
    rows.forEach((r, i) => expect(r.total_supply, r.address!).toBe(supplies[i]?.toString() ?? null));
    for (const r of rows) {
      const holders = new Set([...holdings.keys()].filter((k) => k.startsWith(`${r.address}|`)).map((k) => k.split('|')[1]));
      expect(r.holder_count, r.address!).toBe(String(holders.size));
    }
    const byAddress = new Map(rows.map((r) => [r.address, r]));
    expect(byAddress.get(tokens.credit)).toMatchObject({ type: 'ERC20', name: 'Alliance Service Credit', symbol: 'ASC', decimals: '2' });
    expect(byAddress.get(tokens.certificate)).toMatchObject({ type: 'ERC721', symbol: 'APC', decimals: null });
    expect(byAddress.get(tokens.receipt)).toMatchObject({ type: 'ERC1155', symbol: 'BWR', transfer_count: String(3 * 5 + 2) });
  });

  it('indexed one block per batch, holdings and every token counter equal the one-batch index', async () => {
    // Holder counts move by each batch's changes; here every transfer, mint and emptied
    // holding lands in a batch of its own.
    const stepwise = await openDb(dialect, 'tokens-stepwise');
    try {
      await indexOnce(c.rpcUrl, stepwise, { genesisFile: c.genesisFile, maxBlocksPerBatch: 1 });
      for (const table of ['tokens', 'token_holdings'] as const) expect(await dumpTable(stepwise, table), table).toEqual(await dumpTable(db, table));
    } finally {
      await stepwise.close();
    }
  });

  it("records the pool's payouts as internal transactions, the refused one with its error", async () => {
    const internal = await dumpTable(db, 'internal_transactions');
    const payouts = internal.filter((x) => x.from_address === tokens.pool);
    expect(payouts).toHaveLength(9);
    const [m1, m2] = [c.members[1]!.toLowerCase(), c.members[2]!.toLowerCase()];
    expect(payouts.slice(0, 3).map((p) => [p.to_address, p.value, p.call_type, p.error, p.trace_address, p.depth])).toEqual([
      [m1, '3', 'CALL', null, '0', '1'],
      [m2, '4', 'CALL', null, '1', '1'],
      [tokens.credit, '5', 'CALL', 'execution reverted', '2', '1'],
    ]);
    const traced = await dumpTable(db, 'traced_blocks');
    expect(traced.length).toBe(head + 1);
  });

  it('indexes lying and broken tokens with what could be read, and marks the rest', async () => {
    const rows = new Map((await dumpTable(db, 'tokens')).map((r) => [r.address, r]));
    const issues = await dumpTable(db, 'token_issues');
    const of = (t: string) => [...new Set(issues.filter((i) => i.token === t).map((i) => i.issue))].sort();
    expect(rows.get(liar)).toMatchObject({ name: null, symbol: 'HOSTILE', decimals: null, total_supply: null });
    expect(of(liar)).toEqual(['BYTES32_METADATA', 'DECIMALS_ABSURD', 'EVENTS_DISAGREE_WITH_BALANCES', 'NAME_UNREADABLE', 'TOTAL_SUPPLY_UNREADABLE']);
    const g = rows.get(garbled)!;
    expect(g.name).toBe('N'.repeat(200));
    expect(g.symbol).toBe('S'.repeat(200));
    expect(of(garbled)).toEqual(['BALANCE_UNREADABLE', 'DECIMALS_ABSURD', 'STRING_TRUNCATED']);
    for (const t of [tokens.credit, tokens.certificate, tokens.receipt]) expect(of(t), t).toEqual([]);
  });

  describe('through the GraphQL API', () => {
    let server: YuscanServer;
    beforeAll(async () => {
      server = await createApiServer({ db, port: 0, host: '127.0.0.1', rateLimit: false });
    });
    afterAll(() => server?.close());
    const q = async (query: string, variables?: Record<string, unknown>) => {
      const r = await gql(server.url, query, variables);
      expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
      return r.body.data;
    };

    it('answers balances, holdings and the richest accounts as the node does', async () => {
      const m1 = c.members[1]!.toLowerCase();
      const d = await q(`query($a: String!) { account(address: $a) { balance balanceHistory(first: 2) { edges { node { blockNumber balance delta } } }
        tokenBalances(first: 20) { edges { node { token { address type } tokenId balance } } } } }`, { a: m1 });
      expect(d.account.balance).toBe(BigInt(await c.rpc('eth_getBalance', [m1, tag(head)])).toString());
      const [newest, older] = d.account.balanceHistory.edges.map((e: any) => e.node);
      expect(BigInt(newest.delta)).toBe(BigInt(newest.balance) - BigInt(older.balance));
      for (const { node } of d.account.tokenBalances.edges) {
        const data = node.tokenId == null ? callData.balanceOf(m1) : callData.balanceOf1155(m1, node.tokenId);
        expect(node.balance, `${node.token.address} ${node.tokenId}`).toBe(BigInt(await c.rpc('eth_call', [{ to: node.token.address, data }, tag(head)])).toString());
      }
      expect(d.account.tokenBalances.edges.length).toBeGreaterThan(3);
      const top = await q('{ topAccounts(first: 3) { edges { node { address balance } } pageInfo { hasNextPage endCursor } } }');
      const balances = top.topAccounts.edges.map((e: any) => BigInt(e.node.balance));
      expect([...balances].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(balances);
      const next = await q('query($after: String) { topAccounts(first: 3, after: $after) { edges { node { balance } } } }', { after: top.topAccounts.pageInfo.endCursor });
      expect(BigInt(next.topAccounts.edges[0].node.balance)).toBeLessThanOrEqual(balances[2]!);
    });

    it('answers a token page, a transaction with token and internal transfers, status and suggestions', async () => {
      const d = await q(`query($t: String!) { token(address: $t) { type name symbol decimals totalSupply holderCount transferCount issues
        holders(first: 50) { edges { node { address balance share } } } transfers(first: 2) { edges { node { from to value transactionHash } } } } }`, { t: tokens.credit });
      expect(d.token).toMatchObject({ type: 'ERC20', symbol: 'ASC', decimals: 2, issues: [] });
      const sum = d.token.holders.edges.reduce((s: bigint, e: any) => s + BigInt(e.node.balance), 0n);
      expect(sum.toString()).toBe(d.token.totalSupply);
      expect(d.token.holders.edges.length).toBe(d.token.holderCount);
      const hash = d.token.transfers.edges[0].node.transactionHash;
      const tx = await q(`query($h: String!) { transaction(hash: $h) { hash block { transactions(first: 20) { edges { node { hash
        tokenTransfers { token { symbol } type from to value tokenId logIndex batchIndex }
        internalTransactions { from to value callType error traceAddress } } } } } } }`, { h: hash });
      const all = tx.transaction.block.transactions.edges.map((e: any) => e.node);
      expect(all.flatMap((t: any) => t.tokenTransfers.map((x: any) => x.type)).sort()).toEqual(
        ['ERC1155', 'ERC1155', 'ERC1155', 'ERC1155', 'ERC1155', 'ERC20', 'ERC20', 'ERC20', 'ERC721', 'ERC721'].sort(),
      );
      const payout = all.find((t: any) => t.internalTransactions?.length === 3);
      expect(payout.internalTransactions[2]).toMatchObject({ to: tokens.credit, value: '5', callType: 'CALL', error: 'execution reverted' });
      expect(all.filter((t: any) => t.internalTransactions === null)).toEqual([]);
      const inv = await q('query($t: String!) { token(address: $t) { inventory(first: 100) { edges { node { tokenId owner } } } } }', { t: tokens.certificate });
      for (const { node } of inv.token.inventory.edges) {
        const owner = `0x${(await c.rpc('eth_call', [{ to: tokens.certificate, data: `0x6352211e${BigInt(node.tokenId).toString(16).padStart(64, '0')}` }, tag(head)])).slice(26)}`;
        expect(node.owner).toBe(owner);
      }
      expect(inv.token.inventory.edges.length).toBe(3);
      // An ERC-1155 holding's share is of its id's supply: balanceOf over that id's holders, read from the chain.
      const lots = await q('query($t: String!) { token(address: $t) { holders(first: 100) { edges { node { address tokenId balance share } } } } }', { t: tokens.receipt });
      const byId = new Map<string, any[]>();
      for (const { node } of lots.token.holders.edges) byId.set(node.tokenId, [...(byId.get(node.tokenId) ?? []), node]);
      const shared = [...byId.values()].filter((hs) => hs.length > 1);
      expect(shared.length).toBeGreaterThan(0);
      for (const hs of shared) {
        const onChain = await Promise.all(hs.map(async (h: any) => BigInt(await c.rpc('eth_call', [{ to: tokens.receipt, data: callData.balanceOf1155(h.address, h.tokenId) }, tag(head)]))));
        const supply = onChain.reduce((x, y) => x + y, 0n);
        hs.forEach((h: any, i) => expect(h.share, `${h.tokenId} ${h.address}`).toBeCloseTo(Number(onChain[i]!) / Number(supply), 5));
      }
      const s = await q('{ status { nativeCoin { symbol decimals } internalTransactions } searchSuggestions(query: "service") { kind value label } }');
      expect(s.status).toEqual({ nativeCoin: { symbol: 'YU', decimals: 18 }, internalTransactions: 'AVAILABLE' });
      expect(s.searchSuggestions).toContainEqual({ kind: 'TOKEN', value: tokens.credit, label: 'Alliance Service Credit' });
      const found = await q('{ search(query: "ASC") { __typename ... on Token { address } } }');
      expect(found.search).toEqual({ __typename: 'Token', address: tokens.credit });
    });

    it('answers for lying tokens without errors, with their issues', async () => {
      const d = await q(`query($a: String!, $b: String!) { a: token(address: $a) { name symbol decimals totalSupply issues holders { edges { node { balance } } } }
        b: token(address: $b) { name symbol issues holderCount } }`, { a: liar, b: garbled });
      expect(d.a).toMatchObject({ name: null, symbol: 'HOSTILE', decimals: null, totalSupply: null });
      expect(d.a.issues).toContain('EVENTS_DISAGREE_WITH_BALANCES');
      expect(d.b.name).toHaveLength(200);
      expect(d.b.issues).toContain('BALANCE_UNREADABLE');
    });
  });
});

describe('a node without a tracer', () => {
  it('leaves internal transactions unavailable (no traced blocks), and indexes everything else', async () => {
    // Forwards everything but the tracing methods, which it answers as geth does when the API is off.
    const proxy = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', async () => {
        const body = JSON.parse(Buffer.concat(parts).toString()) as { id: number; method: string }[] | { id: number; method: string };
        const items = Array.isArray(body) ? body : [body];
        const forward = items.filter((x) => !/^(debug_trace|trace_)/.test(x.method));
        const upstream = forward.length
          ? ((await (await fetch(c.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forward) })).json()) as { id: number }[])
          : [];
        const byId = new Map(upstream.map((x) => [x.id, x]));
        const out = items.map((x) => byId.get(x.id) ?? { jsonrpc: '2.0', id: x.id, error: { code: -32601, message: `the method ${x.method} does not exist/is not available` } });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(body) ? out : out[0]));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const db = await openDb('sqlite', 'untraced');
    try {
      await indexOnce(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, db);
      expect(await dumpTable(db, 'traced_blocks')).toEqual([]);
      expect(await dumpTable(db, 'internal_transactions')).toEqual([]);
      expect((await dumpTable(db, 'blocks')).length).toBe(head + 1);
      expect((await dumpTable(db, 'token_transfers')).length).toBeGreaterThan(20);
      // The API says "unavailable", not "none".
      const server = await createApiServer({ db, port: 0, host: '127.0.0.1', rateLimit: false });
      try {
        const tx = (await dumpTable(db, 'transactions')).at(-1)!;
        const r = await gql(server.url, `query($h: String!, $a: String!) { status { internalTransactions }
          transaction(hash: $h) { internalTransactions { value } tokenTransfers { value } } account(address: $a) { internalTransactions { edges { cursor } } } }`,
        { h: tx.hash, a: tokens.pool });
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.status.internalTransactions).toBe('UNAVAILABLE');
        expect(r.body.data.transaction.internalTransactions).toBeNull();
        expect(r.body.data.account.internalTransactions).toBeNull();
      } finally {
        await server.close();
      }
    } finally {
      proxy.close();
      await db.close();
    }
  });
});
