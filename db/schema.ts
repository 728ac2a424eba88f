// Kysely table types. Conventions, the same on SQLite and PostgreSQL:
// - hashes, addresses and hex data: lowercase 0x-hex text;
// - integers that fit in 2^53 (block numbers, timestamps, gas, counts): `number`;
// - integers that may not (wei, gas prices, uint256 amounts): decimal `string`, stored as
//   NUMERIC(78,0) on PostgreSQL and TEXT on SQLite, so nothing is ever rounded;
// - timestamps: unix seconds;
// - every row the indexer writes carries the block number that produced it, so a reorg
//   rolls back with `DELETE … WHERE block_number > ancestor`.
export interface BlocksTable {
  number: number;
  hash: string;
  parent_hash: string;
  timestamp: number;
  miner: string;
  gas_used: number;
  gas_limit: number;
  base_fee_per_gas: string | null;
  size: number;
  tx_count: number;
}

export interface TransactionsTable {
  hash: string;
  block_number: number;
  tx_index: number;
  timestamp: number;
  from_address: string;
  to_address: string | null;
  value: string;
  nonce: number;
  gas: number;
  gas_price: string | null;
  max_fee_per_gas: string | null;
  max_priority_fee_per_gas: string | null;
  type: number;
  input: string;
  status: number;
  gas_used: number;
  effective_gas_price: string;
  contract_address: string | null;
  /** Decoded registry call: function name and JSON of its arguments; null for others. */
  method_name: string | null;
  method_args: string | null;
}

/** A log; its transaction is transactions' (block_number, tx_index), whose hash is not repeated here. */
export interface LogsTable {
  block_number: number;
  log_index: number;
  tx_index: number;
  address: string;
  topic0: string | null;
  topic1: string | null;
  topic2: string | null;
  topic3: string | null;
  data: string;
  /** Decoded registry event: name and JSON of its arguments; null for others. */
  event_name: string | null;
  event_args: string | null;
}

/**
 * One row per (address, transaction) it takes part in: the account-history index. The
 * transaction is transactions' (block_number, tx_index); its hash is not repeated here.
 * Clustered by its key on SQLite (WITHOUT ROWID); no index on block_number: a rollback finds
 * the rows above the ancestor through the parties of the transactions it removes.
 */
export interface AddressTransactionsTable {
  address: string;
  block_number: number;
  tx_index: number;
}

export interface AccountsTable {
  address: string;
  first_seen_block: number;
  tx_count: number;
  is_contract: number;
  /** Transaction that created the contract, when it is one. */
  creation_tx: string | null;
}

/** Member admissions and removals; current membership is the latest event per member. */
export interface MemberEventsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  member: string;
  kind: 'admitted' | 'removed';
  name: string | null;
  country: string | null;
  sector: string | null;
  at: number;
}

export interface KpiTargetsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  kpi: string;
  target: string;
  period_start: number;
  period_end: number;
}

export interface PatentsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  member: string;
  application_no: string;
  title: string;
  filed_at: number;
}

export interface ScenariosTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  scenario_id: number;
  lead_member: string;
  name: string;
  sector: string;
  launched_at: number;
}

export interface ScenarioStagesTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  scenario_id: number;
  stage: number;
  at: number;
}

export interface OutputReportsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  member: string;
  period: number;
  amount_cny: string;
  at: number;
}

/** Per-UTC-day chain aggregates for charts; `day` is days since the unix epoch. */
export interface DailyStatsTable {
  day: number;
  block_count: number;
  tx_count: number;
  gas_used: number;
  first_block_time: number;
  last_block_time: number;
  /** Distinct senders/recipients of the day. */
  active_accounts: number;
  /** Of those, the ones not active earlier in the same ISO week, month, quarter: a bucket's distinct count is their sum over its days (indexer/active-accounts.ts). */
  active_week: number;
  active_month: number;
  active_quarter: number;
}

/** Distinct senders/recipients per day, kept only from the oldest calendar bucket still open at the head on (`activeHorizon`), the source of daily_stats' counts. */
export interface DailyActiveAccountsTable {
  day: number;
  address: string;
}

/** The indexer's single-row checkpoint; committed in the same transaction as its batch. */
export interface IndexerStateTable {
  id: number;
  chain_id: number;
  registry: string | null;
  last_block: number;
  last_hash: string;
  chain_head: number;
  updated_at: number;
  /** parity (trace_block), debug (callTracer) or none; null before the indexer first ran. */
  trace_method: string | null;
  /** The block from which balance history is exact; null while it is not known to be. */
  balances_exact_from: number | null;
}

/** SQLite's single-writer lock row (PostgreSQL uses pg_advisory_lock instead). */
export interface IndexerLockTable {
  id: number;
  owner: string;
  pid: number;
  heartbeat_at: number;
}

// --- accounts and tokens ---

/** Native balance after a block that touched the address. */
export interface CoinBalancesTable {
  address: string;
  block_number: number;
  balance: string;
}

/** The latest coin_balances row per address; `sort_key` is the balance zero-padded to 78 digits. */
export interface AccountBalancesTable {
  address: string;
  block_number: number;
  balance: string;
  sort_key: string;
}

export type TokenTypeName = 'ERC20' | 'ERC721' | 'ERC1155';

export interface TokensTable {
  address: string;
  type: TokenTypeName;
  name: string | null;
  symbol: string | null;
  decimals: number | null;
  total_supply: string | null;
  holder_count: number;
  transfer_count: number;
  first_seen_block: number;
}

export interface TokenSuppliesTable {
  token: string;
  block_number: number;
  total_supply: string | null;
}

export interface TokenIssuesTable {
  token: string;
  block_number: number;
  issue: string;
}

/** token_id: decimal id, '' for ERC-20. */
export interface TokenTransfersTable {
  block_number: number;
  log_index: number;
  batch_index: number;
  tx_hash: string;
  tx_index: number;
  timestamp: number;
  token: string;
  type: TokenTypeName;
  from_address: string;
  to_address: string;
  value: string;
  token_id: string;
}

/** balanceOf as read after a block that touched the holding; null when it could not be read. */
export interface TokenBalancesTable {
  token: string;
  holder: string;
  token_id: string;
  block_number: number;
  balance: string | null;
}

/** The latest readable non-zero token_balances row per (token, holder, token_id). */
export interface TokenHoldingsTable {
  token: string;
  holder: string;
  token_id: string;
  block_number: number;
  balance: string;
  sort_key: string;
}

export interface InternalTransactionsTable {
  block_number: number;
  tx_index: number;
  idx: number;
  tx_hash: string;
  timestamp: number;
  trace_address: string;
  depth: number;
  call_type: string;
  from_address: string;
  to_address: string | null;
  value: string;
  gas_used: number;
  error: string | null;
}

export interface TracedBlocksTable {
  block_number: number;
}

/** Runtime code of a contract after the block that created it (eth_getCode; '0x' when none). */
export interface ContractCodeTable {
  address: string;
  block_number: number;
  tx_hash: string;
  code: string;
}

// --- sealers and nodes ---
/** Who sealed each block, by the chain's consensus (Clique signer, BFT proposer, coinbase). */
export interface BlockSealersTable {
  block_number: number;
  timestamp: number;
  sealer: string;
}

/** NodeRegistered / NodeDeregistered from the configured registry. */
export interface NodeEventsTable {
  block_number: number;
  log_index: number;
  tx_hash: string;
  member: string;
  node: string;
  kind: 'registered' | 'deregistered';
  label: string | null;
  at: number;
}

/** The validator set stated by the headers (JSON array of addresses), where it changes. */
export interface ValidatorSetsTable {
  block_number: number;
  validators: string;
}

/** A vote to add (1) or drop (0) a validator, carried by a header. */
export interface ValidatorVotesTable {
  block_number: number;
  proposer: string;
  candidate: string;
  add: number;
}

/** Single row: the sealing scheme detected for this chain. */
export interface ConsensusTable {
  id: number;
  scheme: string;
  detected_at_block: number;
}

// --- verified contracts ---
export type MatchKind = 'full' | 'partial';

/** A contract whose source was verified; written by `yuscan serve`, never by the indexer. */
export interface VerifiedContractsTable {
  address: string;
  contract_name: string;
  fully_qualified_name: string;
  /** Long form, e.g. v0.8.24+commit.e11b9ed9. */
  compiler_version: string;
  match_kind: MatchKind;
  /** JSON ABI. */
  abi: string;
  /** JSON of the standard-JSON settings. */
  settings: string;
  /** JSON { path: content }. */
  sources: string;
  /** Hex without 0x, as Etherscan shows it. */
  constructor_args: string;
  creation_tx: string | null;
  license: string | null;
  verified_at: number;
  /** How the creation input and the deployed code matched, apart (null on rows older than that). */
  creation_match: MatchKind | null;
  runtime_match: MatchKind | null;
}

/** One verifysourcecode submission; checkverifystatus reads it by guid. */
export interface VerificationJobsTable {
  guid: string;
  address: string;
  state: 'pending' | 'pass' | 'fail';
  reason: string | null;
  match_kind: MatchKind | null;
  created_at: number;
  finished_at: number | null;
  /** Who submitted it (the client's address as the server sees it): the per-client limits count these. */
  client: string | null;
  /** The request as JSON, so a restarted server can run a job still pending. */
  request: string | null;
  started_at: number | null;
  compile_ms: number | null;
}
// --- end verified contracts ---

/** How fetching a token id's metadata ended. */
export type MetadataStatusName = 'OK' | 'PENDING' | 'NOT_FOUND' | 'ERROR' | 'BLOCKED' | 'TOO_LARGE' | 'INVALID';

/** A token id's metadata as `yuscan serve` last fetched it (tokenURI / uri, then the document). */
export interface TokenMetadataTable {
  token: string;
  /** Decimal. */
  token_id: string;
  status: MetadataStatusName;
  /** The URI the contract returned ({id} substituted); null when the call failed. */
  uri: string | null;
  /** The metadata document (JSON text) when it parsed. */
  metadata: string | null;
  /** Where the image is, resolved (http(s) or data:); served to browsers only through /media. */
  image_url: string | null;
  error: string | null;
  fetched_at: number;
}

// --- the table catalogue ---
// Every table the migrations create, once, with what each kind of whole-database work needs
// to know about it. `Database` (Kysely's view of the schema) and every list of tables (the
// reset for another chain, a reorg's rollback, the bench copy, the tests' checksums) derive
// from it, so a new table is named in one place and cannot be left out of any of them.

/** The part of the product whose rows a table holds. */
export type TableGroup = 'chain' | 'alliance' | 'accounts' | 'sealing' | 'code' | 'indexer' | 'verification' | 'metadata';

export interface TableSpec {
  group: TableGroup;
  /**
   * Tables keyed by block number: the column a reorg rollback deletes above the common
   * ancestor. Null for the rest, which the rollback rebuilds from what remains (counters,
   * current balances, daily aggregates) or leaves alone (not chain data).
   */
  blockColumn: 'block_number' | 'number' | null;
  /** Columns that identify a row, and so order a dump of the table. */
  key: readonly string[];
  /**
   * Whether the rows are a function of the indexed chain alone, so two indexings of the same
   * chain hold the same rows: false for bookkeeping (checkpoint time, lock, verification
   * submissions) and for validator_sets, which repeats the set at the start of every batch.
   */
  checksum: boolean;
}

declare const ROW: unique symbol;
/** A table's spec, carrying its row type for `Database`. */
type Table<Row> = TableSpec & { readonly [ROW]?: Row };
const table = <Row>(spec: TableSpec): Table<Row> => spec;

const blockRow = <Row>(group: TableGroup, ...key: string[]): Table<Row> =>
  table<Row>({ group, blockColumn: 'block_number', key: ['block_number', ...key], checksum: true });

export const TABLES = {
  blocks: table<BlocksTable>({ group: 'chain', blockColumn: 'number', key: ['number'], checksum: true }),
  transactions: table<TransactionsTable>({ group: 'chain', blockColumn: 'block_number', key: ['hash'], checksum: true }),
  logs: blockRow<LogsTable>('chain', 'log_index'),
  address_transactions: table<AddressTransactionsTable>({ group: 'chain', blockColumn: 'block_number', key: ['address', 'block_number', 'tx_index'], checksum: true }),
  accounts: table<AccountsTable>({ group: 'chain', blockColumn: null, key: ['address'], checksum: true }),
  daily_stats: table<DailyStatsTable>({ group: 'chain', blockColumn: null, key: ['day'], checksum: true }),
  daily_active_accounts: table<DailyActiveAccountsTable>({ group: 'chain', blockColumn: null, key: ['day', 'address'], checksum: true }),

  member_events: blockRow<MemberEventsTable>('alliance', 'log_index'),
  kpi_targets: blockRow<KpiTargetsTable>('alliance', 'log_index'),
  patents: blockRow<PatentsTable>('alliance', 'log_index'),
  scenarios: blockRow<ScenariosTable>('alliance', 'log_index'),
  scenario_stages: blockRow<ScenarioStagesTable>('alliance', 'log_index'),
  output_reports: blockRow<OutputReportsTable>('alliance', 'log_index'),

  coin_balances: table<CoinBalancesTable>({ group: 'accounts', blockColumn: 'block_number', key: ['address', 'block_number'], checksum: true }),
  account_balances: table<AccountBalancesTable>({ group: 'accounts', blockColumn: null, key: ['address'], checksum: true }),
  tokens: table<TokensTable>({ group: 'accounts', blockColumn: null, key: ['address'], checksum: true }),
  token_supplies: table<TokenSuppliesTable>({ group: 'accounts', blockColumn: 'block_number', key: ['token', 'block_number'], checksum: true }),
  token_issues: table<TokenIssuesTable>({ group: 'accounts', blockColumn: 'block_number', key: ['token', 'block_number', 'issue'], checksum: true }),
  token_transfers: blockRow<TokenTransfersTable>('accounts', 'log_index', 'batch_index'),
  token_balances: table<TokenBalancesTable>({ group: 'accounts', blockColumn: 'block_number', key: ['token', 'holder', 'token_id', 'block_number'], checksum: true }),
  token_holdings: table<TokenHoldingsTable>({ group: 'accounts', blockColumn: null, key: ['token', 'holder', 'token_id'], checksum: true }),
  internal_transactions: blockRow<InternalTransactionsTable>('accounts', 'tx_index', 'idx'),
  traced_blocks: blockRow<TracedBlocksTable>('accounts'),

  contract_code: table<ContractCodeTable>({ group: 'code', blockColumn: 'block_number', key: ['address', 'block_number'], checksum: true }),

  block_sealers: blockRow<BlockSealersTable>('sealing'),
  node_events: blockRow<NodeEventsTable>('sealing', 'log_index'),
  validator_sets: table<ValidatorSetsTable>({ group: 'sealing', blockColumn: 'block_number', key: ['block_number'], checksum: false }),
  validator_votes: blockRow<ValidatorVotesTable>('sealing'),
  // The scheme is the chain's, decided once: a reorg does not change it.
  consensus: table<ConsensusTable>({ group: 'sealing', blockColumn: null, key: ['id'], checksum: true }),

  indexer_state: table<IndexerStateTable>({ group: 'indexer', blockColumn: null, key: ['id'], checksum: false }),
  indexer_lock: table<IndexerLockTable>({ group: 'indexer', blockColumn: null, key: ['id'], checksum: false }),

  verified_contracts: table<VerifiedContractsTable>({ group: 'verification', blockColumn: null, key: ['address'], checksum: false }),
  verification_jobs: table<VerificationJobsTable>({ group: 'verification', blockColumn: null, key: ['guid'], checksum: false }),

  token_metadata: table<TokenMetadataTable>({ group: 'metadata', blockColumn: null, key: ['token', 'token_id'], checksum: false }),
};

export type TableName = keyof typeof TABLES;

/** Kysely's view of the schema: each catalogued table with its row type. */
export type Database = { [T in TableName]: (typeof TABLES)[T] extends Table<infer Row> ? Row : never };

/** Every table, in catalogue order. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The tables a reorg rollback deletes from above the ancestor, with their block column, of the groups `inGroup` takes. */
export function blockKeyedTables(inGroup: (group: TableGroup) => boolean): { name: TableName; column: 'block_number' | 'number' }[] {
  return TABLE_NAMES.flatMap((name) => {
    const { group, blockColumn } = TABLES[name];
    return blockColumn && inGroup(group) ? [{ name, column: blockColumn }] : [];
  });
}
