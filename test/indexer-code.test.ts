// Deployed runtime code against a real node, on both dialects: for every contract a block
// creates, by a transaction or by an internal CREATE/CREATE2, the indexer stores what
// eth_getCode answers at that block, `0x` included (a creation that reverted, one that
// self-destructed in its constructor), and nothing for addresses that were not created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCreate2Address, getCreateAddress, pad, toHex, type Hex } from 'viem';
import { childInit, DIALECTS, deployDemoTokens, dumpTable, factoryInit, indexOnce, openDb, startChain, type TestChain } from './helpers/indexer';

let c: TestChain;
/** address -> creating transaction, as the test made them. */
const made = new Map<string, string>();
/** Internal creations, which no receipt names. */
const internal: string[] = [];

beforeAll(async () => {
  c = await startChain();
  await deployDemoTokens(c);
  const receipt = async (hash: Hex) => c.client.getTransactionReceipt({ hash });
  for (const salt of [3, 4]) {
    const hash = await c.send({ from: c.owner, data: factoryInit(salt), gas: '0x2dc6c0' });
    const factory = (await receipt(hash)).contractAddress!;
    const viaCreate = getCreateAddress({ from: factory, nonce: 1n }).toLowerCase();
    const viaCreate2 = getCreate2Address({ from: factory, salt: pad(toHex(salt)), bytecode: childInit(salt) }).toLowerCase();
    for (const a of [factory.toLowerCase(), viaCreate, viaCreate2]) made.set(a, hash);
    internal.push(viaCreate, viaCreate2);
  }
  // A creation that reverts, and one that self-destructs in its constructor.
  for (const data of ['0x60006000fd', '0x33ff']) {
    const hash = await c.send({ from: c.users[2], data, gas: '0x30d40' });
    const r = await receipt(hash);
    if (r.contractAddress) made.set(r.contractAddress.toLowerCase(), hash);
  }
});
afterAll(() => c?.stop());

describe.each(DIALECTS)('contract code on %s', (dialect) => {
  it('equals eth_getCode at the creating block for every contract created, top-level and internal', async () => {
    const db = await openDb(dialect, 'code');
    try {
      await indexOnce(c.rpcUrl, db);
      const rows = await dumpTable(db, 'contract_code');
      const byAddress = new Map(rows.map((r) => [r.address!, r]));
      expect(byAddress.size, 'one row per address').toBe(rows.length);

      // Every contract creation receipt on the chain has its row, and so has every internal creation.
      const head = await c.client.getBlockNumber();
      const expected = new Map(made);
      for (let n = 0n; n <= head; n++) {
        const b = await c.client.getBlock({ blockNumber: n });
        for (const hash of b.transactions) {
          const r = await c.client.getTransactionReceipt({ hash });
          if (r.contractAddress) expected.set(r.contractAddress.toLowerCase(), hash);
        }
      }
      expect([...byAddress.keys()].sort()).toEqual([...expected.keys()].sort());

      for (const row of rows) {
        const block = Number(row.block_number);
        const tx = await c.client.getTransaction({ hash: row.tx_hash as Hex });
        expect(Number(tx.blockNumber), row.address!).toBe(block);
        expect(row.tx_hash, row.address!).toBe(expected.get(row.address!));
        const code = (await c.rpc('eth_getCode', [row.address, toHex(block)])) as string;
        expect(row.code, row.address!).toBe(code.toLowerCase());
      }
      // The internal children run the code their factory gave them; the odd creations have none.
      for (const a of internal) expect(byAddress.get(a)!.code).toMatch(/^0x60[0-9a-f]{2}60005260206000f3$/);
      const empty = rows.filter((r) => r.code === '0x').map((r) => r.address);
      expect(empty.length).toBeGreaterThanOrEqual(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
