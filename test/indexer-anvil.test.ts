// The indexer against anvil from npm, a node none of us wrote, started from a genesis file:
// blocks, receipts and logs as the node has them; internal transactions frame by frame
// against anvil's own callTracer (while the indexer itself uses trace_block); native
// balances (genesis-funded, the coinbase, every history record at its block) and token
// balances against the node; across a reorg made with evm_snapshot / evm_revert; on both
// dialects. Then: both trace methods agree, a wrong genesis file is refused, and the API
// answers an unseen address with null without a node and with the node's balance with one.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, encodeDeployData, http, type Hex } from 'viem';
import type { Db } from '../db/connect';
import { createServer as createApiServer } from '../api/server';
import { createRpcClient } from '../indexer/rpc';
import { callData, SELECTOR } from '../indexer/tokens';
import { gql } from './helpers/api';
import {
  ANVIL_CHAIN_ID, COINBASE, DEV_ACCOUNTS, genesisDoc, IDLE_ACCOUNT, startAnvil, writeGenesis, zooArtifact, type Anvil,
} from './helpers/anvil';
import {
  DIALECTS, deployDemoTokens, dumpTable, encodeCall, indexOnce, openDb, sendCall, tokenBlock, type DemoTokens, type TestChain,
} from './helpers/indexer';

let a: Anvil;
let c: TestChain;
let tokens: DemoTokens;
let zoo: Hex;
const dbs = new Map<string, Db>();
const tag = (n: number) => `0x${n.toString(16)}`;
const [owner, , , , , , payee, u7, u8] = DEV_ACCOUNTS as [Hex, Hex, Hex, Hex, Hex, Hex, Hex, Hex, Hex];

/** One block of everything: tokens, a Zoo run (every internal call kind), an EIP-1559 transfer and a failed call. */
async function activityBlock(salt: number): Promise<void> {
  await tokenBlock(c, tokens, salt);
  const { abi } = zooArtifact();
  for (const tx of [
    sendCall(zoo, encodeCall(abi, 'run', [`0x${salt.toString(16).padStart(64, '0')}`, payee]), owner, 1_000n + BigInt(salt)),
    sendCall(zoo, encodeCall(abi, 'fail', []), u8),
  ]) await c.rpc(tx.method, tx.params);
  await a.send({ from: u7, to: u8, value: tag(17 + salt), maxFeePerGas: tag(3_000_000_000), maxPriorityFeePerGas: tag(2 + salt) });
  await a.mine();
}

beforeAll(async () => {
  a = await startAnvil();
  // The token helpers drive any node through this much of a TestChain; a deployment is
  // mined at once, so its receipt is there when they ask.
  const sendAndMine = async (tx: Record<string, unknown>) => {
    const hash = await a.send(tx);
    await a.mine();
    return hash;
  };
  c = {
    rpc: a.rpc, send: sendAndMine, owner, members: DEV_ACCOUNTS.slice(1, 5), users: DEV_ACCOUNTS.slice(5),
    client: createPublicClient({ transport: http(a.url) }),
  } as unknown as TestChain;
  tokens = await deployDemoTokens(c);
  const { abi, bytecode } = zooArtifact();
  const hash = await sendAndMine({ from: owner, data: encodeDeployData({ abi, bytecode }), gas: tag(3_000_000) });
  zoo = (await c.client.getTransactionReceipt({ hash })).contractAddress!.toLowerCase() as Hex;
  for (let i = 0; i < 3; i++) await activityBlock(i);
  for (let i = 0; i < 5; i++) await a.mine(); // empty blocks: only the coinbase's nothing
  // Branch A, indexed, then replaced by a longer branch B.
  const snap = await a.rpc<string>('evm_snapshot');
  await activityBlock(10);
  await activityBlock(11);
  for (const d of DIALECTS) {
    const db = await openDb(d, 'anvil');
    dbs.set(d, db);
    await indexOnce(a.url, db, { genesisFile: a.genesisFile });
  }
  expect(await a.rpc('evm_revert', [snap])).toBe(true);
  for (let i = 20; i < 23; i++) await activityBlock(i);
  for (const db of dbs.values()) await indexOnce(a.url, db, { genesisFile: a.genesisFile });
});
afterAll(async () => {
  for (const db of dbs.values()) await db.close();
  await a?.stop();
});

/** callTracer's tree, flattened independently of the indexer's code: depth-first, below the root. */
function frames(root: any): { traceAddress: string; type: string; from: string; to: string | null; value: string }[] {
  const out: { traceAddress: string; type: string; from: string; to: string | null; value: string }[] = [];
  const walk = (f: any, path: number[]) =>
    (f.calls ?? []).forEach((child: any, i: number) => {
      const p = [...path, i];
      const type = String(child.type);
      const failedCreate = type.startsWith('CREATE') && child.error;
      const noValue = type === 'DELEGATECALL' || type === 'STATICCALL';
      out.push({ traceAddress: p.join('.'), type, from: child.from.toLowerCase(), to: failedCreate ? null : (child.to?.toLowerCase() ?? null), value: noValue ? '0' : BigInt(child.value ?? '0x0').toString() });
      walk(child, p);
    });
  walk(root, []);
  return out;
}

describe.each(DIALECTS)('anvil exactness on %s', (dialect) => {
  const db = () => dbs.get(dialect)!;

  it('holds every block (hash, parent, transactions) and every log the node has, after the reorg', async () => {
    const head = await a.head();
    const blocks = await dumpTable(db(), 'blocks');
    expect(blocks.length).toBe(head + 1);
    let txs = 0;
    let logs = 0;
    for (const b of blocks) {
      const node = await a.rpc('eth_getBlockByNumber', [tag(Number(b.number)), false]);
      expect(b.hash, `block ${b.number}`).toBe(node.hash);
      expect(b.parent_hash).toBe(node.parentHash);
      expect(Number(b.tx_count)).toBe(node.transactions.length);
      txs += node.transactions.length;
      for (const r of await a.rpc('eth_getBlockReceipts', [tag(Number(b.number))])) logs += r.logs.length;
    }
    expect((await dumpTable(db(), 'transactions')).length).toBe(txs);
    expect((await dumpTable(db(), 'logs')).length).toBe(logs);
    expect(txs).toBeGreaterThan(60);
  });

  it("equals anvil's callTracer frame by frame (trace address, type, from, to, value), every kind of call included", async () => {
    const indexed = await dumpTable(db(), 'internal_transactions');
    const byTx = new Map<string, typeof indexed>();
    for (const r of indexed) byTx.set(r.tx_hash!, [...(byTx.get(r.tx_hash!) ?? []), r]);
    const head = await a.head();
    const kinds = new Set<string>();
    let reverted = 0;
    for (let n = 1; n <= head; n++) {
      for (const item of await a.rpc('debug_traceBlockByNumber', [tag(n), { tracer: 'callTracer' }])) {
        const want = frames(item.result);
        const got = (byTx.get(item.txHash.toLowerCase()) ?? []).map((r) => ({
          traceAddress: r.trace_address, type: r.call_type, from: r.from_address, to: r.to_address, value: r.value,
        }));
        expect(got, item.txHash).toEqual(want);
        for (const w of want) kinds.add(w.type);
      }
    }
    for (const r of indexed) if (r.error === 'execution reverted') reverted++;
    expect([...kinds].sort(), JSON.stringify(indexed.filter((r) => r.to_address === zoo || r.from_address === zoo))).toEqual(['CALL', 'CREATE', 'CREATE2', 'DELEGATECALL', 'SELFDESTRUCT', 'STATICCALL']);
    expect(reverted).toBeGreaterThan(0);
    expect((await dumpTable(db(), 'traced_blocks')).length).toBe(head + 1);
  });

  it('every native balance, and every history record at its block, equals eth_getBalance: genesis-funded, idle and coinbase included', async () => {
    const head = await a.head();
    const current = await dumpTable(db(), 'account_balances');
    for (const r of current) expect(r.balance, r.address!).toBe(BigInt(await a.rpc('eth_getBalance', [r.address, tag(head)])).toString());
    const have = new Map(current.map((r) => [r.address, r]));
    expect(have.get(IDLE_ACCOUNT)).toMatchObject({ block_number: '0', balance: '1234567890123' });
    expect(BigInt(have.get(COINBASE)!.balance!)).toBeGreaterThan(0n);
    for (const d of DEV_ACCOUNTS.slice(0, 9)) expect(have.has(d), d).toBe(true);
    const history = await dumpTable(db(), 'coin_balances');
    expect(history.length).toBeGreaterThan(current.length * 2);
    for (const r of history) {
      expect(r.balance, `${r.address}@${r.block_number}`).toBe(BigInt(await a.rpc('eth_getBalance', [r.address, tag(Number(r.block_number))])).toString());
    }
    const state = await db().db.selectFrom('indexer_state').select(['trace_method', 'balances_exact_from']).executeTakeFirstOrThrow();
    expect({ ...state, balances_exact_from: Number(state.balances_exact_from) }).toEqual({ trace_method: 'parity', balances_exact_from: 0 });
  });

  it('every holding equals balanceOf at the head, every supply totalSupply()', async () => {
    const head = await a.head();
    const call = async (to: string, data: string) => BigInt(await a.rpc('eth_call', [{ to, data }, tag(head)]));
    const holdings = await dumpTable(db(), 'token_holdings');
    expect(holdings.length).toBeGreaterThan(8);
    for (const h of holdings) {
      const want = await call(h.token!, h.token_id === '' ? callData.balanceOf(h.holder!) : callData.balanceOf1155(h.holder!, h.token_id!));
      expect(h.balance, `${h.token} ${h.holder} ${h.token_id}`).toBe(want.toString());
    }
    for (const t of await dumpTable(db(), 'tokens')) {
      // The demo ERC-1155 has no totalSupply(): no supply is shown for it.
      const supply = await a.rpc('eth_call', [{ to: t.address, data: SELECTOR.totalSupply }, tag(head)]).then((r: string) => BigInt(r).toString(), () => null);
      expect(t.total_supply, t.address!).toBe(supply);
    }
  });
});

describe('trace methods, genesis checks and the API on anvil', () => {
  it('trace_block and callTracer give the same internal transactions', async () => {
    const debug = await openDb('sqlite', 'anvil-debug');
    try {
      await indexOnce(a.url, debug, { genesisFile: a.genesisFile, traceMethod: 'debug' });
      const strip = (rows: Record<string, string | null>[]) => rows.map(({ gas_used: _, ...r }) => r);
      const parity = await dumpTable(dbs.get('sqlite')!, 'internal_transactions');
      expect(parity.length).toBeGreaterThan(20);
      expect(strip(await dumpTable(debug, 'internal_transactions'))).toEqual(strip(parity));
      expect(await dumpTable(debug, 'coin_balances')).toEqual(await dumpTable(dbs.get('sqlite')!, 'coin_balances'));
      expect((await debug.db.selectFrom('indexer_state').select('trace_method').executeTakeFirstOrThrow()).trace_method).toBe('debug');
    } finally {
      await debug.close();
    }
  });

  it('refuses a genesis file that is not the chain’s, with one line and exit 1, indexing nothing', async () => {
    const wrong = writeGenesis(genesisDoc({ idleBalance: 1n }));
    const db = await openDb('sqlite', 'anvil-wrong-genesis');
    try {
      await expect(indexOnce(a.url, db, { genesisFile: wrong })).rejects.toThrow(/refusing .*genesis.json: the genesis file allocates 1 to 0x00000000000000000000000000000000000a11ce, but the node's block 0 holds 1234567890123/);
      expect(await dumpTable(db, 'blocks')).toEqual([]);
    } finally {
      await db.close();
    }
    const otherChain = writeGenesis({ ...genesisDoc(), config: { chainId: ANVIL_CHAIN_ID + 1 } });
    const cli = spawnSync(process.execPath, ['bin/yuscan.js', 'index', '--rpc', a.url, '--db', 'sqlite::memory:', '--genesis', otherChain, '--once'], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split('\n').filter((l) => l.startsWith('yuscan'))).toEqual([
      `yuscan index: refusing ${otherChain}: the genesis file is for chain ${ANVIL_CHAIN_ID + 1}, but the node serves chain ${ANVIL_CHAIN_ID}`,
    ]);
  });

  it('serves genesis balances with no node, null for a never-seen address; with the node, its balance', async () => {
    // Indexed with a genesis file that leaves the idle account out: the index never sees it.
    const { alloc, ...rest } = genesisDoc() as { alloc: Record<string, unknown> };
    const partial = writeGenesis({ ...rest, alloc: Object.fromEntries(Object.entries(alloc).filter(([k]) => k !== IDLE_ACCOUNT)) });
    const db = await openDb('sqlite', 'anvil-unseen');
    await indexOnce(a.url, db, { genesisFile: partial });
    const funded = DEV_ACCOUNTS[9]!; // allocated, never transacts
    const q = `query($a: String!, $i: String!) { status { traceMethod balancesExactFrom } funded: account(address: $a) { balance balanceSource balanceBlock } idle: account(address: $i) { balance balanceSource } }`;
    try {
      for (const rpc of [undefined, createRpcClient(a.url)]) {
        const server = await createApiServer({ db, port: 0, rpc });
        try {
          const r = await gql(server.url, q, { a: funded, i: IDLE_ACCOUNT });
          expect(r.body.errors).toBeUndefined();
          expect(r.body.data.status).toEqual({ traceMethod: 'PARITY', balancesExactFrom: 0 });
          expect(r.body.data.funded).toEqual({ balance: (10_000n * 10n ** 18n + 9n).toString(), balanceSource: 'GENESIS', balanceBlock: 0 });
          expect(r.body.data.idle).toEqual(rpc ? { balance: '1234567890123', balanceSource: 'NODE' } : { balance: null, balanceSource: null });
          const api = await (await fetch(`${server.url}/api?module=account&action=balance&address=${IDLE_ACCOUNT}`)).json();
          expect(api).toEqual(rpc ? { status: '1', message: 'OK', result: '1234567890123' } : { status: '0', message: 'NOTOK', result: expect.stringMatching(/not indexed/) });
          // /api lists a genesis allocation as Etherscan does: a GENESIS_ pseudo transaction before the first real one.
          const txlist = async (address: string, extra: string) =>
            ((await (await fetch(`${server.url}/api?module=account&action=txlist&address=${address}${extra}`)).json()) as { result: { hash: string; from: string; value: string }[] }).result;
          expect(await txlist(funded, '')).toMatchObject([{ hash: `GENESIS_${funded.slice(2)}`, from: 'GENESIS', value: (10_000n * 10n ** 18n + 9n).toString() }]);
          const all = await txlist(owner, '&sort=asc');
          expect(all[0]!.hash).toBe(`GENESIS_${owner.slice(2)}`);
          expect(all.length).toBeGreaterThan(5);
          const pages: string[] = [];
          for (let page = 1; page <= Math.ceil(all.length / 4) + 1; page++) pages.push(...(await txlist(owner, `&sort=desc&page=${page}&offset=4`)).map((t) => t.hash));
          expect(pages).toEqual(all.map((t) => t.hash).reverse());
        } finally {
          await server.close();
          await rpc?.close();
        }
      }
    } finally {
      await db.close();
    }
  });
});
