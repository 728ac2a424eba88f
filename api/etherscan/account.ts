// module=account: an address's history in Etherscan's field names, from the account-history
// index (address_transactions), paged by page/offset within a capped window.
import type { NodeBalances } from '../balances/account-balance';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../db/engine';
import { fixedQuery } from '../../db/fixed-query';
import type { Database, TransactionsTable } from '../../db/schema';
import { callName, mayNeedAbi } from '../decode/decoder';
import { loadVerifiedAbis } from '../decode/verified';
import { address, paging, required, type Params } from './params';
import { list, type EtherscanAnswer } from './respond';

export interface ApiDeps {
  db: Kysely<Database>;
  /** Runs the hot queries prepared once (db/fixed-query.ts). */
  engine: Engine;
  /** The indexed head. */
  head(): number;
  /** Balances of addresses the index has not seen, from the node (absent: no node). */
  nodeBalances?: NodeBalances;
}

/** The columns txlistQuery selects: the transaction's own, and two from its block. */
type TxlistRow = Pick<
  TransactionsTable,
  | 'hash' | 'block_number' | 'tx_index' | 'timestamp' | 'from_address' | 'to_address' | 'value' | 'nonce' | 'gas' | 'input' | 'status'
  | 'gas_used' | 'effective_gas_price' | 'contract_address' | 'method_name' | 'method_args'
> & { block_hash: string; cumulative_gas_used: number };

/** An address's transactions in a block range, a page of them, in `sort` order. */
const txlistQuery = fixedQuery(
  (db, sort: 'asc' | 'desc', addr: string, startBlock: number, endBlock: number, limit: number, offset: number) =>
    db
      .selectFrom('address_transactions as a')
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'a.block_number').onRef('t.tx_index', '=', 'a.tx_index'))
      .innerJoin('blocks as b', 'b.number', 't.block_number')
      .select([
        't.hash', 't.block_number', 't.tx_index', 't.timestamp', 't.from_address', 't.to_address', 't.value', 't.nonce', 't.gas',
        't.input', 't.status', 't.gas_used', 't.effective_gas_price', 't.contract_address', 't.method_name', 't.method_args', 'b.hash as block_hash',
        sql<number>`(select sum(c.gas_used) from transactions c where c.block_number = t.block_number and c.tx_index <= t.tx_index)`.as('cumulative_gas_used'),
      ])
      .where('a.address', '=', addr)
      .where('a.block_number', '>=', startBlock)
      .where('a.block_number', '<=', endBlock)
      .orderBy('a.block_number', sort)
      .orderBy('a.tx_index', sort)
      .limit(limit)
      .offset(offset),
  ['0x', -1, -2, -3, -4] as [string, number, number, number, number],
);

/**
 * Where a genesis allocation goes in a txlist page, as Etherscan lists one: a pseudo
 * transaction "GENESIS_<address>" before the address's first transaction. Given the page,
 * its size and the sort, the window of real transactions to fetch and whether the page
 * shows the allocation (`atEnd`: for desc, only once the real ones run out). Pure.
 */
export function genesisWindow(page: number, size: number, sort: 'asc' | 'desc'): { offset: number; limit: number; first: boolean } {
  const start = (page - 1) * size;
  if (sort === 'desc') return { offset: start, limit: size, first: false };
  // asc: the allocation is row 0 of the combined list.
  return page === 1 ? { offset: 0, limit: size - 1, first: true } : { offset: start - 1, limit: size, first: false };
}

/** The address's genesis allocation, when the index has one (a non-zero balance row at block 0). */
async function genesisAllocation(db: ApiDeps['db'], addr: string): Promise<{ balance: string; timestamp: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('coin_balances as c')
    .innerJoin('blocks as b', 'b.number', 'c.block_number')
    .select(['c.balance', 'b.timestamp', 'b.hash'])
    .where('c.address', '=', addr)
    .where('c.block_number', '=', 0)
    .executeTakeFirst();
  return row && BigInt(String(row.balance)) > 0n ? { balance: String(row.balance), timestamp: Number(row.timestamp), hash: row.hash } : undefined;
}

export async function txlist(deps: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const { db, head } = deps;
  const addr = address(required(params, 'address', 'a 0x-prefixed 20-byte hex address'));
  const h = head();
  const p = paging(params, h);
  const genesis = p.startBlock === 0 ? await genesisAllocation(db, addr) : undefined;
  const w = genesis ? genesisWindow(p.page, p.offset, p.sort) : { offset: (p.page - 1) * p.offset, limit: p.offset, first: false };
  const rows = w.limit > 0 ? await txlistQuery.run<TxlistRow>(deps, p.sort, addr, p.startBlock, p.endBlock, w.limit, w.offset) : [];
  // desc: the allocation closes the list, on the page where the real transactions run out.
  const last = !!genesis && p.sort === 'desc' && rows.length < p.offset &&
    (rows.length > 0 || w.offset === 0 || (await txlistQuery.run<TxlistRow>(deps, p.sort, addr, p.startBlock, p.endBlock, 1, w.offset - 1)).length > 0);
  const genesisRow = genesis && {
    blockNumber: '0', timeStamp: String(genesis.timestamp), hash: `GENESIS_${addr.slice(2)}`, nonce: '0', blockHash: genesis.hash,
    transactionIndex: '0', from: 'GENESIS', to: addr, value: genesis.balance, gas: '0', gasPrice: '0', isError: '0', txreceipt_status: '1',
    input: '0x', contractAddress: '', cumulativeGasUsed: '0', gasUsed: '0', confirmations: String(h), methodId: '0x', functionName: '',
  };
  // Only calls with a selector and no stored name can use a verified ABI: plain transfers need no lookup.
  const abis = await loadVerifiedAbis(db, rows.flatMap((r) => (r.to_address && mayNeedAbi(r) ? [r.to_address] : [])));
  const txs = rows.map((r) => ({
      blockNumber: String(r.block_number),
      timeStamp: String(r.timestamp),
      hash: r.hash,
      nonce: String(r.nonce),
      blockHash: r.block_hash,
      transactionIndex: String(r.tx_index),
      from: r.from_address,
      to: r.to_address ?? '',
      value: String(r.value),
      gas: String(r.gas),
      gasPrice: String(r.effective_gas_price),
      isError: r.status === 1 ? '0' : '1',
      txreceipt_status: String(r.status),
      input: r.input,
      contractAddress: r.contract_address ?? '',
      cumulativeGasUsed: String(r.cumulative_gas_used),
      gasUsed: String(r.gas_used),
      confirmations: String(Math.max(0, h - Number(r.block_number))),
      methodId: r.input.length >= 10 ? r.input.slice(0, 10) : '0x',
      functionName: callName(r, r.to_address ? abis.get(r.to_address) : undefined),
    }));
  return list([...(w.first && genesisRow ? [genesisRow] : []), ...txs, ...(last && genesisRow ? [genesisRow] : [])], 'No transactions found');
}
