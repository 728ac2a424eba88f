// The accounts/tokens resources: address tabs, token pages, top accounts, a
// transaction's token transfers and internal calls. Typed documents: `npm run codegen`.
import { graphql } from '../../generated';
import type { HoldingFragment, InternalTxFragment, TokenRefFragment, TokenTransferFieldsFragment } from '../../generated/graphql';
import { defineResource as resource, registerResources } from '../../lib/registry';

export type TokenRef = TokenRefFragment;
export type TokenTransfer = TokenTransferFieldsFragment;
export type InternalTx = InternalTxFragment;
export type Holding = HoldingFragment;
export type { TokenType } from '../../generated/graphql';

graphql(`fragment TokenRef on Token { address type name symbol decimals issues }`);
graphql(`fragment TokenSummary on Token { ...TokenRef totalSupply holderCount transferCount }`);
graphql(`fragment TokenTransferFields on TokenTransfer {
  token { ...TokenRef } type transactionHash blockNumber timestamp logIndex batchIndex from to value tokenId
}`);
graphql(`fragment InternalTx on InternalTransaction { transactionHash blockNumber timestamp index traceAddress depth from to value callType error }`);
graphql(`fragment Holding on TokenBalance { address token { ...TokenRef } tokenId balance share }`);
graphql(`fragment CoinBalanceFields on CoinBalance { blockNumber timestamp balance delta }`);

export const tokenResources = registerResources({
  accountBalance: resource(graphql(`query AccountBalance($address: String!) {
    account(address: $address) { address balance balanceSource balanceBlock token { ...TokenRef } }
  }`)),

  balanceHistory: resource(graphql(`query BalanceHistory($address: String!, $first: Int, $after: String) {
    status { balancesExactFrom }
    account(address: $address) { balanceHistory(first: $first, after: $after) { edges { cursor node { ...CoinBalanceFields } } pageInfo { ...PageInfoFields } } }
  }`)),

  accountInternal: resource(graphql(`query AccountInternal($address: String!, $first: Int, $after: String) {
    account(address: $address) { internalTransactions(first: $first, after: $after) { edges { cursor node { ...InternalTx } } pageInfo { ...PageInfoFields } } }
  }`)),

  accountTransfers: resource(graphql(`query AccountTransfers($address: String!, $first: Int, $after: String) {
    account(address: $address) { tokenTransfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }
  }`)),

  accountHoldings: resource(graphql(`query AccountHoldings($address: String!, $first: Int, $after: String) {
    account(address: $address) { tokenBalances(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }
  }`)),

  token: resource(graphql(`query Token($address: String!) {
    token(address: $address) { ...TokenSummary firstSeenBlock }
  }`)),

  tokenHolders: resource(graphql(`query TokenHolders($address: String!, $first: Int, $after: String) {
    token(address: $address) { holders(first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }
  }`)),

  tokenTransfers: resource(graphql(`query TokenTransfers($address: String!, $first: Int, $after: String) {
    token(address: $address) { transfers(first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }
  }`)),

  tokenInventory: resource(graphql(`query TokenInventory($address: String!, $first: Int, $after: String) {
    token(address: $address) {
      inventory(first: $first, after: $after) { edges { cursor node { tokenId owner metadataStatus metadata { name image } } } pageInfo { ...PageInfoFields } }
    }
  }`)),

  /** One token id: its metadata (fetched by the server on the first ask), owner or holders, and its transfers. */
  tokenInstance: resource(graphql(`query TokenInstance($address: String!, $tokenId: BigInt!) {
    token(address: $address) {
      ...TokenRef
      instance(tokenId: $tokenId) {
        tokenId owner metadataStatus metadataUri metadataError metadataFetchedAt
        metadata { name description image attributes { traitType value displayType } }
      }
    }
  }`)),

  tokenIdHolders: resource(graphql(`query TokenIdHolders($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {
    token(address: $address) { holders(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...Holding } } pageInfo { ...PageInfoFields } } }
  }`)),

  tokenIdTransfers: resource(graphql(`query TokenIdTransfers($address: String!, $tokenId: BigInt!, $first: Int, $after: String) {
    token(address: $address) { transfers(tokenId: $tokenId, first: $first, after: $after) { edges { cursor node { ...TokenTransferFields } } pageInfo { ...PageInfoFields } } }
  }`)),

  tokens: resource(graphql(`query Tokens($type: TokenType, $first: Int, $after: String) {
    tokens(type: $type, first: $first, after: $after) { edges { cursor node { ...TokenSummary } } pageInfo { ...PageInfoFields } }
  }`)),

  topAccounts: resource(graphql(`query TopAccounts($first: Int, $after: String) {
    topAccounts(first: $first, after: $after) {
      edges { cursor node { address balance txCount isContract member { ...MemberRef } } } pageInfo { ...PageInfoFields }
    }
  }`)),

  txTransfers: resource(graphql(`query TxTransfers($hash: String!) {
    transaction(hash: $hash) { hash tokenTransfers { ...TokenTransferFields } internalTransactions { ...InternalTx } }
  }`)),
});

type TokenResources = typeof tokenResources;
declare module '../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends TokenResources {}
}
