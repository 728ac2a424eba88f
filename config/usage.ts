// Every command's flags, with their environment variables, defaults and what they do: the
// help text is written from this table, and config/index.ts validates the same flags with
// zod. Kept apart from the validating parser so that `--help` prints without loading zod.
import {
  DEFAULT_DATABASE_URL, DEFAULT_PORT, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_VALIDATOR_OFFLINE_TURNS, DEFAULT_VALIDATOR_ROTATION_WINDOW,
  DEFAULT_VERIFY_LIMITS as V,
} from './constants';

export interface Flag {
  /** The environment variable that sets it when the flag is absent. */
  env?: string;
  default?: string | number | boolean;
  /** What the flag takes, as shown in the help (e.g. URL); absent for an on/off switch. */
  value?: string;
  /** Shown outside the brackets of the usage line (the command checks for it). */
  required?: true;
  doc: string;
}

const db: Flag = { env: 'DATABASE_URL', value: 'URL', default: DEFAULT_DATABASE_URL, doc: 'the database: sqlite:PATH or postgres://user@host:port/db' };
const registry: Flag = { env: 'ALLIANCE_REGISTRY', value: '0x..', doc: 'the AllianceRegistry contract whose events count; the devnet finds its own' };
const from: Flag = { env: 'START_BLOCK', value: 'N', default: 0, doc: 'first block to index' };
const confirmations: Flag = { env: 'CONFIRMATIONS', value: 'N', default: 0, doc: 'blocks to stay behind the head' };
const genesis: Flag = { env: 'GENESIS_FILE', value: 'FILE', doc: "a geth-style genesis JSON whose alloc are the balances at block 0" };
const traceMethod: Flag = {
  env: 'TRACE_METHOD', value: 'auto|parity|debug|none', default: 'auto',
  doc: 'how internal transactions are traced: trace_block, debug_traceBlockByNumber, not at all, or the first the node answers',
};
const seed: Flag = { value: 'N', default: 1, doc: "the devnet's simulation seed" };
const history: Flag = { value: 'full|none', default: 'full', doc: "simulate the alliance's history since 2020-04-14, or start empty" };
const blockTimeMs: Flag = { value: 'MS', default: 2000, doc: 'milliseconds between live devnet blocks, at least 100' };
const port: Flag = { env: 'PORT', value: 'N', default: DEFAULT_PORT, doc: 'HTTP port of the API and web' };
const rateLimit: Flag = { env: 'RATE_LIMIT', value: 'N', default: DEFAULT_RATE_LIMIT_PER_MINUTE, doc: 'requests a minute per client on /graphql; 0 turns it off' };
const trustProxy: Flag = {
  env: 'TRUST_PROXY', value: 'LIST', default: 'loopback',
  doc: 'proxies whose X-Forwarded-For to believe: true, false, a hop count, or addresses, subnets and loopback/linklocal/uniquelocal',
};
const publicRpcUrl: Flag = {
  env: 'PUBLIC_RPC_URL', value: 'URL',
  doc: "the chain's public JSON-RPC URL, offered to wallets (Add to wallet, the Write tab); start on the devnet: the devnet's own",
};
const labels: Flag = { env: 'LABELS_FILE', value: 'FILE', doc: 'names for addresses: CSV (header address,label[,note][,link]) or a JSON array of the same' };
const coin = {
  'coin-symbol': { env: 'NATIVE_COIN_SYMBOL', value: 'S', doc: "the native coin's symbol; without it YU on the devnet, ETH on Ethereum, else COIN" },
  'coin-name': { env: 'NATIVE_COIN_NAME', value: 'NAME', doc: "the native coin's name; without it the symbol" },
  'coin-decimals': { env: 'NATIVE_COIN_DECIMALS', value: 'N', doc: "the native coin's decimals; without it 18" },
} satisfies Record<string, Flag>;

const compilersDir: Flag = { env: 'SOLC_COMPILERS_DIR', value: 'DIR', doc: 'a folder of soljson-v<version>+commit.<hash>.js files, besides the npm solc builds' };
/** Source verification's limits (serve and start): per client, for everyone, and per job. */
const verify = {
  'verify-pending-per-client': { env: 'VERIFY_PENDING_PER_CLIENT', value: 'N', default: V.pendingPerClient, doc: 'verification jobs one client may have waiting or running' },
  'verify-per-minute': { env: 'VERIFY_PER_MINUTE', value: 'N', default: V.submissionsPerMinute, doc: 'verification submissions one client may make a minute' },
  'verify-queue': { env: 'VERIFY_QUEUE', value: 'N', default: V.queueSize, doc: 'verification jobs waiting or running, all clients together; beyond it "busy, retry later"' },
  'verify-max-source-bytes': { env: 'VERIFY_MAX_SOURCE_BYTES', value: 'N', default: V.maxSourceBytes, doc: 'largest total size of a submission\'s sources, refused before compiling' },
  'verify-compile-timeout': { env: 'VERIFY_COMPILE_TIMEOUT', value: 'SECONDS', default: V.compileTimeoutMs / 1000, doc: 'a compilation running longer is stopped, its worker killed' },
  'compilers-dir': compilersDir,
} satisfies Record<string, Flag>;

/** Settings read from the environment only. */
const LOG_LEVEL: [string, string] = ['LOG_LEVEL', 'fatal, error, warn, info, debug, trace or silent (default info)'];
const METADATA_ENV: [string, string][] = [
  ['IPFS_GATEWAY', 'the gateway that ipfs:// token metadata and media are fetched through (default https://ipfs.io/)'],
  ['METADATA_ALLOW_PRIVATE', 'true: fetch token metadata from private, loopback and link-local addresses too (default false)'],
];
const VALIDATOR_ENV: [string, string][] = [
  ['VALIDATOR_OFFLINE_TURNS', `missed turns after which a sealer reads OFFLINE (default ${DEFAULT_VALIDATOR_OFFLINE_TURNS})`],
  ['VALIDATOR_ROTATION_WINDOW', `recent blocks over which the validators in the rotation are counted (default ${DEFAULT_VALIDATOR_ROTATION_WINDOW})`],
];

export const COMMANDS = {
  start: {
    summary: 'everything at once: the embedded devnet (unless --rpc), the indexer, and the API + web; prints the URL',
    flags: {
      rpc: { env: 'RPC_URL', value: 'URL', doc: 'index this JSON-RPC node instead of starting the devnet' },
      db, port, 'rate-limit': rateLimit, 'trust-proxy': trustProxy, registry, from, confirmations, genesis, 'trace-method': traceMethod,
      'devnet-port': { value: 'N', default: 8545, doc: "the devnet's RPC port" },
      seed, history, 'block-time-ms': blockTimeMs, ...coin, 'public-rpc-url': publicRpcUrl, ...verify, labels,
    },
    env: [['LOG_LEVEL', 'fatal, error, warn, info, debug, trace or silent (default warn: the progress line says the rest)'], ...VALIDATOR_ENV, ...METADATA_ENV],
  },
  devnet: {
    summary: 'the demo chain alone; prints its RPC URL, chain id and registry address',
    flags: { port: { value: 'N', default: 8545, doc: 'RPC port' }, seed, history, 'block-time-ms': blockTimeMs },
    env: [LOG_LEVEL],
  },
  index: {
    summary: 'follow a chain into the database (the writer; a second one on PostgreSQL waits as a standby)',
    flags: {
      rpc: { env: 'RPC_URL', value: 'URL', required: true, doc: 'the JSON-RPC node to follow, http(s):// or ws(s)://' },
      db, registry, from, confirmations,
      once: { default: false, doc: 'exit 0 once caught up with the head' },
      'metrics-port': { env: 'METRICS_PORT', value: 'N', doc: "serve the indexer's Prometheus metrics on this port" },
      genesis, 'trace-method': traceMethod,
    },
    env: [LOG_LEVEL],
  },
  serve: {
    summary: 'the API + web over an existing database, read-only for chain data',
    flags: {
      db, port,
      rpc: { env: 'RPC_URL', value: 'URL', doc: 'a node for read calls of verified contracts and deployed-code checks' },
      ...coin, 'public-rpc-url': publicRpcUrl, 'rate-limit': rateLimit, 'trust-proxy': trustProxy,
      workers: { env: 'WORKERS', value: 'N', default: 1, doc: 'server processes sharing the port, 1 to 64' },
      ...verify,
      labels,
    },
    env: [LOG_LEVEL, ...VALIDATOR_ENV, ...METADATA_ENV],
  },
  migrate: {
    summary: 'create or upgrade the schema',
    flags: { db },
    env: [LOG_LEVEL],
  },
  compilers: {
    summary: 'list the solc versions available for source verification',
    flags: { 'compilers-dir': compilersDir, json: { default: false, doc: 'print JSON instead of a list' } },
    env: [LOG_LEVEL],
  },
  audit: {
    summary: 'recompute every KPI straight from the node\'s logs, with no database; exit 1 on any difference',
    flags: {
      rpc: { env: 'RPC_URL', value: 'URL', required: true, doc: 'the JSON-RPC node whose logs are read' },
      registry: { env: 'ALLIANCE_REGISTRY', value: '0x..', doc: 'the AllianceRegistry contract (not needed with --evidence)' },
      period: { value: 'ID', doc: 'one plan period, YYYY-MM-DD_YYYY-MM-DD (default: every period)' },
      at: { value: 'BLOCK', doc: "the block to audit at (default: the node's latest, or with --against the API's indexed head)" },
      json: { default: false, doc: 'print JSON instead of a table' },
      against: { value: 'URL', doc: 'a running yuscan (http://host:port) whose figures and evidence to compare' },
      evidence: { value: 'FILE', doc: 'a downloaded evidence file (JSON) to prove record by record' },
    },
    env: [LOG_LEVEL],
  },
} satisfies Record<string, { summary: string; flags: Record<string, Flag>; env: [string, string][] }>;

export type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);
const isHelpFlag = (arg: string) => arg === '--help' || arg === '-h';

/** Lines of two columns, the second aligned. */
function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  return rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`).join('\n');
}

function flagLabel(name: string, flag: Flag): string {
  return flag.value ? `--${name} ${flag.value}` : `--${name}`;
}

function usageLine(name: CommandName): string {
  const required = Object.entries(COMMANDS[name].flags as Record<string, Flag>).filter(([, spec]) => spec.required);
  return ['yuscan', name, ...required.map(([f, spec]) => flagLabel(f, spec)), '[flags]'].join(' ');
}

/** `yuscan <command> --help`: its usage, every flag with its variable and default, and the environment it reads. */
export function commandHelp(name: CommandName): string {
  const { summary, flags, env } = COMMANDS[name];
  const rows = Object.entries(flags as Record<string, Flag>).map(([f, spec]): [string, string] => {
    const notes = [spec.env && `env ${spec.env}`, spec.default !== undefined && `default ${String(spec.default)}`].filter(Boolean);
    return [flagLabel(f, spec), notes.length ? `${spec.doc} (${notes.join(', ')})` : spec.doc];
  });
  rows.push(['-h, --help', 'this help']);
  return [
    `yuscan ${name} — ${summary}`,
    '',
    `Usage: ${usageLine(name)}`,
    '',
    'Flags (a flag wins over its variable, the variable over the default):',
    table(rows),
    '',
    'Environment:',
    table(env),
  ].join('\n');
}

export const USAGE = [
  'yuscan — explorer and alliance-KPI dashboard for Yu Express Chain',
  '',
  'Usage: yuscan <command> [flags]',
  '',
  'Commands:',
  table(Object.entries(COMMANDS).map(([name, c]) => [name, c.summary])),
  '',
  '`yuscan <command> --help` lists the command\'s flags, their environment variables and defaults.',
].join('\n');

/**
 * The help `argv` asks for, or null when it asks for none: `yuscan`, `--help`, `-h` and
 * `help` give the overview; `help <command>` and `<command> --help` (or `-h`) that command's.
 */
export function helpFor(argv: readonly string[]): string | null {
  const [first, ...rest] = argv;
  if (first === undefined || isHelpFlag(first)) return USAGE;
  if (first === 'help') return isCommand(rest[0]) ? commandHelp(rest[0]) : USAGE;
  if (isCommand(first) && rest.some(isHelpFlag)) return commandHelp(first);
  return null;
}
