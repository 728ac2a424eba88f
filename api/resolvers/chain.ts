// Blocks, transactions, logs, accounts, the indexer status and the newBlock subscription.
import { CHAIN_NAME, DEVNET_CHAIN_ID } from '../../config/constants';
import type { Resolvers } from '../generated/graphql';
import { badInput } from '../errors';
import * as v from '../validate';
import { blockPage, confirmations, FINAL_CONFIRMATIONS, markFinal, txPage } from '../data/chain';
import { decodeCall, decodeLog } from '../decode/decoder';
import { newBlocks } from '../data/new-blocks';
import { memberAt } from './lookup';

/** The indexer counts as syncing when it is more than this many blocks behind the chain. */
const SYNCING_LAG = 2;

export const chainResolvers: Resolvers = {
  Query: {
    status: (_p, _a, ctx) => ctx.head.current,

    block: async (_p, { number, hash }, ctx) => {
      if ((number == null) === (hash == null)) throw badInput('give exactly one of number or hash');
      const row = number != null
        ? await ctx.loaders.blockByNumber.load(v.blockNumber(number, 'number'))
        : await ctx.loaders.blockByHash.load(v.hash32(hash!));
      markFinal(ctx, row ? Number(row.number) : undefined);
      return row ?? null;
    },

    blocks: (_p, { first, after }, ctx) =>
      blockPage(ctx, v.pageSize(first), after != null ? v.decodeNumericCursor(after, 'block', 1)[0]! : undefined),

    transaction: async (_p, { hash }, ctx) => {
      const row = await ctx.loaders.txByHash.load(v.hash32(hash));
      markFinal(ctx, row ? Number(row.block_number) : undefined);
      return row ?? null;
    },

    transactions: (_p, args, ctx) => txPage(ctx, args),

    account: (_p, { address }, ctx) => ctx.loaders.account.load(v.address(address)),
  },

  Subscription: {
    newBlock: {
      subscribe: (_p, _a, ctx) => newBlocks(ctx.head),
    },
  },

  Status: {
    isDevnet: (s) => s.chainId === DEVNET_CHAIN_ID,
    chainName: (s) => (s.chainId === DEVNET_CHAIN_ID ? `${CHAIN_NAME} Devnet` : s.chainId === 1 ? 'Ethereum' : CHAIN_NAME),
    publicRpcUrl: (_s, _a, ctx) => ctx.publicRpcUrl ?? null,
    lag: (s) => Math.max(0, s.chainHead - s.indexedHead),
    syncing: (s) => s.chainHead - s.indexedHead > SYNCING_LAG,
  },

  Block: {
    number: (b) => Number(b.number),
    parentHash: (b) => b.parent_hash,
    parent: async (b, _a, ctx) => (Number(b.number) > 0 ? ((await ctx.loaders.blockByNumber.load(Number(b.number) - 1)) ?? null) : null),
    timestamp: (b) => Number(b.timestamp),
    minerMember: (b, _a, ctx) => memberAt(ctx, b.miner),
    gasUsed: (b) => String(b.gas_used),
    gasLimit: (b) => String(b.gas_limit),
    baseFeePerGas: (b) => (b.base_fee_per_gas == null ? null : String(b.base_fee_per_gas)),
    txCount: (b) => b.tx_count,
    confirmations: (b, _a, ctx) => Math.max(0, confirmations(ctx, Number(b.number))),
    finalized: (b, _a, ctx) => confirmations(ctx, Number(b.number)) >= FINAL_CONFIRMATIONS,
    transactions: (b, { filter, first, after }, ctx) => txPage(ctx, { block: Number(b.number), filter, first, after }),
  },

  Transaction: {
    blockNumber: (t) => Number(t.block_number),
    block: async (t, _a, ctx) => (await ctx.loaders.blockByNumber.load(Number(t.block_number)))!,
    index: (t) => t.tx_index,
    timestamp: (t) => Number(t.timestamp),
    from: (t) => t.from_address,
    to: (t) => t.to_address,
    fromMember: (t, _a, ctx) => memberAt(ctx, t.from_address),
    toMember: (t, _a, ctx) => memberAt(ctx, t.to_address),
    value: (t) => String(t.value),
    nonce: (t) => Number(t.nonce),
    gas: (t) => String(t.gas),
    gasPrice: (t) => (t.gas_price == null ? null : String(t.gas_price)),
    maxFeePerGas: (t) => (t.max_fee_per_gas == null ? null : String(t.max_fee_per_gas)),
    maxPriorityFeePerGas: (t) => (t.max_priority_fee_per_gas == null ? null : String(t.max_priority_fee_per_gas)),
    methodId: (t) => (t.input.length >= 10 ? t.input.slice(0, 10) : null),
    status: (t) => (t.status === 1 ? 'SUCCESS' : 'FAILED'),
    gasUsed: (t) => String(t.gas_used),
    effectiveGasPrice: (t) => String(t.effective_gas_price),
    fee: (t) => (BigInt(t.gas_used) * BigInt(String(t.effective_gas_price))).toString(),
    contractAddress: (t) => t.contract_address,
    decodedCall: async (t, _a, ctx) => {
      const d = decodeCall(t, t.to_address ? await ctx.loaders.verifiedAbi.load(t.to_address) : undefined);
      // A call not decoded from the registry may decode differently once its contract is verified.
      if (d?.source !== 'REGISTRY' && t.input.length >= 10) ctx.cache.finalOnly = false;
      return d;
    },
    logs: (t, _a, ctx) => ctx.loaders.logsByTx.load(t.hash),
  },

  Log: {
    logIndex: (l) => l.log_index,
    blockNumber: (l) => Number(l.block_number),
    txHash: (l) => l.tx_hash,
    txIndex: (l) => l.tx_index,
    topics: (l) => [l.topic0, l.topic1, l.topic2, l.topic3].filter((t): t is string => t != null),
    decoded: async (l, _a, ctx) => {
      const d = decodeLog(l, await ctx.loaders.verifiedAbi.load(l.address));
      if (d?.source !== 'REGISTRY') ctx.cache.finalOnly = false;
      return d;
    },
  },

  Account: {
    isContract: (a) => !!a.row?.is_contract,
    txCount: (a) => Number(a.row?.tx_count ?? 0),
    firstSeenBlock: (a) => (a.row ? Number(a.row.first_seen_block) : null),
    creationTx: (a) => a.row?.creation_tx ?? null,
    member: (a, _a, ctx) => memberAt(ctx, a.address),
    transactions: (a, { filter, first, after }, ctx) => txPage(ctx, { address: a.address, filter, first, after }),
  },
};
