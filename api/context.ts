// Per-request context: the database, the head tracker and per-request DataLoaders, so a page
// of transactions with their blocks and logs costs a fixed handful of statements.
import DataLoader from 'dataloader';
import type { NodeBalances } from './balances/account-balance';
import type { Kysely } from 'kysely';
import type { NativeCoin } from '../config/constants';
import type { Database } from '../db/schema';
import type { HeadTracker } from './head';
import type { AccountModel, BlockRow, LogRow, TxRow } from './models';
import type { Abi } from 'viem';
import type { VerifiedContractsTable } from '../db/schema';
import type { ContractReads } from './contracts/reads';
import { loadVerifiedAbis } from './decode/verified';
import type { LabelBook } from './data/label-book';
import type { MetadataService } from './metadata/service';

import type { ProxyResolver } from './proxy/resolve';
import type { NodeTracer } from './trace/node-trace';

export interface Context {
  db: Kysely<Database>;
  head: HeadTracker;
  loaders: Loaders;
  /** The native coin as configured; absent: named by chain id (api/resolvers/accounts.ts). */
  nativeCoin?: NativeCoin;
  /** The chain's public JSON-RPC URL offered to wallets (PUBLIC_RPC_URL); absent: none. */
  publicRpcUrl?: string;
  /**
   * finalOnly: set false by resolvers that answer anything not final (for cache headers);
   * reusable: set after execution when the response may be served again at this head;
   * volatile: set by resolvers whose answer may differ when asked again at the same head
   * (the node failed to answer), so that it is never reused.
   */
  cache: { finalOnly: boolean; reusable: boolean; volatile?: boolean };
  /** View calls of verified contracts; absent when the server has no node. */
  reads?: ContractReads;
  /** Balances of addresses the index has not seen, from the node; absent when the server has no node. */
  nodeBalances?: NodeBalances;
  /** The solc versions verification offers, newest first (long form). */
  compilers?: () => Promise<string[]>;
  /** Proxy detection (api/proxy): slots need a node, events and code come from the index. */
  proxies?: ProxyResolver;
  /** The operator's address labels (LABELS_FILE); absent when none are configured. */
  labels?: LabelBook;
  /** Transactions traced by the node when asked (call tree, state diff); absent when the server has no node. */
  tracer?: NodeTracer;
  /** Token metadata fetching and its stored outcomes; absent in contexts that serve no tokens' metadata. */
  metadata?: MetadataService;
}

export type Loaders = ReturnType<typeof createLoaders>;

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): Array<V | undefined> {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), r);
  return keys.map((k) => map.get(k));
}

export function createLoaders(db: Kysely<Database>) {
  return {
    blockByNumber: new DataLoader<number, BlockRow | undefined>(async (numbers) =>
      byKey(numbers, await db.selectFrom('blocks').selectAll().where('number', 'in', [...numbers]).execute(), (r) => Number(r.number)),
    ),
    blockByHash: new DataLoader<string, BlockRow | undefined>(async (hashes) =>
      byKey(hashes, await db.selectFrom('blocks').selectAll().where('hash', 'in', [...hashes]).execute(), (r) => r.hash),
    ),
    txByHash: new DataLoader<string, TxRow | undefined>(async (hashes) =>
      byKey(hashes, await db.selectFrom('transactions').selectAll().where('hash', 'in', [...hashes]).execute(), (r) => r.hash),
    ),
    logsByTx: new DataLoader<string, LogRow[]>(async (hashes) => {
      // Through the transaction's (block_number, tx_index): logs do not store its hash.
      const rows = await db
        .selectFrom('logs as l')
        .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'l.block_number').onRef('t.tx_index', '=', 'l.tx_index'))
        .selectAll('l')
        .select('t.hash as tx_hash')
        .where('t.hash', 'in', [...hashes])
        .orderBy('l.block_number')
        .orderBy('l.log_index')
        .execute();
      const map = new Map<string, LogRow[]>();
      for (const r of rows) {
        const list = map.get(r.tx_hash) ?? [];
        list.push(r);
        map.set(r.tx_hash, list);
      }
      return hashes.map((h) => map.get(h) ?? []);
    }),
    account: new DataLoader<string, AccountModel>(async (addresses) => {
      const rows = await db.selectFrom('accounts').selectAll().where('address', 'in', [...addresses]).execute();
      const found = byKey(addresses, rows, (r) => r.address);
      return addresses.map((address, i) => ({ address, row: found[i] }));
    }),
    /** Verified ABIs, for decoding at read time (so history indexed before verification too). */
    verifiedAbi: new DataLoader<string, Abi | undefined>(async (addresses) => {
      const abis = await loadVerifiedAbis(db, addresses);
      return addresses.map((a) => abis.get(a));
    }),
    verifiedContract: new DataLoader<string, VerifiedContractsTable | undefined>(async (addresses) =>
      byKey(addresses, await db.selectFrom('verified_contracts').selectAll().where('address', 'in', [...addresses]).execute(), (r) => r.address),
    ),
  };
}
