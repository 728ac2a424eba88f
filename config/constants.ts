// Fixed facts shared by the devnet, indexer, API and web app. Browser-safe: no env here.

/** The chain the explorer is for (the wallet name of any chain but the devnet and Ethereum). */
export const CHAIN_NAME = 'Yu Express Chain';

/** Chain id of the embedded demo network; the UI shows the "simulated data" banner on it. */
export const DEVNET_CHAIN_ID = 20200414;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/yuscan.db';
export const DEFAULT_PORT = 4000;
/** Requests a minute per client on /graphql unless RATE_LIMIT / --rate-limit says otherwise. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;
/** Missed turns after which a sealer reads OFFLINE (VALIDATOR_OFFLINE_TURNS). */
export const DEFAULT_VALIDATOR_OFFLINE_TURNS = 3;
/** Recent blocks over which the validators in the rotation are counted (VALIDATOR_ROTATION_WINDOW). */
export const DEFAULT_VALIDATOR_ROTATION_WINDOW = 1000;

/** The alliance's launch day (Yuzhong District, Chongqing). */
export const ALLIANCE_LAUNCH_DATE = '2020-04-14';

/** KPI keys as stored on chain: the ASCII name right-padded to 32 bytes. */
export const KPI_KEYS = ['patents', 'scenarios', 'outputValue', 'members'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** A chain's native coin, as the explorer names it. */
export interface NativeCoin {
  symbol: string;
  name: string;
  decimals: number;
}

/** The devnet's own coin: never "ETH" on a chain that is not Ethereum. */
export const DEVNET_NATIVE_COIN: NativeCoin = { symbol: 'YU', name: 'Yu', decimals: 18 };
/** Ethereum mainnet's. */
export const ETHEREUM_NATIVE_COIN: NativeCoin = { symbol: 'ETH', name: 'Ether', decimals: 18 };
/** Any other chain with no NATIVE_COIN_* configuration: a neutral name, 18 decimals as on every EVM chain. */
export const UNNAMED_NATIVE_COIN: NativeCoin = { symbol: 'COIN', name: 'Native coin', decimals: 18 };

/** What one client, and everyone together, may ask of source verification (serve's VERIFY_* settings). */
export interface VerifyLimits {
  /** Jobs of one client that may wait or run at a time. */
  pendingPerClient: number;
  /** Submissions one client may make in a minute. */
  submissionsPerMinute: number;
  /** Jobs waiting or running, of all clients together; beyond it, "busy, retry later". */
  queueSize: number;
  /** Largest total size of a submission's sources, in bytes: refused before compiling. */
  maxSourceBytes: number;
  /** A compilation running longer is stopped, its worker thread killed. */
  compileTimeoutMs: number;
}

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  pendingPerClient: 5,
  submissionsPerMinute: 10,
  queueSize: 50,
  maxSourceBytes: 2_000_000,
  compileTimeoutMs: 60_000,
};

/** Rows one CSV export of a transaction list holds at most (GET /export/transactions.csv); the web app says so beside the link. */
export const TX_EXPORT_CAP = 10_000;
