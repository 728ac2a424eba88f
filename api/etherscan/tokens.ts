// module=account actions over the accounts-and-tokens tables: native balances, internal transactions and
// token transfers, in Etherscan's field names and paging.
import { sql } from 'kysely';
import { accountBalances } from '../balances/account-balance';
import type { TokenTypeName } from '../../db/schema';
import { ApiInputError, address, addressList, paging, required, str, type Params } from './params';
import { list, ok, type EtherscanAnswer } from './respond';
import type { ApiDeps } from './account';

function latestOnly(params: Params) {
  const tag = str(params, 'tag') ?? 'latest';
  if (tag !== 'latest') throw new ApiInputError('Error! Invalid tag: balances are answered at the indexed head; it takes latest');
}

/** An address neither the index nor a node can answer for is refused, not answered 0. */
const NOT_INDEXED = 'Error! Address not indexed: yuscan has not seen it and has no node to ask';

export async function balance({ db, head, nodeBalances }: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const addr = address(required(params, 'address', 'a 0x-prefixed 20-byte hex address'));
  latestOnly(params);
  const found = (await accountBalances(db, [addr], head(), nodeBalances)).get(addr);
  if (!found) throw new ApiInputError(NOT_INDEXED);
  return ok(found.balance);
}

export async function balancemulti({ db, head, nodeBalances }: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const addrs = addressList(required(params, 'address', 'up to 20 comma-separated addresses'));
  latestOnly(params);
  const found = await accountBalances(db, addrs, head(), nodeBalances);
  const missing = addrs.find((a) => !found.has(a));
  if (missing) throw new ApiInputError(`${NOT_INDEXED} (${missing})`);
  return ok(addrs.map((account) => ({ account, balance: found.get(account)!.balance })));
}

export async function txlistinternal({ db, head }: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const h = head();
  const p = paging(params, h);
  const txhash = str(params, 'txhash');
  const addrRaw = str(params, 'address');
  if (!txhash && !addrRaw) throw new ApiInputError('Error! Missing address or txhash');
  if (txhash && !/^0x[0-9a-fA-F]{64}$/.test(txhash)) throw new ApiInputError('Error! Invalid txhash: it takes a 0x-prefixed 32-byte hex hash');
  let q = db
    .selectFrom('internal_transactions as i')
    .selectAll('i')
    .where('i.block_number', '>=', p.startBlock)
    .where('i.block_number', '<=', p.endBlock);
  if (txhash) q = q.where('i.tx_hash', '=', txhash.toLowerCase());
  if (addrRaw) {
    const addr = address(addrRaw);
    q = q.where((eb) => eb.or([eb('i.from_address', '=', addr), eb('i.to_address', '=', addr)]));
  }
  const rows = await q.orderBy('i.block_number', p.sort).orderBy('i.tx_index', p.sort).orderBy('i.idx', p.sort)
    .limit(p.offset).offset((p.page - 1) * p.offset).execute();
  return list(
    rows.map((r) => ({
      blockNumber: String(r.block_number),
      timeStamp: String(r.timestamp),
      hash: r.tx_hash,
      from: r.from_address,
      to: r.call_type.startsWith('create') ? '' : (r.to_address ?? ''),
      value: String(r.value),
      contractAddress: r.call_type.startsWith('create') ? (r.to_address ?? '') : '',
      input: '',
      type: r.call_type,
      gas: '0',
      gasUsed: String(r.gas_used),
      traceId: r.trace_address,
      isError: r.error ? '1' : '0',
      errCode: r.error ?? '',
    })),
    'No transactions found',
  );
}

async function tokenTransfers({ db, head }: ApiDeps, params: Params, type: TokenTypeName): Promise<EtherscanAnswer> {
  const h = head();
  const p = paging(params, h);
  const addrRaw = str(params, 'address');
  const tokenRaw = str(params, 'contractaddress');
  if (!addrRaw && !tokenRaw) throw new ApiInputError('Error! Missing address or contractaddress');
  let q = db
    .selectFrom('token_transfers as x')
    .innerJoin('transactions as t', 't.hash', 'x.tx_hash')
    .innerJoin('blocks as b', 'b.number', 'x.block_number')
    .leftJoin('tokens as k', 'k.address', 'x.token')
    .select([
      'x.block_number', 'x.timestamp', 'x.tx_hash', 'x.tx_index', 'x.log_index', 'x.token', 'x.from_address', 'x.to_address', 'x.value', 'x.token_id',
      't.nonce', 't.gas', 't.effective_gas_price', 't.gas_used', 't.input', 'b.hash as block_hash', 'k.name', 'k.symbol', 'k.decimals',
      sql<number>`(select sum(c.gas_used) from transactions c where c.block_number = t.block_number and c.tx_index <= t.tx_index)`.as('cumulative_gas_used'),
    ])
    .where('x.type', '=', type)
    .where('x.block_number', '>=', p.startBlock)
    .where('x.block_number', '<=', p.endBlock);
  if (tokenRaw) q = q.where('x.token', '=', address(tokenRaw, 'contractaddress'));
  if (addrRaw) {
    const addr = address(addrRaw);
    q = q.where((eb) => eb.or([eb('x.from_address', '=', addr), eb('x.to_address', '=', addr)]));
  }
  const rows = await q.orderBy('x.block_number', p.sort).orderBy('x.log_index', p.sort).orderBy('x.batch_index', p.sort)
    .limit(p.offset).offset((p.page - 1) * p.offset).execute();
  return list(
    rows.map((r) => {
      const common = {
        blockNumber: String(r.block_number),
        timeStamp: String(r.timestamp),
        hash: r.tx_hash,
        nonce: String(r.nonce),
        blockHash: r.block_hash,
        from: r.from_address,
        contractAddress: r.token,
        to: r.to_address,
      };
      const tx = {
        transactionIndex: String(r.tx_index),
        gas: String(r.gas),
        gasPrice: String(r.effective_gas_price),
        gasUsed: String(r.gas_used),
        cumulativeGasUsed: String(r.cumulative_gas_used),
        input: 'deprecated',
        confirmations: String(Math.max(0, h - Number(r.block_number))),
      };
      const name = { tokenName: r.name ?? '', tokenSymbol: r.symbol ?? '' };
      if (type === 'ERC20') return { ...common, value: String(r.value), ...name, tokenDecimal: String(r.decimals ?? 0), ...tx };
      if (type === 'ERC721') return { ...common, tokenID: String(r.token_id), ...name, tokenDecimal: '0', ...tx };
      return { ...common, tokenID: String(r.token_id), tokenValue: String(r.value), ...name, ...tx };
    }),
    'No transactions found',
  );
}

export const tokentx = (deps: ApiDeps, params: Params) => tokenTransfers(deps, params, 'ERC20');
export const tokennfttx = (deps: ApiDeps, params: Params) => tokenTransfers(deps, params, 'ERC721');
export const token1155tx = (deps: ApiDeps, params: Params) => tokenTransfers(deps, params, 'ERC1155');
