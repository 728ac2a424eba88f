// The help text, apart from the validating parser: `yuscan --help` prints it without
// loading zod or anything else.
import { DEFAULT_DATABASE_URL, DEFAULT_PORT, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_VERIFY_LIMITS as V } from './constants';

/** `yuscan`, `yuscan help`, `--help`, `-h`. */
export function isHelp(command: string | undefined): boolean {
  return command === undefined || command === 'help' || command === '--help' || command === '-h';
}

export const USAGE = `yuscan — explorer and alliance-KPI dashboard for Yu Express Chain

Usage:
  yuscan start   [--rpc URL] [--db URL] [--port 4000] [--registry 0x..] [--rate-limit N] [--trust-proxy LIST]
                 [--devnet-port 8545] [--seed 1] [--history full|none] [--block-time-ms 2000]
                 [--genesis FILE] [--trace-method auto|parity|debug|none]
  yuscan devnet  [--port 8545] [--seed 1] [--history full|none] [--block-time-ms 2000]
  yuscan index   --rpc URL [--db URL] [--registry 0x..] [--from N] [--confirmations N] [--once]
                 [--metrics-port N] [--genesis FILE] [--trace-method auto|parity|debug|none]
  yuscan serve   [--db URL] [--port 4000] [--rpc URL] [--rate-limit 1200] [--trust-proxy loopback]
                 [--coin-symbol S] [--coin-name N] [--coin-decimals 18] [--workers 1]
                 [--verify-pending-per-client ${V.pendingPerClient}] [--verify-per-minute ${V.submissionsPerMinute}] [--verify-queue ${V.queueSize}]
                 [--verify-max-source-bytes ${V.maxSourceBytes}] [--verify-compile-timeout ${V.compileTimeoutMs / 1000}] [--compilers-dir DIR]
  yuscan migrate [--db URL]
  yuscan compilers [--compilers-dir DIR] [--json]

Environment: RPC_URL, DATABASE_URL (default ${DEFAULT_DATABASE_URL}), PORT (default ${DEFAULT_PORT}),
ALLIANCE_REGISTRY, START_BLOCK, CONFIRMATIONS, RATE_LIMIT (requests a minute per client, 0 = off,
default ${DEFAULT_RATE_LIMIT_PER_MINUTE}), TRUST_PROXY (default loopback), WORKERS (serve's processes, default 1),
METRICS_PORT, GENESIS_FILE, TRACE_METHOD (default auto), LOG_LEVEL,
NATIVE_COIN_SYMBOL, NATIVE_COIN_NAME, NATIVE_COIN_DECIMALS (start and serve also take --coin-symbol,
--coin-name, --coin-decimals), VALIDATOR_OFFLINE_TURNS (default 3), VALIDATOR_ROTATION_WINDOW (default 1000),
VERIFY_PENDING_PER_CLIENT, VERIFY_PER_MINUTE, VERIFY_QUEUE, VERIFY_MAX_SOURCE_BYTES, VERIFY_COMPILE_TIMEOUT (seconds)
and SOLC_COMPILERS_DIR (serve and start; the flags above).`;
