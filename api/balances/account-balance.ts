// An account's native balance as the API answers it, in one place for GraphQL, the web and
// /api: the index's own figure when it has seen the address; else, when the server has a
// node, the node's eth_getBalance at the indexed head (cached for that head); else null,
// "not indexed". Never a made-up 0.
import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RpcClient } from '../../indexer/rpc';

export type BalanceSource = 'INDEX' | 'GENESIS' | 'NODE';

export interface AccountBalance {
  balance: string;
  /** The block the figure is at: the last block that touched the account, or the head asked. */
  block: number;
  source: BalanceSource;
}

/** Balances the node is asked for, cached per (head, address): the answer cannot change until the head moves. */
export interface NodeBalances {
  read(addresses: readonly string[], head: number): Promise<Map<string, string>>;
}

export function nodeBalances(rpc: RpcClient, max = 10_000): NodeBalances {
  const cache = new LRUCache<string, string>({ max });
  return {
    async read(addresses, head) {
      const out = new Map<string, string>();
      const missing = addresses.filter((a) => {
        const hit = cache.get(`${head}|${a}`);
        if (hit !== undefined) out.set(a, hit);
        return hit === undefined;
      });
      if (!missing.length) return out;
      const tag = `0x${head.toString(16)}`;
      const answers = await rpc.batch(missing.map((a) => ({ method: 'eth_getBalance', params: [a, tag] })));
      missing.forEach((a, i) => {
        const r = answers[i]!;
        // A node that cannot answer leaves the balance unknown rather than failing the query.
        if (r.error || typeof r.result !== 'string') return;
        const v = BigInt(r.result).toString();
        cache.set(`${head}|${a}`, v);
        out.set(a, v);
      });
      return out;
    },
  };
}

/** An account_balances row as the API answers it: a figure last set at block 0 is the genesis allocation. */
export function indexedBalance(row: { balance: unknown; block_number: unknown }): AccountBalance {
  const block = Number(row.block_number);
  return { balance: String(row.balance), block, source: block === 0 ? 'GENESIS' : 'INDEX' };
}

/** Balances of `addresses` (lowercase): the index's, then the node's for the rest, then nothing. */
export async function accountBalances(
  db: Kysely<Database>,
  addresses: readonly string[],
  head: number,
  node?: NodeBalances,
): Promise<Map<string, AccountBalance>> {
  const out = new Map<string, AccountBalance>();
  if (!addresses.length) return out;
  const rows = await db.selectFrom('account_balances').select(['address', 'balance', 'block_number']).where('address', 'in', [...addresses]).execute();
  for (const r of rows) out.set(r.address, indexedBalance(r));
  const unseen = addresses.filter((a) => !out.has(a));
  if (unseen.length && node && head >= 0) {
    for (const [a, balance] of await node.read(unseen, head)) out.set(a, { balance, block: head, source: 'NODE' });
  }
  return out;
}
