// The one place that reads flags and the environment. Everything else receives a typed,
// validated config object, so a bad value fails here with one clear line and exit code 2
// before anything is touched.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_VALIDATOR_OFFLINE_TURNS, DEFAULT_VALIDATOR_ROTATION_WINDOW, type NativeCoin, type VerifyLimits } from './constants';
import { COMMANDS, helpFor, type CommandName, type Flag } from './usage';
import { LabelsError, parseLabels, type OperatorLabel } from './labels';

export * from './constants';
export type { OperatorLabel } from './labels';

/** A user mistake on the command line or in the environment: printed as one line, exit 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.coerce
  .number({ message: 'a whole number from 1 to 65535' })
  .int('a whole number from 1 to 65535')
  .min(1, 'a whole number from 1 to 65535')
  .max(65535, 'a whole number from 1 to 65535');

const blockNumber = z.coerce
  .number({ message: 'a whole number ≥ 0' })
  .int('a whole number ≥ 0')
  .min(0, 'a whole number ≥ 0');

const databaseUrl = z
  .string()
  .refine(
    (u) => /^sqlite:.+/.test(u) || /^postgres(ql)?:\/\/.+/.test(u),
    'sqlite:PATH or postgres://user@host:port/db',
  );

const rpcUrl = z
  .string()
  .refine((u) => /^(https?|wss?):\/\/.+/.test(u), 'an http(s):// or ws(s):// JSON-RPC URL');

// What a wallet is told to connect to (EIP-3085 rpcUrls): wallets speak HTTP(S) only.
const publicRpcUrl = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:\/\/[^/?#]+/.test(u), 'an http(s):// JSON-RPC URL that wallets can reach');

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'a 0x-prefixed 20-byte hex address')
  .transform((a) => a.toLowerCase() as `0x${string}`);

const history = z.enum(['full', 'none'], { message: 'full or none' });

/** How the indexer traces internal transactions: auto probes the node for the fastest complete tracer. */
export type TraceMethod = 'auto' | 'parity' | 'debug' | 'none';
const traceMethod = z.enum(['auto', 'parity', 'debug', 'none'], { message: 'auto, parity (trace_block), debug (debug_traceBlockByNumber) or none' });

const filePath = z.string().min(1, 'a file path');

export interface DevnetConfig {
  port: number;
  seed: number;
  history: 'full' | 'none';
  blockTimeMs: number;
}

export interface IndexConfig {
  rpcUrl: string;
  databaseUrl: string;
  registry?: `0x${string}`;
  fromBlock: number;
  confirmations: number;
  once: boolean;
  /** Serve the indexer's Prometheus metrics on this port (absent: none). */
  metricsPort?: number;
  /** A geth-style genesis JSON whose alloc are the balances (and code) at block 0. */
  genesisFile?: string;
  traceMethod: TraceMethod;
}

/** express's `trust proxy`: all (true), none (false), a hop count, or addresses, subnets and the names loopback / linklocal / uniquelocal. */
export type TrustProxy = boolean | number | string[];

export interface ServeConfig {
  databaseUrl: string;
  /** The native coin's name; absent: the devnet's own, ETH on Ethereum, else a neutral "COIN". */
  nativeCoin?: NativeCoin;
  /** The chain's public JSON-RPC URL, offered to wallets (PUBLIC_RPC_URL); absent: none offered. */
  publicRpcUrl?: string;
  port: number;
  /** Requests per minute per client on /graphql; 0 turns the limit off. */
  rateLimit: number;
  trustProxy: TrustProxy;
  /** A node for verification's deployed-code check and view calls of verified contracts. */
  rpcUrl?: string;
  /** Server processes sharing the port (node:cluster); 1 serves from this process alone. */
  workers: number;
  verify: VerifyConfig;
  /** The operator's address labels (LABELS_FILE); absent when no file is given. */
  labels?: OperatorLabel[];
}

/** Source verification: what clients may ask of it, and the operator's compilers folder. */
export interface VerifyConfig {
  limits: VerifyLimits;
  /** soljson-v<version>+commit.<hash>.js files, besides the npm solc builds. */
  compilersDir?: string;
}

export interface CompilersConfig {
  compilersDir?: string;
  json: boolean;
}

export interface StartConfig extends Pick<ServeConfig, 'rateLimit' | 'trustProxy' | 'verify' | 'labels' | 'publicRpcUrl'> {
  /** As for serve. */
  nativeCoin?: NativeCoin;
  /** Absent: start the embedded devnet. */
  rpcUrl?: string;
  databaseUrl: string;
  port: number;
  registry?: `0x${string}`;
  fromBlock: number;
  confirmations: number;
  /** As for index; the devnet passes its own. */
  genesisFile?: string;
  traceMethod: TraceMethod;
  devnet: DevnetConfig;
}

export interface MigrateConfig {
  databaseUrl: string;
}

export interface AuditConfig {
  rpcUrl: string;
  /** Required unless an evidence file names it. */
  registry?: `0x${string}`;
  period?: string;
  /** Block to audit at; default the node's latest (or, with `against`, the API's indexed head). */
  at?: number;
  json: boolean;
  /** A running yuscan's base URL, e.g. http://host:4000. */
  against?: string;
  /** An evidence file (JSON) to check. */
  evidence?: string;
}

export type Command =
  | { name: 'start'; config: StartConfig }
  | { name: 'devnet'; config: DevnetConfig }
  | { name: 'index'; config: IndexConfig }
  | { name: 'serve'; config: ServeConfig }
  | { name: 'migrate'; config: MigrateConfig }
  | { name: 'audit'; config: AuditConfig }
  | { name: 'compilers'; config: CompilersConfig }
  | { name: 'help'; text: string };

type Env = Record<string, string | undefined>;

function nativeCoinFrom(v: Record<string, unknown>): NativeCoin | undefined {
  if (v['coin-symbol'] === undefined) return undefined;
  const symbol = v['coin-symbol'] as string;
  return { symbol, name: (v['coin-name'] as string | undefined) ?? symbol, decimals: (v['coin-decimals'] as number | undefined) ?? 18 };
}

function publicRpcFrom(v: Record<string, unknown>): Pick<ServeConfig, 'publicRpcUrl'> {
  return v['public-rpc-url'] === undefined ? {} : { publicRpcUrl: v['public-rpc-url'] as string };
}

const TRUST_PROXY_TAKES = 'true, false, a number of proxy hops, or a comma-separated list of addresses, subnets and loopback/linklocal/uniquelocal';
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const items = v.split(',').map((x) => x.trim());
  const valid = (x: string) => {
    const [addr, bits, extra] = x.split('/');
    if (extra !== undefined || !addr) return false;
    if (bits === undefined) return PROXY_NAMES.includes(addr) || isIP(addr) !== 0;
    return isIP(addr) !== 0 && /^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128);
  };
  if (items.every(valid)) return items;
  ctx.addIssue({ code: 'custom', message: TRUST_PROXY_TAKES });
  return z.NEVER;
});

const wholeAtLeast = (min: number, what: string) => {
  const message = `a whole number of ${what} ≥ ${min}`;
  return z.coerce.number({ message }).int(message).min(min, message);
};

const positiveCount = (message: string) => z.coerce.number({ message }).int(message).min(0, message);
const inRange = (message: string, min: number, max: number) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);

/** How each flag of usage.ts's table is validated; a flag name means the same thing in every command. */
const SCHEMAS = {
  rpc: rpcUrl,
  db: databaseUrl,
  registry: address,
  from: blockNumber,
  confirmations: blockNumber,
  once: z.boolean(),
  'metrics-port': port,
  genesis: filePath,
  'trace-method': traceMethod,
  port,
  'devnet-port': port,
  seed: z.coerce.number({ message: 'a whole number' }).int('a whole number'),
  history,
  'block-time-ms': z.coerce.number({ message: 'a whole number of milliseconds ≥ 100' }).int().min(100, 'a whole number of milliseconds ≥ 100'),
  // The native coin's name for a chain the explorer does not know (the devnet names its own).
  'coin-symbol': z.string().regex(/^[A-Za-z0-9.-]{1,12}$/, '1–12 letters or digits, e.g. YU'),
  'coin-name': z.string().min(1, 'a name of 1–40 characters').max(40, 'a name of 1–40 characters'),
  'coin-decimals': inRange('a whole number from 0 to 36', 0, 36),
  'public-rpc-url': publicRpcUrl,
  'rate-limit': positiveCount('a whole number of requests per minute ≥ 0 (0 turns it off)'),
  'trust-proxy': trustProxy,
  workers: inRange('a whole number of processes from 1 to 64', 1, 64),
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/, 'a plan period id, YYYY-MM-DD_YYYY-MM-DD (see alliance.periods)'),
  at: blockNumber,
  json: z.boolean(),
  against: z
    .string()
    .refine((u) => /^https?:\/\/[^/?#]+/.test(u), 'the http(s):// URL of a running yuscan, e.g. http://host:4000')
    .transform((u) => u.replace(/\/+$/, '')),
  evidence: filePath,
  'verify-pending-per-client': wholeAtLeast(1, 'jobs'),
  'verify-per-minute': wholeAtLeast(1, 'submissions a minute'),
  'verify-queue': wholeAtLeast(1, 'jobs'),
  'verify-max-source-bytes': wholeAtLeast(1000, 'bytes'),
  'verify-compile-timeout': wholeAtLeast(1, 'seconds'),
  'compilers-dir': z.string().min(1, 'a folder').refine((d) => existsSync(d) && statSync(d).isDirectory(), 'an existing folder of soljson-v*.js files'),
  labels: filePath,
} satisfies Record<{ [C in CommandName]: keyof (typeof COMMANDS)[C]['flags'] }[CommandName], z.ZodType>;

function parseFlags<C extends CommandName>(command: C, args: string[], env: Env) {
  const spec: Record<string, Flag> = COMMANDS[command].flags;
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [flag, s] of Object.entries(spec)) options[flag] = { type: s.value ? 'string' : 'boolean' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (err) {
    const known = Object.keys(spec).map((f) => `--${f}`).join(', ');
    // node's messages run to several sentences; the first one names the problem.
    const msg = (err as Error).message.split(/\.(\s|$)/)[0];
    throw new ConfigError(`yuscan ${command}: ${msg}. Accepted flags: ${known || 'none'}`);
  }
  const out: Record<string, unknown> = {};
  for (const [flag, s] of Object.entries(spec)) {
    const schema: z.ZodType = SCHEMAS[flag as keyof typeof SCHEMAS];
    const fromFlag = values[flag];
    const fromEnv = s.env ? env[s.env] : undefined;
    const raw = fromFlag ?? (fromEnv === '' ? undefined : fromEnv) ?? s.default;
    if (raw === undefined) continue;
    const source = fromFlag !== undefined ? `--${flag}` : fromEnv ? s.env! : `--${flag}`;
    if (typeof raw === 'string' && raw.trim() === '' && s.value) {
      throw new ConfigError(`yuscan ${command}: ${source} is empty; it takes ${describe(schema)}`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const expected = parsed.error.issues[0]?.message ?? 'a valid value';
      throw new ConfigError(`yuscan ${command}: ${source} "${String(raw)}" is not valid; it takes ${expected}`);
    }
    out[flag] = parsed.data;
  }
  return out as { [K in keyof (typeof COMMANDS)[C]['flags']]: unknown };
}

function describe(schema: z.ZodType): string {
  const r = schema.safeParse('');
  return r.success ? 'a value' : (r.error.issues[0]?.message ?? 'a value');
}

function devnetFrom(v: Record<string, unknown>, portFlag: string): DevnetConfig {
  return {
    port: v[portFlag] as number,
    seed: v.seed as number,
    history: v.history as 'full' | 'none',
    blockTimeMs: v['block-time-ms'] as number,
  };
}

function verifyFrom(v: Record<string, unknown>): VerifyConfig {
  return {
    limits: {
      pendingPerClient: v['verify-pending-per-client'] as number,
      submissionsPerMinute: v['verify-per-minute'] as number,
      queueSize: v['verify-queue'] as number,
      maxSourceBytes: v['verify-max-source-bytes'] as number,
      compileTimeoutMs: (v['verify-compile-timeout'] as number) * 1000,
    },
    ...(v['compilers-dir'] === undefined ? {} : { compilersDir: v['compilers-dir'] as string }),
  };
}

function serveLimits(v: Record<string, unknown>): Pick<ServeConfig, 'rateLimit' | 'trustProxy'> {
  return { rateLimit: v['rate-limit'] as number, trustProxy: v['trust-proxy'] as TrustProxy };
}

/** The labels file named by --labels / LABELS_FILE, read and checked now so a bad one exits 2 before anything starts. */
function labelsFrom(command: CommandName, v: Record<string, unknown>, env: Env): Pick<ServeConfig, 'labels'> {
  const file = v.labels as string | undefined;
  if (file === undefined) return {};
  const source = env.LABELS_FILE === file ? 'LABELS_FILE' : '--labels';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`yuscan ${command}: ${source} "${file}" cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return { labels: parseLabels(text, file) };
  } catch (err) {
    if (err instanceof LabelsError) throw new ConfigError(`yuscan ${command}: ${source} "${file}": ${err.message}`);
    throw err;
  }
}

/** Parse `yuscan <command> [flags]`. Throws ConfigError on any bad input. */
export function parseCommand(argv: string[], env: Env = process.env): Command {
  const help = helpFor(argv);
  if (help !== null) return { name: 'help', text: help };
  const [name, ...args] = argv;
  switch (name) {
    case 'devnet':
      return { name, config: devnetFrom(parseFlags(name, args, env), 'port') };
    case 'index': {
      const v = parseFlags(name, args, env);
      if (v.rpc === undefined) {
        throw new ConfigError('yuscan index: --rpc (or RPC_URL) is required; it takes an http(s):// or ws(s):// JSON-RPC URL');
      }
      return {
        name,
        config: {
          rpcUrl: v.rpc as string,
          databaseUrl: v.db as string,
          registry: v.registry as `0x${string}` | undefined,
          fromBlock: v.from as number,
          confirmations: v.confirmations as number,
          once: v.once as boolean,
          ...(v['metrics-port'] === undefined ? {} : { metricsPort: v['metrics-port'] as number }),
          ...(v.genesis === undefined ? {} : { genesisFile: v.genesis as string }),
          traceMethod: v['trace-method'] as TraceMethod,
        },
      };
    }
    case 'serve': {
      const v = parseFlags(name, args, env);
      validatorSettings(env); // read by the API; checked here so a bad value exits 2 up front
      metadataSettings(env);
      return {
        name,
        config: {
          databaseUrl: v.db as string, port: v.port as number, rpcUrl: v.rpc as string | undefined, nativeCoin: nativeCoinFrom(v), ...serveLimits(v),
          ...publicRpcFrom(v),
          workers: v.workers as number, ...labelsFrom(name, v, env),
          verify: verifyFrom(v),
        },
      };
    }
    case 'start': {
      const v = parseFlags(name, args, env);
      validatorSettings(env);
      metadataSettings(env);
      return {
        name,
        config: {
          ...labelsFrom(name, v, env),
          rpcUrl: v.rpc as string | undefined,
          databaseUrl: v.db as string,
          port: v.port as number,
          ...serveLimits(v),
          registry: v.registry as `0x${string}` | undefined,
          fromBlock: v.from as number,
          confirmations: v.confirmations as number,
          ...(v.genesis === undefined ? {} : { genesisFile: v.genesis as string }),
          traceMethod: v['trace-method'] as TraceMethod,
          devnet: devnetFrom(v, 'devnet-port'),
          nativeCoin: nativeCoinFrom(v),
          ...publicRpcFrom(v),
          verify: verifyFrom(v),
        },
      };
    }
    case 'migrate': {
      const v = parseFlags(name, args, env);
      return { name, config: { databaseUrl: v.db as string } };
    }
    case 'compilers': {
      const v = parseFlags(name, args, env);
      return { name, config: { json: v.json as boolean, ...(v['compilers-dir'] === undefined ? {} : { compilersDir: v['compilers-dir'] as string }) } };
    }
    case 'audit': {
      const v = parseFlags(name, args, env);
      if (v.rpc === undefined) throw new ConfigError('yuscan audit: --rpc (or RPC_URL) is required; it takes an http(s):// or ws(s):// JSON-RPC URL');
      if (v.registry === undefined && v.evidence === undefined) {
        throw new ConfigError('yuscan audit: --registry (or ALLIANCE_REGISTRY) is required; it takes a 0x-prefixed 20-byte hex address');
      }
      if (v.evidence !== undefined && (v.against !== undefined || v.period !== undefined || v.at !== undefined)) {
        throw new ConfigError('yuscan audit: --evidence takes no --against, --period or --at; the file states its own period and block');
      }
      return {
        name,
        config: {
          rpcUrl: v.rpc as string,
          registry: v.registry as `0x${string}` | undefined,
          period: v.period as string | undefined,
          at: v.at as number | undefined,
          json: v.json as boolean,
          against: v.against as string | undefined,
          evidence: v.evidence as string | undefined,
        },
      };
    }
    default:
      throw new ConfigError(`yuscan: unknown command "${name}"; it takes one of ${Object.keys(COMMANDS).join(', ')}`);
  }
}

/** Log verbosity, from LOG_LEVEL; `fallback` when it is unset (start shows warnings only). */
export function logLevel(env: Env = process.env, fallback = 'info'): string {
  const level = env.LOG_LEVEL || fallback;
  const ok = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!ok.includes(level)) throw new ConfigError(`LOG_LEVEL "${level}" is not valid; it takes one of ${ok.join(', ')}`);
  return level;
}

export interface ValidatorSettings {
  /** Missed turns (N) after which a sealer reads OFFLINE; fewer missed turns read LATE. */
  offlineAfterTurns: number;
  /** Recent blocks over which the validators in the rotation are counted. */
  rotationWindow: number;
}

const positiveInt = (message: string) => z.coerce.number({ message }).int(message).min(1, message);

/** Validator status settings, from VALIDATOR_OFFLINE_TURNS and VALIDATOR_ROTATION_WINDOW. */
export function validatorSettings(env: Env = process.env): ValidatorSettings {
  const read = (name: string, fallback: number, message: string): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const r = positiveInt(message).safeParse(raw);
    if (!r.success) throw new ConfigError(`${name} "${raw}" is not valid; it takes ${message}`);
    return r.data;
  };
  return {
    offlineAfterTurns: read('VALIDATOR_OFFLINE_TURNS', DEFAULT_VALIDATOR_OFFLINE_TURNS, 'a whole number of turns ≥ 1'),
    rotationWindow: read('VALIDATOR_ROTATION_WINDOW', DEFAULT_VALIDATOR_ROTATION_WINDOW, 'a whole number of blocks ≥ 1'),
  };
}

export interface MetadataSettings {
  /** Where ipfs:// URIs are fetched: the gateway's base URL, to which `ipfs/<cid>/<path>` is appended. */
  ipfsGateway: string;
  /** Fetch token metadata and media from private, loopback and link-local addresses too (off by default: SSRF). */
  allowPrivate: boolean;
}

export const DEFAULT_IPFS_GATEWAY = 'https://ipfs.io/';

/** Token metadata fetching, from IPFS_GATEWAY and METADATA_ALLOW_PRIVATE. */
export function metadataSettings(env: Env = process.env): MetadataSettings {
  const gateway = env.IPFS_GATEWAY || DEFAULT_IPFS_GATEWAY;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(gateway).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new ConfigError(`IPFS_GATEWAY "${gateway}" is not valid; it takes an http(s):// gateway URL such as ${DEFAULT_IPFS_GATEWAY}`);
  const flag = env.METADATA_ALLOW_PRIVATE ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(flag)) {
    throw new ConfigError(`METADATA_ALLOW_PRIVATE "${flag}" is not valid; it takes true or false (1 or 0)`);
  }
  return { ipfsGateway: gateway.endsWith('/') ? gateway : `${gateway}/`, allowPrivate: flag === '1' || flag === 'true' };
}
