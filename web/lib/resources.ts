// The explorer's API resources in the ONE typed registry (./registry.ts). Each entry is a
// typed document: `npm run codegen` reads every graphql(`…`) in web/ against schema.graphql
// and generates its variables and result types (web/generated/). Components never write
// GraphQL inline: they call useResource('<name>', vars) (lib/hooks.ts) or a domain hook.
//
// To add one: add `name: resource(graphql(\`query Name … \`))` below, run `npm run codegen`,
// and (optionally) list it in LIVE_RESOURCES so new blocks refresh it. The types below are
// names for generated shapes the components share, never hand-written copies.
import { graphql } from '../generated';
import type {
  BlockSummaryFragment, MemberRefFragment, PageInfoFieldsFragment, SearchQuery, TransactionQuery, TxSummaryFragment,
} from '../generated/graphql';
import { defineResource as resource, registerResources } from './registry';

export type PageInfo = PageInfoFieldsFragment;
export type MemberRef = MemberRefFragment;
export type BlockSummary = BlockSummaryFragment;
export type TxSummary = TxSummaryFragment;
export type Log = NonNullable<TransactionQuery['transaction']>['logs'][number];
export type DecodedArg = NonNullable<Log['decoded']>['args'][number];
export type SearchResult = NonNullable<SearchQuery['search']>;
export type { ChainStatsMetric, Interval } from '../generated/graphql';

// Fragments the documents below share (codegen resolves `...Name` spreads across files).
graphql(`fragment PageInfoFields on PageInfo { hasNextPage endCursor }`);
graphql(`fragment MemberRef on Member { address name nameEn nameZh }`);
graphql(`fragment BlockSummary on Block { number hash timestamp miner txCount gasUsed sealer sealerLabel sealerMember { ...MemberRef } }`);
graphql(`fragment TxSummary on Transaction {
  hash blockNumber index timestamp from to value status methodId contractAddress
  fromMember { ...MemberRef } toMember { ...MemberRef } decodedCall { name source }
}`);
graphql(`fragment TxPage on TransactionConnection { edges { cursor node { ...TxSummary } } pageInfo { ...PageInfoFields } }`);
graphql(`fragment StatPointFields on StatPoint { date from to value }`);

export const resources = registerResources({
  /** The best names of a page's addresses, batched by lib/names.ts. */
  accountNames: resource(graphql(`query AccountNames($addresses: [String!]!) {
    accounts(addresses: $addresses) { address label labelSource }
  }`)),

  status: resource(graphql(`query Status {
    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash
      nativeCoin { symbol name decimals } internalTransactions chainName publicRpcUrl }
  }`)),

  /** Home headline figures: members from the alliance, all-time transactions from the daily aggregates. */
  headline: resource(graphql(`query Headline {
    alliance { memberCount }
    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { ...StatPointFields }
  }`)),

  blocks: resource(graphql(`query Blocks($first: Int, $after: String) {
    blocks(first: $first, after: $after) { edges { cursor node { ...BlockSummary } } pageInfo { ...PageInfoFields } }
  }`)),

  block: resource(graphql(`query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String, $txFilter: TransactionFilter) {
    block(number: $number, hash: $hash) {
      ...BlockSummary parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ...MemberRef }
      transactions(first: $txFirst, after: $txAfter, filter: $txFilter) { ...TxPage }
    }
    status { indexedHead }
  }`)),

  transactions: resource(graphql(`query Transactions($first: Int, $after: String, $address: String, $block: Int, $filter: TransactionFilter) {
    transactions(first: $first, after: $after, address: $address, block: $block, filter: $filter) { ...TxPage }
  }`)),

  transaction: resource(graphql(`query Transaction($hash: String!) {
    transaction(hash: $hash) {
      ...TxSummary nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type
      decodedCall { name source signature args { name value } }
      logs { logIndex address topics data decoded { name source signature args { name value } } }
      block { confirmations }
    }
  }`)),

  account: resource(graphql(`query Account($address: String!, $first: Int, $after: String, $filter: TransactionFilter) {
    account(address: $address) {
      address isContract txCount firstSeenBlock creationTx label labelSource operatorLabel { label note link }
      member { ...MemberRef country sector domestic admittedAt removedAt active patentCount outputValue }
      transactions(first: $first, after: $after, filter: $filter) { ...TxPage }
    }
  }`)),

  search: resource(graphql(`query Search($query: String!) {
    search(query: $query) {
      __typename
      ... on Block { number hash }
      ... on Transaction { hash }
      ... on Account { address }
      ... on Member { address name }
      ... on Token { address }
    }
  }`)),

  chainStats: resource(graphql(`query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {
    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { ...StatPointFields }
  }`)),

  /** Search-as-you-type suggestions of the header's search box. */
  searchSuggestions: resource(graphql(`query SearchSuggestions($query: String!, $first: Int) {
    searchSuggestions(query: $query, first: $first) { kind value label detail }
  }`)),

  /** The alliance KPI teaser on the home page (the full dashboard is the alliance engineer's). */
  kpiTeaser: resource(graphql(`query KpiTeaser {
    kpis { id current target progress expectedProgress status }
  }`)),
});

type ExplorerResources = typeof resources;
declare module './registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends ExplorerResources {}
}

/** Resources refreshed when a new block arrives (subscription) or on each poll. */
export const LIVE_RESOURCES: string[] = ['status', 'blocks', 'transactions', 'headline'];
