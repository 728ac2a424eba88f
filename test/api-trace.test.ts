// Transaction.trace, stateChanges and summary against a real node (the devnet's anvil), on
// both dialects. Every transaction of interest is alone in its block (automine), so what it
// changed is exactly what the node holds at its block minus the block before:
//  - the call tree equals the node's own callTracer frame by frame;
//  - native balances and nonces equal eth_getBalance / eth_getTransactionCount there, storage
//    eth_getStorageAt, token balances balanceOf;
//  - without a node, or with one that lacks a tracer or fails to trace, the API says so and
//    falls back to the index, with the same tree (minus inputs and outputs) and the same
//    native deltas; a failure is asked again, never kept;
//  - the one-line summaries of a transfer, a token transfer, a registry call and a contract
//    call, in English and Chinese, with the best names.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDeployData, parseEther, type Hex } from 'viem';
import { createServer, type YuscanServer } from '../api/server';
import { createRpcClient, type RpcClient } from '../indexer/rpc';
import { callData } from '../indexer/tokens';
import { serviceCreditAbi, subsidyPoolAbi } from '../contracts/demo/artifacts';
import { gql } from './helpers/api';
import { zooArtifact } from './helpers/anvil';
import {
  bytes32, DIALECTS, deployDemoTokens, encodeCall, indexOnce, openDb, startChain, type DemoTokens, type TestChain,
} from './helpers/indexer';
import type { Db } from '../db/connect';

let c: TestChain;
let tokens: DemoTokens;
let zoo: Hex;
let rpc: RpcClient;
const dbs = new Map<string, Db>();
const servers: YuscanServer[] = [];
const withNode = new Map<string, string>();
const withoutNode = new Map<string, string>();
const tx = {} as Record<'coin' | 'token' | 'patent' | 'zoo' | 'pool' | 'fail', Hex>;
const MEMBER = { name: 'Inspur Blockchain / 浪潮区块链', en: 'Inspur Blockchain', zh: '浪潮区块链' };
const tag = (n: number) => `0x${n.toString(16)}`;
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

beforeAll(async () => {
  c = await startChain();
  await c.automine(true); // one transaction per block
  const [member] = c.members as [Hex];
  const user = c.users[0]!;
  await c.registryCall(c.owner, 'admitMember', [member, MEMBER.name, 'CN', 'technology']);
  tokens = await deployDemoTokens(c);
  const { abi, bytecode } = zooArtifact();
  const deployed = await c.send({ from: c.owner, data: encodeDeployData({ abi, bytecode }), gas: tag(3_000_000) });
  zoo = (await c.client.getTransactionReceipt({ hash: deployed })).contractAddress!.toLowerCase() as Hex;
  const call = (to: Hex, data: Hex, from: Hex, value = 0n) => c.send({ from, to, data, gas: tag(500_000), ...(value ? { value: tag(Number(value)) } : {}) });

  await call(tokens.credit, encodeCall(serviceCreditAbi, 'mint', [member, 25_000n]), c.owner);
  tx.coin = await c.send({ from: user, to: member, value: `0x${parseEther('1.5').toString(16)}` });
  tx.token = await call(tokens.credit, encodeCall(serviceCreditAbi, 'transfer', [user, 10_000n]), member);
  tx.patent = await c.registryCall(member, 'filePatent', [bytes32('CN202410001234.5'), 'Ledger method / 账本方法', 1_717_000_000n]);
  tx.zoo = await call(zoo, encodeCall(abi, 'run', [bytes32('salt'), user]), c.owner, 4_000n);
  // Pays two accounts and, failing inside (a token has no receive), a third: a reverted frame.
  tx.pool = await call(tokens.pool, encodeCall(subsidyPoolAbi, 'disburse', [[member, user, tokens.credit], [parseEther('1'), parseEther('1'), 5n]]), c.owner, parseEther('3'));
  tx.fail = await call(zoo, encodeCall(abi, 'fail', []), user);

  rpc = createRpcClient(c.rpcUrl);
  const labels = [{ address: zoo, label: 'Zoo' }, { address: tokens.pool, label: 'Subsidy Pool' }];
  for (const d of DIALECTS) {
    const db = await openDb(d, 'trace');
    dbs.set(d, db);
    await indexOnce(c.rpcUrl, db, { registry: c.registry });
    const a = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, rpc, labels });
    const b = await createServer({ db, port: 0, host: '127.0.0.1', rateLimit: false, labels });
    servers.push(a, b);
    withNode.set(d, a.url);
    withoutNode.set(d, b.url);
  }
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  await rpc?.close();
  for (const db of dbs.values()) await db.close();
  await c?.stop();
});

const TRACE = `query($h: String!) { transaction(hash: $h) {
  blockNumber
  trace { status complete frames { path depth callType from to value gas gasUsed input output error revertReason decodedInput { name source } decodedOutput { name value } } }
  stateChanges { kind address token { address symbol } tokenId slot before after delta }
  stateChangesStatus
} }`;

async function ask(url: string, hash: Hex) {
  const r = await gql(url, TRACE, { h: hash });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.transaction;
}

/** The node's callTracer tree, flattened here independently of the API: depth-first from the root. */
function nodeFrames(root: any) {
  const out: Record<string, unknown>[] = [];
  const walk = (f: any, path: number[]) => {
    const type = String(f.type);
    out.push({
      path: path.join('.'), depth: path.length, callType: type, from: f.from.toLowerCase(),
      to: type.startsWith('CREATE') && f.error ? null : (f.to?.toLowerCase() ?? null),
      value: type === 'DELEGATECALL' || type === 'STATICCALL' ? '0' : BigInt(f.value ?? '0x0').toString(),
      gas: BigInt(f.gas).toString(), gasUsed: BigInt(f.gasUsed).toString(), input: f.input.toLowerCase(), output: f.output?.toLowerCase() ?? null,
      failed: !!f.error,
    });
    (f.calls ?? []).forEach((child: any, i: number) => walk(child, [...path, i]));
  };
  walk(root, []);
  return out;
}

const HASHES = () => Object.entries(tx) as [string, Hex][];

describe.each(DIALECTS)('with a node, on %s', (dialect) => {
  const url = () => withNode.get(dialect)!;

  it("the call tree equals the node's callTracer frame by frame, with gas, inputs, outputs and reverted frames", async () => {
    const kinds = new Set<string>();
    let reverted = 0;
    for (const [what, hash] of HASHES()) {
      const t = await ask(url(), hash);
      expect(t.trace.status, what).toBe('NODE');
      expect(t.trace.complete).toBe(true);
      const want = nodeFrames(await c.rpc('debug_traceTransaction', [hash, { tracer: 'callTracer' }]));
      const got = t.trace.frames.map(({ error, revertReason: _r, decodedInput: _i, decodedOutput: _o, ...f }: any) => ({ ...f, failed: error !== null }));
      expect(got, what).toEqual(want);
      for (const f of want) kinds.add(f.callType as string);
      reverted += want.filter((f) => f.failed).length;
    }
    expect([...kinds].sort()).toEqual(['CALL', 'CREATE2', 'DELEGATECALL', 'SELFDESTRUCT', 'STATICCALL']);
    expect(reverted).toBeGreaterThanOrEqual(3); // Zoo's caught revert, the pool's payment to a token, the failed transaction
  });

  it('decodes well-known calls, their outputs and revert reasons', async () => {
    const token = await ask(url(), tx.token);
    expect(token.trace.frames[0]).toMatchObject({ decodedInput: { name: 'transfer', source: 'GUESS' }, decodedOutput: [{ value: 'true' }] });
    const patent = await ask(url(), tx.patent);
    expect(patent.trace.frames[0].decodedInput).toEqual({ name: 'filePatent', source: 'REGISTRY' });
    const fail = await ask(url(), tx.fail);
    expect(fail.trace.frames[0]).toMatchObject({ error: 'execution reverted', revertReason: 'no' });
  });

  it('state changes equal the node at the block before and the block itself: balances, nonces, storage, tokens', async () => {
    for (const [what, hash] of HASHES()) {
      const t = await ask(url(), hash);
      expect(t.stateChangesStatus, what).toBe('NODE');
      const n = t.blockNumber as number;
      const block = await c.rpc('eth_getBlockByNumber', [tag(n), false]);
      const touched = new Set<string>([block.miner.toLowerCase()]);
      for (const f of t.trace.frames) for (const a of [f.from, f.to]) if (a) touched.add(a);
      const read = async (method: string, a: string, at: number) => BigInt(await c.rpc(method, [a, tag(at)]));
      for (const [kind, method] of [['NATIVE', 'eth_getBalance'], ['NONCE', 'eth_getTransactionCount']] as const) {
        const want = [];
        for (const a of [...touched].sort()) {
          const before = await read(method, a, n - 1);
          const after = await read(method, a, n);
          if (before !== after) want.push({ address: a, before: before.toString(), after: after.toString(), delta: (after - before).toString() });
        }
        const got = t.stateChanges.filter((s: any) => s.kind === kind).map(({ address, before, after, delta }: any) => ({ address, before, after, delta }));
        expect(got, `${what} ${kind}`).toEqual(want);
      }
      for (const s of t.stateChanges.filter((x: any) => x.kind === 'STORAGE')) {
        for (const [at, value] of [[n - 1, s.before], [n, s.after]]) {
          expect(await c.rpc('eth_getStorageAt', [s.address, s.slot, tag(at)]), `${what} ${s.address} ${s.slot}`).toBe(value);
        }
      }
      for (const s of t.stateChanges.filter((x: any) => x.kind === 'TOKEN')) {
        const balance = async (at: number) => BigInt(await c.rpc('eth_call', [{ to: s.token.address, data: callData.balanceOf(s.address) }, tag(at)]));
        expect(((await balance(n)) - (await balance(n - 1))).toString(), `${what} ${s.token.address} ${s.address}`).toBe(s.delta);
      }
    }
    const token = await ask(url(), tx.token);
    expect(token.stateChanges.filter((s: any) => s.kind === 'TOKEN')).toEqual([
      { kind: 'TOKEN', address: c.members[0]!.toLowerCase(), token: { address: tokens.credit, symbol: 'ASC' }, tokenId: null, slot: null, before: null, after: null, delta: '-10000' },
      { kind: 'TOKEN', address: c.users[0]!.toLowerCase(), token: { address: tokens.credit, symbol: 'ASC' }, tokenId: null, slot: null, before: null, after: null, delta: '10000' },
    ].sort((a, b) => (a.address < b.address ? -1 : 1)));
    const zooRun = await ask(url(), tx.zoo);
    expect(zooRun.stateChanges.some((s: any) => s.kind === 'STORAGE' && s.address === zoo)).toBe(true);
  });

  it('summarises a transfer, a token transfer, a registry call and a contract call in both languages', async () => {
    const member = c.members[0]!.toLowerCase();
    const user = c.users[0]!.toLowerCase();
    const q = `query($h: String!) { transaction(hash: $h) { input en: summary zh: summary(lang: ZH_CN) } }`;
    const line = async (hash: Hex) => (await gql(url(), q, { h: hash })).body.data.transaction;
    expect(await line(tx.coin)).toMatchObject({ en: `${short(user)} transferred 1.5 YU to ${MEMBER.en}`, zh: `${short(user)} 向 ${MEMBER.zh} 转账 1.5 YU` });
    expect(await line(tx.token)).toMatchObject({ en: `${MEMBER.en} transferred 100 ASC to ${short(user)}`, zh: `${MEMBER.zh} 向 ${short(user)} 转移 100 ASC` });
    expect(await line(tx.patent)).toMatchObject({ en: `Member ${MEMBER.en} filed patent CN202410001234.5`, zh: `成员 ${MEMBER.zh} 提交了专利 CN202410001234.5` });
    const pool = await line(tx.pool);
    const selector = pool.input.slice(0, 10);
    expect(pool).toMatchObject({ en: `Called \`${selector}\` on Subsidy Pool, sending 3 YU`, zh: `调用了 Subsidy Pool 的 \`${selector}\`，附带 3 YU` });
    const fail = await line(tx.fail);
    expect(fail).toMatchObject({ en: `Failed: Called \`${fail.input}\` on Zoo`, zh: `失败：调用了 Zoo 的 \`${fail.input}\`` });
    expect(member).not.toBe(user);
  });
});

describe.each(DIALECTS)('without a node, on %s', (dialect) => {
  it('says so, and answers the tree and the native deltas from the index, equal to the node’s', async () => {
    for (const [what, hash] of HASHES()) {
      const node = await ask(withNode.get(dialect)!, hash);
      const index = await ask(withoutNode.get(dialect)!, hash);
      expect([index.trace.status, index.stateChangesStatus, index.trace.complete], what).toEqual(['NO_NODE', 'NO_NODE', true]);
      const shape = (f: any) => ({ path: f.path, depth: f.depth, callType: f.callType, from: f.from, to: f.to, value: f.value, failed: f.error !== null });
      expect(index.trace.frames.map(shape), what).toEqual(node.trace.frames.map(shape));
      expect(index.trace.frames.slice(1).every((f: any) => f.input === null && f.output === null && f.gas === null)).toBe(true);
      const deltas = (t: any, kinds: string[]) => t.stateChanges.filter((s: any) => kinds.includes(s.kind)).map((s: any) => ({ kind: s.kind, address: s.address, token: s.token, tokenId: s.tokenId, delta: s.delta }));
      expect(deltas(index, ['NATIVE', 'TOKEN']), what).toEqual(deltas(node, ['NATIVE', 'TOKEN']));
      expect(index.stateChanges.every((s: any) => s.before === null && s.after === null)).toBe(true);
    }
  });
});

/** What the node in front of the devnet does with debug_traceTransaction. */
type NodeMode = 'pass' | 'noDebug' | 'noPrestate' | 'pruned';

/** The devnet's node behind a JSON-RPC proxy that answers debug_traceTransaction as a node of `mode` would. */
async function nodeProxy(target: string): Promise<{ url: string; mode: NodeMode; server: Server }> {
  const state = { url: '', mode: 'pass' as NodeMode, server: undefined as unknown as Server };
  const answer = (call: { id: number; method: string; params: any[] }) => {
    if (call.method !== 'debug_traceTransaction' || state.mode === 'pass') return undefined;
    if (state.mode === 'noDebug') return { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: 'the method debug_traceTransaction does not exist/is not available' } };
    if (state.mode === 'noPrestate' && call.params[1]?.tracer === 'prestateTracer') return { jsonrpc: '2.0', id: call.id, error: { code: -32000, message: 'tracer not found' } };
    if (state.mode === 'pruned') return { jsonrpc: '2.0', id: call.id, error: { code: -32000, message: 'required historical state unavailable' } };
    return undefined;
  };
  state.server = createHttpServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const calls = JSON.parse(body) as any;
    const list: any[] = Array.isArray(calls) ? calls : [calls];
    const forward = list.filter((x) => !answer(x));
    const forwarded = forward.length
      ? ((await (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forward) })).json()) as any[])
      : [];
    const byId = new Map(forwarded.map((r) => [r.id, r]));
    const out = list.map((x) => answer(x) ?? byId.get(x.id));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(Array.isArray(calls) ? out : out[0]));
  });
  await new Promise<void>((ok) => state.server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describe('a node without the tracers, or failing', () => {
  it('says which, falls back to the index for what is missing, and asks again after a failure', async () => {
    const proxy = await nodeProxy(c.rpcUrl);
    const client = createRpcClient(proxy.url);
    const server = await createServer({ db: dbs.get('sqlite')!, port: 0, host: '127.0.0.1', rateLimit: false, rpc: client });
    try {
      const statuses = async () => {
        const t = await ask(server.url, tx.zoo);
        return [t.trace.status, t.stateChangesStatus, t.trace.frames.length > 1, t.stateChanges.some((s: any) => s.kind === 'STORAGE')];
      };
      proxy.mode = 'pruned';
      expect(await statuses()).toEqual(['NODE_FAILED', 'NODE_FAILED', true, false]);
      proxy.mode = 'noPrestate';
      // The same request at the same head: the failure was neither cached nor served again.
      expect(await statuses()).toEqual(['NODE', 'NO_TRACER', true, false]);
      proxy.mode = 'noDebug';
      const t = await ask(server.url, tx.pool);
      expect([t.trace.status, t.stateChangesStatus]).toEqual(['NO_TRACER', 'NO_TRACER']);
      const native = (await ask(withNode.get('sqlite')!, tx.pool)).stateChanges.filter((s: any) => s.kind === 'NATIVE').map((s: any) => [s.address, s.delta]);
      expect(t.stateChanges.filter((s: any) => s.kind === 'NATIVE').map((s: any) => [s.address, s.delta])).toEqual(native);
    } finally {
      await server.close();
      await client.close();
      await new Promise((ok) => proxy.server.close(ok));
    }
  });
});
