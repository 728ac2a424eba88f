// The accounts/tokens resources (issue 9): address tabs, token pages, top accounts.
import { defineResource as resource, registerResources } from '../../lib/registry';
import type { BigIntString, Connection } from '../../lib/resources';

export type TokenType = 'ERC20' | 'ERC721' | 'ERC1155';
export type TokenIssue =
  | 'NAME_UNREADABLE'
  | 'SYMBOL_UNREADABLE'
  | 'BYTES32_METADATA'
  | 'STRING_TRUNCATED'
  | 'DECIMALS_UNREADABLE'
  | 'DECIMALS_ABSURD'
  | 'TOTAL_SUPPLY_UNREADABLE'
  | 'BALANCE_UNREADABLE'
  | 'EVENTS_DISAGREE_WITH_BALANCES';

export interface TokenRef {
  address: string;
  type: TokenType;
  name: string | null;
  symbol: string | null;
  decimals: number | null;
  issues: TokenIssue[];
}
export interface TokenSummary extends TokenRef {
  totalSupply: BigIntString | null;
  holderCount: number;
  transferCount: number;
}
export interface TokenTransfer {
  token: TokenRef;
  type: TokenType;
  transactionHash: string;
  blockNumber: number;
  timestamp: number;
  logIndex: number;
  batchIndex: number;
  from: string;
  to: string;
  value: BigIntString;
  tokenId: BigIntString | null;
}
export interface InternalTx {
  transactionHash: string;
  blockNumber: number;
  timestamp: number;
  index: number;
  traceAddress: string;
  depth: number;
  from: string;
  to: string | null;
  value: BigIntString;
  callType: string;
  error: string | null;
}
export interface Holding {
  address: string;
  token: TokenRef;
  tokenId: BigIntString | null;
  balance: BigIntString;
  share: number | null;
}
export interface CoinBalance {
  blockNumber: number;
  timestamp: number;
  balance: BigIntString;
  delta: BigIntString;
}

type Page = { first?: number; after?: string | null };

export const TOKEN_REF = `address type name symbol decimals issues`;
const TOKEN_SUMMARY = `${TOKEN_REF} totalSupply holderCount transferCount`;
export const TRANSFER = `token { ${TOKEN_REF} } type transactionHash blockNumber timestamp logIndex batchIndex from to value tokenId`;
export const INTERNAL = `transactionHash blockNumber timestamp index traceAddress depth from to value callType error`;
const HOLDING = `address token { ${TOKEN_REF} } tokenId balance share`;
const pageOf = (fields: string) => `edges { cursor node { ${fields} } } pageInfo { hasNextPage endCursor }`;

export const tokenResources = registerResources({
  accountBalance: resource<{ address: string }, { account: { address: string; balance: BigIntString; balanceBlock: number | null; token: TokenRef | null } | null }>(`query AccountBalance($address: String!) {
    account(address: $address) { address balance balanceBlock token { ${TOKEN_REF} } }
  }`),

  balanceHistory: resource<{ address: string } & Page, { account: { balanceHistory: Connection<CoinBalance> } | null }>(`query BalanceHistory($address: String!, $first: Int, $after: String) {
    account(address: $address) { balanceHistory(first: $first, after: $after) { ${pageOf('blockNumber timestamp balance delta')} } }
  }`),

  accountInternal: resource<{ address: string } & Page, { account: { internalTransactions: Connection<InternalTx> | null } | null }>(`query AccountInternal($address: String!, $first: Int, $after: String) {
    account(address: $address) { internalTransactions(first: $first, after: $after) { ${pageOf(INTERNAL)} } }
  }`),

  accountTransfers: resource<{ address: string } & Page, { account: { tokenTransfers: Connection<TokenTransfer> } | null }>(`query AccountTransfers($address: String!, $first: Int, $after: String) {
    account(address: $address) { tokenTransfers(first: $first, after: $after) { ${pageOf(TRANSFER)} } }
  }`),

  accountHoldings: resource<{ address: string } & Page, { account: { tokenBalances: Connection<Holding> } | null }>(`query AccountHoldings($address: String!, $first: Int, $after: String) {
    account(address: $address) { tokenBalances(first: $first, after: $after) { ${pageOf(HOLDING)} } }
  }`),

  token: resource<{ address: string }, { token: (TokenSummary & { firstSeenBlock: number }) | null }>(`query Token($address: String!) {
    token(address: $address) { ${TOKEN_SUMMARY} firstSeenBlock }
  }`),

  tokenHolders: resource<{ address: string } & Page, { token: { holders: Connection<Holding> } | null }>(`query TokenHolders($address: String!, $first: Int, $after: String) {
    token(address: $address) { holders(first: $first, after: $after) { ${pageOf(HOLDING)} } }
  }`),

  tokenTransfers: resource<{ address: string } & Page, { token: { transfers: Connection<TokenTransfer> } | null }>(`query TokenTransfers($address: String!, $first: Int, $after: String) {
    token(address: $address) { transfers(first: $first, after: $after) { ${pageOf(TRANSFER)} } }
  }`),

  tokenInventory: resource<{ address: string } & Page, { token: { inventory: Connection<{ tokenId: BigIntString; owner: string | null }> } | null }>(`query TokenInventory($address: String!, $first: Int, $after: String) {
    token(address: $address) { inventory(first: $first, after: $after) { ${pageOf('tokenId owner')} } }
  }`),

  tokens: resource<{ type?: TokenType | null } & Page, { tokens: Connection<TokenSummary> }>(`query Tokens($type: TokenType, $first: Int, $after: String) {
    tokens(type: $type, first: $first, after: $after) { ${pageOf(TOKEN_SUMMARY)} }
  }`),

  topAccounts: resource<Page, { topAccounts: Connection<{ address: string; balance: BigIntString; txCount: number; isContract: boolean; member: { address: string; name: string; nameEn: string; nameZh: string } | null }> }>(`query TopAccounts($first: Int, $after: String) {
    topAccounts(first: $first, after: $after) { ${pageOf('address balance txCount isContract member { address name nameEn nameZh }')} }
  }`),

  txTransfers: resource<{ hash: string }, { transaction: { hash: string; tokenTransfers: TokenTransfer[]; internalTransactions: InternalTx[] | null } | null }>(`query TxTransfers($hash: String!) {
    transaction(hash: $hash) { hash tokenTransfers { ${TRANSFER} } internalTransactions { ${INTERNAL} } }
  }`),
});

type TokenResources = typeof tokenResources;
declare module '../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends TokenResources {}
}
