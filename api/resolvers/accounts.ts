// Accounts' balances and holdings, tokens, token transfers and internal transactions.
import { DEVNET_CHAIN_ID, DEVNET_NATIVE_COIN, ETHEREUM_NATIVE_COIN, UNNAMED_NATIVE_COIN } from '../../config/constants';
import type { Resolvers } from '../generated/graphql';
import type { Context } from '../context';
import * as v from '../validate';
import {
  coinBalancePage, holdingPage, internalPage, inventoryPage, loaders, tokenPage, topAccountPage, transferPage,
} from '../data/accounts';

/** A BigInt argument (already a decimal string) as a token id. */
const id = (tokenId: string | null | undefined) => (tokenId == null ? undefined : BigInt(tokenId).toString());
const nullable = (x: unknown) => (x == null ? null : String(x));

/** The native coin as configured, else as the chain id names it. */
export const nativeCoinOf = (ctx: Context, chainId: number) =>
  ctx.nativeCoin ?? (chainId === DEVNET_CHAIN_ID ? DEVNET_NATIVE_COIN : chainId === 1 ? ETHEREUM_NATIVE_COIN : UNNAMED_NATIVE_COIN);

export const accountResolvers: Resolvers = {
  Query: {
    token: async (_p, { address }, ctx) => (await loaders(ctx).token.load(v.address(address))) ?? null,
    tokens: (_p, { type, first, after }, ctx) => tokenPage(ctx, type, first, after),
    topAccounts: (_p, { first, after }, ctx) => topAccountPage(ctx, first, after),
  },

  Status: {
    nativeCoin: (s, _a, ctx) => nativeCoinOf(ctx, s.chainId),
    traceMethod: (s) => (s.traceMethod === 'parity' ? 'PARITY' : s.traceMethod === 'debug' ? 'DEBUG' : s.traceMethod === 'none' ? 'NONE' : null),
    internalTransactions: async (s, _a, ctx) =>
      s.indexedHead >= 0 && (await loaders(ctx).traced.load(s.indexedHead)) ? 'AVAILABLE' : 'UNAVAILABLE',
  },

  Account: {
    balance: async (a, _x, ctx) => (await loaders(ctx).balance.load(a.address))?.balance ?? null,
    balanceSource: async (a, _x, ctx) => (await loaders(ctx).balance.load(a.address))?.source ?? null,
    balanceBlock: async (a, _x, ctx) => {
      const b = await loaders(ctx).balance.load(a.address);
      return b && b.source !== 'NODE' ? b.block : null;
    },
    balanceHistory: (a, { first, after }, ctx) => coinBalancePage(ctx, a.address, first, after),
    tokenBalances: (a, { type, first, after }, ctx) => holdingPage(ctx, { holder: a.address, type }, first, after),
    tokenTransfers: (a, { token, type, first, after }, ctx) =>
      transferPage(ctx, { address: a.address, token: token == null ? undefined : v.address(token, 'token'), type }, first, after),
    internalTransactions: async (a, { first, after }, ctx) => {
      const head = ctx.head.current.indexedHead;
      if (head < 0 || !(await loaders(ctx).traced.load(head))) return null;
      return internalPage(ctx, a.address, first, after);
    },
    token: async (a, _x, ctx) => (await loaders(ctx).token.load(a.address)) ?? null,
  },

  Transaction: {
    tokenTransfers: (t, _a, ctx) => loaders(ctx).transfersByTx.load(t.hash),
    internalTransactions: async (t, _a, ctx) =>
      (await loaders(ctx).traced.load(Number(t.block_number))) ? loaders(ctx).internalByTx.load(t.hash) : null,
  },

  Token: {
    decimals: (t) => (t.decimals == null ? null : Number(t.decimals)),
    totalSupply: (t) => nullable(t.total_supply),
    holderCount: (t) => Number(t.holder_count),
    transferCount: (t) => Number(t.transfer_count),
    firstSeenBlock: (t) => Number(t.first_seen_block),
    issues: (t, _a, ctx) => loaders(ctx).issues.load(t.address) as never,
    holders: (t, { tokenId, first, after }, ctx) => holdingPage(ctx, { token: t.address, tokenId: id(tokenId) }, first, after),
    transfers: (t, { tokenId, first, after }, ctx) => transferPage(ctx, { token: t.address, tokenId: id(tokenId) }, first, after),
    inventory: (t, { first, after }, ctx) => inventoryPage(ctx, t, first, after),
  },

  TokenBalance: {
    address: (h) => h.holder,
    token: async (h, _a, ctx) => (await loaders(ctx).token.load(h.token))!,
    tokenId: (h) => (h.token_id === '' ? null : h.token_id),
    balance: (h) => String(h.balance),
    share: async (h, _a, ctx) => {
      const token = await loaders(ctx).token.load(h.token);
      if (!token) return null;
      // An ERC-1155 holding is of one id, so its share is of that id's supply.
      const supply = token.type === 'ERC1155'
        ? await loaders(ctx).idSupply.load(`${h.token}|${h.token_id}`)
        : token.total_supply == null ? 0n : BigInt(String(token.total_supply));
      if (supply === 0n) return null;
      return Number((BigInt(String(h.balance)) * 1_000_000n) / supply) / 1_000_000;
    },
    blockNumber: (h) => Number(h.block_number),
  },

  TokenTransfer: {
    token: async (t, _a, ctx) => (await loaders(ctx).token.load(t.token))!,
    tokenAddress: (t) => t.token,
    transactionHash: (t) => t.tx_hash,
    blockNumber: (t) => Number(t.block_number),
    timestamp: (t) => Number(t.timestamp),
    logIndex: (t) => t.log_index,
    batchIndex: (t) => t.batch_index,
    from: (t) => t.from_address,
    to: (t) => t.to_address,
    value: (t) => String(t.value),
    tokenId: (t) => (t.token_id === '' ? null : t.token_id),
    transaction: async (t, _a, ctx) => (await ctx.loaders.txByHash.load(t.tx_hash)) ?? null,
  },

  InternalTransaction: {
    transactionHash: (i) => i.tx_hash,
    blockNumber: (i) => Number(i.block_number),
    timestamp: (i) => Number(i.timestamp),
    index: (i) => i.idx,
    traceAddress: (i) => i.trace_address,
    from: (i) => i.from_address,
    to: (i) => i.to_address,
    value: (i) => String(i.value),
    callType: (i) => i.call_type,
    gasUsed: (i) => String(i.gas_used),
    transaction: async (i, _a, ctx) => (await ctx.loaders.txByHash.load(i.tx_hash)) ?? null,
  },

  CoinBalance: {
    blockNumber: (c) => c.block_number,
  },
};
