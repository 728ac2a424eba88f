// A node that keeps no old state, as geth (128 blocks) and Besu Bonsai (512) run by default:
// anvil --prune-history 64 over 400+ blocks. `index --once` must finish without asking for
// state the node no longer has. With trace_block (which anvil answers from what it kept) the
// history is exact from the genesis; with the debug tracer, which cannot re-execute pruned
// blocks, those blocks are marked untraced, history is marked partial before them, and the
// balances at the head are still the node's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, encodeDeployData, http, type Hex } from 'viem';
import type { Db } from '../db/connect';
import { callData } from '../indexer/tokens';
import { DEV_ACCOUNTS, startAnvil, zooArtifact, type Anvil } from './helpers/anvil';
import { deployDemoTokens, dumpTable, encodeCall, indexOnce, openDb, sendCall, tokenBlock, type DemoTokens, type TestChain } from './helpers/indexer';

const KEPT = 64;
let a: Anvil;
let tokens: DemoTokens;
let head: number;
const tag = (n: number) => `0x${n.toString(16)}`;

beforeAll(async () => {
  a = await startAnvil({ pruneHistory: KEPT });
  const sendAndMine = async (tx: Record<string, unknown>) => {
    const hash = await a.send(tx);
    await a.mine();
    return hash;
  };
  const [owner, , , , , u5, payee] = DEV_ACCOUNTS as [Hex, Hex, Hex, Hex, Hex, Hex, Hex];
  const c = {
    rpc: a.rpc, send: sendAndMine, owner, members: DEV_ACCOUNTS.slice(1, 5), users: DEV_ACCOUNTS.slice(5),
    client: createPublicClient({ transport: http(a.url) }),
  } as unknown as TestChain;
  tokens = await deployDemoTokens(c);
  const { abi, bytecode } = zooArtifact();
  const zoo = (await c.client.getTransactionReceipt({ hash: await sendAndMine({ from: owner, data: encodeDeployData({ abi, bytecode }), gas: tag(3_000_000) }) })).contractAddress!;
  for (let b = 0; b < 420; b++) {
    if (b % 60 === 0) {
      await tokenBlock(c, tokens, b);
      const run = sendCall(zoo as Hex, encodeCall(abi, 'run', [`0x${(b + 1).toString(16).padStart(64, '0')}`, payee]), owner, 4_000n);
      await a.rpc(run.method, run.params);
    }
    await a.send({ from: DEV_ACCOUNTS[b % 9], to: DEV_ACCOUNTS[(b + 1) % 9], value: tag(b + 1) });
    await a.send({ from: u5, to: payee, value: tag(3), gas: tag(21_000) });
    await a.mine();
  }
  head = await a.head();
  // The node really has forgotten: an old block's state is refused.
  await expect(a.rpc('eth_getBalance', [owner, tag(5)])).rejects.toThrow(/BlockOutOfRange/);
});
afterAll(() => a?.stop());

async function expectHeadExact(db: Db): Promise<void> {
  const balances = await dumpTable(db, 'account_balances');
  expect(balances.length).toBeGreaterThan(15);
  for (const r of balances) expect(r.balance, r.address!).toBe(BigInt(await a.rpc('eth_getBalance', [r.address, tag(head)])).toString());
  const holdings = await dumpTable(db, 'token_holdings');
  expect(holdings.length).toBeGreaterThan(8);
  for (const h of holdings) {
    const data = h.token_id === '' ? callData.balanceOf(h.holder!) : callData.balanceOf1155(h.holder!, h.token_id!);
    expect(h.balance, `${h.token} ${h.holder}`).toBe(BigInt(await a.rpc('eth_call', [{ to: h.token, data }, tag(head)])).toString());
  }
}

describe('indexing a node that keeps 64 blocks of state', () => {
  it('with trace_block: finishes, every block and transaction, head balances and holdings exact, history exact from the genesis', async () => {
    const db = await openDb('sqlite', 'pruned-parity');
    try {
      await indexOnce(a.url, db, { genesisFile: a.genesisFile });
      const blocks = await dumpTable(db, 'blocks');
      expect(blocks.length).toBe(head + 1);
      const last = await a.rpc('eth_getBlockByNumber', [tag(head), false]);
      expect(blocks.at(-1)!.hash).toBe(last.hash);
      const txs = blocks.reduce((n, b) => n + Number(b.tx_count), 0);
      expect((await dumpTable(db, 'transactions')).length).toBe(txs);
      expect(txs).toBeGreaterThan(840);
      await expectHeadExact(db);
      const state = await db.db.selectFrom('indexer_state').select(['trace_method', 'balances_exact_from']).executeTakeFirstOrThrow();
      expect(state).toEqual({ trace_method: 'parity', balances_exact_from: 0 });
    } finally {
      await db.close();
    }
  });

  it('with the debug tracer: old blocks untraced and marked, history partial before them, head balances still exact', async () => {
    const db = await openDb('sqlite', 'pruned-debug');
    try {
      await indexOnce(a.url, db, { genesisFile: a.genesisFile, traceMethod: 'debug' });
      expect((await dumpTable(db, 'blocks')).length).toBe(head + 1);
      const traced = (await dumpTable(db, 'traced_blocks')).map((r) => Number(r.block_number));
      // The blocks anvil can still re-execute are traced; the pruned ones with transactions are not.
      expect(traced).toContain(head);
      expect(traced).not.toContain(10);
      const state = await db.db.selectFrom('indexer_state').select(['trace_method', 'balances_exact_from']).executeTakeFirstOrThrow();
      expect(state.trace_method).toBe('debug');
      expect(Number(state.balances_exact_from)).toBeGreaterThan(head - KEPT - 2);
      expect(Number(state.balances_exact_from)).toBeLessThanOrEqual(head);
      await expectHeadExact(db);
    } finally {
      await db.close();
    }
  });
});
