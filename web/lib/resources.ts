// The explorer's API resources in the ONE typed registry (./registry.ts). Each entry: the
// GraphQL document, its variables type and its result type. Components never write GraphQL
// inline: they call useResource('<name>', vars) (lib/hooks.ts) or a domain hook built on it.
//
// To add one: write its types, add `name: defineResource<Vars, Data>(\`query ...\`)` below,
// and (optionally) list it in LIVE_RESOURCES so new blocks refresh it.
import { defineResource as resource, registerResources } from './registry';

// ---------- API types (mirror schema.graphql; BigInt scalars are decimal strings) ----------

export type BigIntString = string;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export interface Status {
  chainId: number;
  isDevnet: boolean;
  chainHead: number;
  indexedHead: number;
  lag: number;
  syncing: boolean;
  registry: string | null;
  latestBlockTime: number | null;
  latestBlockHash: string | null;
  nativeCoin: { symbol: string; name: string; decimals: number };
  internalTransactions: 'AVAILABLE' | 'UNAVAILABLE';
}

/** The member fields shown next to an address. */
export interface MemberRef {
  address: string;
  name: string;
  nameEn: string;
  nameZh: string;
}

export interface Member extends MemberRef {
  country: string;
  sector: string;
  domestic: boolean;
  admittedAt: number;
  removedAt: number | null;
  active: boolean;
  patentCount: number;
  outputValue: BigIntString;
}

export interface BlockSummary {
  number: number;
  hash: string;
  timestamp: number;
  miner: string;
  txCount: number;
  gasUsed: BigIntString;
}

export interface Block extends BlockSummary {
  parentHash: string;
  gasLimit: BigIntString;
  baseFeePerGas: BigIntString | null;
  size: number;
  confirmations: number;
  finalized: boolean;
  minerMember: MemberRef | null;
}

export type TxStatus = 'SUCCESS' | 'FAILED';

export interface DecodedArg {
  name: string;
  value: string;
}
export interface DecodedCall {
  name: string;
  args: DecodedArg[];
}

export interface TxSummary {
  hash: string;
  blockNumber: number;
  index: number;
  timestamp: number;
  from: string;
  to: string | null;
  value: BigIntString;
  status: TxStatus;
  methodId: string | null;
  contractAddress: string | null;
  fromMember: MemberRef | null;
  toMember: MemberRef | null;
  decodedCall: { name: string } | null;
}

export interface Log {
  logIndex: number;
  address: string;
  topics: string[];
  data: string;
  decoded: DecodedCall | null;
}

export interface Transaction extends Omit<TxSummary, 'decodedCall'> {
  nonce: number;
  gas: BigIntString;
  gasUsed: BigIntString;
  gasPrice: BigIntString | null;
  maxFeePerGas: BigIntString | null;
  maxPriorityFeePerGas: BigIntString | null;
  effectiveGasPrice: BigIntString;
  fee: BigIntString;
  input: string;
  type: number;
  decodedCall: DecodedCall | null;
  logs: Log[];
  block: { confirmations: number };
}

export interface Account {
  address: string;
  isContract: boolean;
  txCount: number;
  firstSeenBlock: number | null;
  creationTx: string | null;
  member: Member | null;
}

export type SearchResult =
  | { __typename: 'Block'; number: number; hash: string }
  | { __typename: 'Transaction'; hash: string }
  | { __typename: 'Account'; address: string }
  | { __typename: 'Member'; address: string; name: string };

export type Interval = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';
export type ChainStatsMetric = 'TRANSACTIONS' | 'BLOCKS' | 'AVG_BLOCK_TIME' | 'GAS_USED' | 'ACTIVE_ACCOUNTS';
export interface StatPoint {
  date: string;
  from: number;
  to: number;
  value: number;
}

// ---------- resources ----------

const BLOCK_SUMMARY = `number hash timestamp miner txCount gasUsed`;
const MEMBER_REF = `address name nameEn nameZh`;
const TX_SUMMARY = `hash blockNumber index timestamp from to value status methodId contractAddress
  fromMember { ${MEMBER_REF} } toMember { ${MEMBER_REF} } decodedCall { name }`;
const TX_PAGE = `edges { cursor node { ${TX_SUMMARY} } } pageInfo { hasNextPage endCursor }`;
type Page = { first?: number; after?: string | null };

export const resources = registerResources({
  status: resource<Record<string, never>, { status: Status }>(`query Status {
    status { chainId isDevnet chainHead indexedHead lag syncing registry latestBlockTime latestBlockHash
      nativeCoin { symbol name decimals } internalTransactions }
  }`),

  /** Home headline figures: members from the alliance, all-time transactions from the daily aggregates. */
  headline: resource<Record<string, never>, { alliance: { memberCount: number }; txTotals: StatPoint[] }>(`query Headline {
    alliance { memberCount }
    txTotals: chainStats(metric: TRANSACTIONS, interval: QUARTER, from: 0) { date from to value }
  }`),

  blocks: resource<Page, { blocks: Connection<BlockSummary> }>(`query Blocks($first: Int, $after: String) {
    blocks(first: $first, after: $after) { edges { cursor node { ${BLOCK_SUMMARY} } } pageInfo { hasNextPage endCursor } }
  }`),

  block: resource<{ number?: number; hash?: string; txFirst?: number; txAfter?: string | null }, {
    block: (Block & { transactions: Connection<TxSummary> }) | null;
    status: Pick<Status, 'indexedHead'>;
  }>(`query Block($number: Int, $hash: String, $txFirst: Int, $txAfter: String) {
    block(number: $number, hash: $hash) {
      ${BLOCK_SUMMARY} parentHash gasLimit baseFeePerGas size confirmations finalized minerMember { ${MEMBER_REF} }
      transactions(first: $txFirst, after: $txAfter) { ${TX_PAGE} }
    }
    status { indexedHead }
  }`),

  transactions: resource<Page & { address?: string; block?: number }, { transactions: Connection<TxSummary> }>(`query Transactions($first: Int, $after: String, $address: String, $block: Int) {
    transactions(first: $first, after: $after, address: $address, block: $block) { ${TX_PAGE} }
  }`),

  transaction: resource<{ hash: string }, { transaction: Transaction | null }>(`query Transaction($hash: String!) {
    transaction(hash: $hash) {
      ${TX_SUMMARY} nonce gas gasUsed gasPrice maxFeePerGas maxPriorityFeePerGas effectiveGasPrice fee input type
      decodedCall { name args { name value } }
      logs { logIndex address topics data decoded { name args { name value } } }
      block { confirmations }
    }
  }`),

  account: resource<{ address: string } & Page, { account: (Account & { transactions: Connection<TxSummary> }) | null }>(`query Account($address: String!, $first: Int, $after: String) {
    account(address: $address) {
      address isContract txCount firstSeenBlock creationTx
      member { ${MEMBER_REF} country sector domestic admittedAt removedAt active patentCount outputValue }
      transactions(first: $first, after: $after) { ${TX_PAGE} }
    }
  }`),

  search: resource<{ query: string }, { search: SearchResult | null }>(`query Search($query: String!) {
    search(query: $query) {
      __typename
      ... on Block { number hash }
      ... on Transaction { hash }
      ... on Account { address }
      ... on Member { address name }
    }
  }`),

  chainStats: resource<{ metric: ChainStatsMetric; interval: Interval; from?: number; to?: number }, { chainStats: StatPoint[] }>(`query ChainStats($metric: ChainStatsMetric!, $interval: Interval, $from: Timestamp, $to: Timestamp) {
    chainStats(metric: $metric, interval: $interval, from: $from, to: $to) { date from to value }
  }`),

  searchSuggestions: resource<{ query: string; first?: number }, { searchSuggestions: { kind: 'BLOCK' | 'TRANSACTION' | 'ADDRESS' | 'MEMBER' | 'TOKEN'; value: string; label: string; detail: string | null }[] }>(`query SearchSuggestions($query: String!, $first: Int) {
    searchSuggestions(query: $query, first: $first) { kind value label detail }
  }`),

  /** The alliance KPI teaser on the home page (the full dashboard is the alliance engineer's). */
  kpiTeaser: resource<Record<string, never>, { kpis: { id: string; current: BigIntString; target: BigIntString; progress: number; expectedProgress: number; status: string }[] }>(`query KpiTeaser {
    kpis { id current target progress expectedProgress status }
  }`),
});

type ExplorerResources = typeof resources;
declare module './registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends ExplorerResources {}
}

/** Resources refreshed when a new block arrives (subscription) or on each poll. */
export const LIVE_RESOURCES: string[] = ['status', 'blocks', 'transactions', 'headline'];
