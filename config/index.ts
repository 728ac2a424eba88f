// The one place that reads flags and the environment. Everything else receives a typed,
// validated config object, so a bad value fails here with one clear line and exit code 2
// before anything is touched.
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL, DEFAULT_PORT, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_VERIFY_LIMITS, type NativeCoin, type VerifyLimits } from './constants';
import { isHelp, USAGE } from './usage';

export * from './constants';

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
  port: number;
  /** Requests per minute per client on /graphql; 0 turns the limit off. */
  rateLimit: number;
  trustProxy: TrustProxy;
  /** A node for verification's deployed-code check and view calls of verified contracts. */
  rpcUrl?: string;
  /** Server processes sharing the port (node:cluster); 1 serves from this process alone. */
  workers: number;
  verify: VerifyConfig;
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

export interface StartConfig extends Pick<ServeConfig, 'rateLimit' | 'trustProxy' | 'verify'> {
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

export type Command =
  | { name: 'start'; config: StartConfig }
  | { name: 'devnet'; config: DevnetConfig }
  | { name: 'index'; config: IndexConfig }
  | { name: 'serve'; config: ServeConfig }
  | { name: 'migrate'; config: MigrateConfig }
  | { name: 'compilers'; config: CompilersConfig }
  | { name: 'help'; text: string };

type Env = Record<string, string | undefined>;

/** Flag name -> [env var or null, schema, default]. Flags win over env, env over default. */
type Spec = Record<string, { env?: string; schema: z.ZodType; default?: unknown; boolean?: true }>;

const devnetSpec = {
  port: { schema: port, default: 8545 },
  seed: { schema: z.coerce.number({ message: 'a whole number' }).int('a whole number'), default: 1 },
  history: { schema: history, default: 'full' },
  'block-time-ms': {
    schema: z.coerce.number({ message: 'a whole number of milliseconds ≥ 100' }).int().min(100, 'a whole number of milliseconds ≥ 100'),
    default: 2000,
  },
} satisfies Spec;

const indexSpec = {
  rpc: { env: 'RPC_URL', schema: rpcUrl },
  db: { env: 'DATABASE_URL', schema: databaseUrl, default: DEFAULT_DATABASE_URL },
  registry: { env: 'ALLIANCE_REGISTRY', schema: address },
  from: { env: 'START_BLOCK', schema: blockNumber, default: 0 },
  confirmations: { env: 'CONFIRMATIONS', schema: blockNumber, default: 0 },
  once: { schema: z.boolean(), default: false, boolean: true },
  'metrics-port': { env: 'METRICS_PORT', schema: port },
  genesis: { env: 'GENESIS_FILE', schema: filePath },
  'trace-method': { env: 'TRACE_METHOD', schema: traceMethod, default: 'auto' },
} satisfies Spec;

// The native coin's name for a chain the explorer does not know (the devnet names its own).
const coinSpec = {
  'coin-symbol': { env: 'NATIVE_COIN_SYMBOL', schema: z.string().regex(/^[A-Za-z0-9.-]{1,12}$/, '1–12 letters or digits, e.g. YU') },
  'coin-name': { env: 'NATIVE_COIN_NAME', schema: z.string().min(1, 'a name of 1–40 characters').max(40, 'a name of 1–40 characters') },
  'coin-decimals': {
    env: 'NATIVE_COIN_DECIMALS',
    schema: z.coerce.number({ message: 'a whole number from 0 to 36' }).int('a whole number from 0 to 36').min(0, 'a whole number from 0 to 36').max(36, 'a whole number from 0 to 36'),
  },
} satisfies Spec;

function nativeCoinFrom(v: Record<string, unknown>): NativeCoin | undefined {
  if (v['coin-symbol'] === undefined) return undefined;
  const symbol = v['coin-symbol'] as string;
  return { symbol, name: (v['coin-name'] as string | undefined) ?? symbol, decimals: (v['coin-decimals'] as number | undefined) ?? 18 };
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

// Source verification's limits (serve and start): per client, for everyone, and per job.
const verifySpec = {
  'verify-pending-per-client': { env: 'VERIFY_PENDING_PER_CLIENT', schema: wholeAtLeast(1, 'jobs'), default: DEFAULT_VERIFY_LIMITS.pendingPerClient },
  'verify-per-minute': { env: 'VERIFY_PER_MINUTE', schema: wholeAtLeast(1, 'submissions a minute'), default: DEFAULT_VERIFY_LIMITS.submissionsPerMinute },
  'verify-queue': { env: 'VERIFY_QUEUE', schema: wholeAtLeast(1, 'jobs'), default: DEFAULT_VERIFY_LIMITS.queueSize },
  'verify-max-source-bytes': { env: 'VERIFY_MAX_SOURCE_BYTES', schema: wholeAtLeast(1000, 'bytes'), default: DEFAULT_VERIFY_LIMITS.maxSourceBytes },
  'verify-compile-timeout': { env: 'VERIFY_COMPILE_TIMEOUT', schema: wholeAtLeast(1, 'seconds'), default: DEFAULT_VERIFY_LIMITS.compileTimeoutMs / 1000 },
  'compilers-dir': { env: 'SOLC_COMPILERS_DIR', schema: z.string().min(1, 'a folder').refine((d) => existsSync(d) && statSync(d).isDirectory(), 'an existing folder of soljson-v*.js files') },
} satisfies Spec;

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

const serveSpec = {
  db: { env: 'DATABASE_URL', schema: databaseUrl, default: DEFAULT_DATABASE_URL },
  port: { env: 'PORT', schema: port, default: DEFAULT_PORT },
  rpc: { env: 'RPC_URL', schema: rpcUrl },
  ...coinSpec,
  'rate-limit': {
    env: 'RATE_LIMIT',
    schema: z.coerce.number({ message: 'a whole number of requests per minute ≥ 0 (0 turns it off)' }).int('a whole number of requests per minute ≥ 0 (0 turns it off)').min(0, 'a whole number of requests per minute ≥ 0 (0 turns it off)'),
    default: DEFAULT_RATE_LIMIT_PER_MINUTE,
  },
  'trust-proxy': { env: 'TRUST_PROXY', schema: trustProxy, default: 'loopback' },
  workers: {
    env: 'WORKERS',
    schema: z.coerce.number({ message: 'a whole number of processes from 1 to 64' }).int('a whole number of processes from 1 to 64').min(1, 'a whole number of processes from 1 to 64').max(64, 'a whole number of processes from 1 to 64'),
    default: 1,
  },
  ...verifySpec,
} satisfies Spec;

const startSpec = {
  rpc: indexSpec.rpc,
  db: indexSpec.db,
  port: serveSpec.port,
  'rate-limit': serveSpec['rate-limit'],
  'trust-proxy': serveSpec['trust-proxy'],
  registry: indexSpec.registry,
  from: indexSpec.from,
  confirmations: indexSpec.confirmations,
  genesis: indexSpec.genesis,
  'trace-method': indexSpec['trace-method'],
  'devnet-port': { schema: port, default: 8545 },
  seed: devnetSpec.seed,
  history: devnetSpec.history,
  'block-time-ms': devnetSpec['block-time-ms'],
  ...coinSpec,
  ...verifySpec,
} satisfies Spec;

const migrateSpec = { db: indexSpec.db } satisfies Spec;
const compilersSpec = { 'compilers-dir': verifySpec['compilers-dir'], json: { schema: z.boolean(), default: false, boolean: true } } satisfies Spec;


function parseFlags<S extends Spec>(command: string, spec: S, args: string[], env: Env) {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [flag, s] of Object.entries(spec)) options[flag] = { type: s.boolean ? 'boolean' : 'string' };
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
    const fromFlag = values[flag];
    const fromEnv = s.env ? env[s.env] : undefined;
    const raw = fromFlag ?? (fromEnv === '' ? undefined : fromEnv) ?? s.default;
    if (raw === undefined) continue;
    const source = fromFlag !== undefined ? `--${flag}` : fromEnv ? s.env! : `--${flag}`;
    if (typeof raw === 'string' && raw.trim() === '' && !s.boolean) {
      throw new ConfigError(`yuscan ${command}: ${source} is empty; it takes ${describe(s.schema)}`);
    }
    const parsed = s.schema.safeParse(raw);
    if (!parsed.success) {
      const expected = parsed.error.issues[0]?.message ?? 'a valid value';
      throw new ConfigError(`yuscan ${command}: ${source} "${String(raw)}" is not valid; it takes ${expected}`);
    }
    out[flag] = parsed.data;
  }
  return out as { [K in keyof S]: unknown };
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

function serveLimits(v: Record<string, unknown>): Pick<ServeConfig, 'rateLimit' | 'trustProxy'> {
  return { rateLimit: v['rate-limit'] as number, trustProxy: v['trust-proxy'] as TrustProxy };
}

/** Parse `yuscan <command> [flags]`. Throws ConfigError on any bad input. */
export function parseCommand(argv: string[], env: Env = process.env): Command {
  const [name, ...args] = argv;
  if (isHelp(name)) return { name: 'help', text: USAGE };
  switch (name) {
    case 'devnet':
      return { name, config: devnetFrom(parseFlags(name, devnetSpec, args, env), 'port') };
    case 'index': {
      const v = parseFlags(name, indexSpec, args, env);
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
      const v = parseFlags(name, serveSpec, args, env);
      validatorSettings(env); // read by the API; checked here so a bad value exits 2 up front
      return {
        name,
        config: {
          databaseUrl: v.db as string, port: v.port as number, rpcUrl: v.rpc as string | undefined, nativeCoin: nativeCoinFrom(v), ...serveLimits(v),
          workers: v.workers as number,
          verify: verifyFrom(v),
        },
      };
    }
    case 'start': {
      const v = parseFlags(name, startSpec, args, env);
      validatorSettings(env);
      return {
        name,
        config: {
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
          verify: verifyFrom(v),
        },
      };
    }
    case 'migrate': {
      const v = parseFlags(name, migrateSpec, args, env);
      return { name, config: { databaseUrl: v.db as string } };
    }
    case 'compilers': {
      const v = parseFlags(name, compilersSpec, args, env);
      return { name, config: { json: v.json as boolean, ...(v['compilers-dir'] === undefined ? {} : { compilersDir: v['compilers-dir'] as string }) } };
    }
    default:
      throw new ConfigError(`yuscan: unknown command "${name}"; it takes one of start, devnet, index, serve, migrate, compilers`);
  }
}

/** Log verbosity, the only other setting read from the environment. */
export function logLevel(env: Env = process.env): string {
  const level = env.LOG_LEVEL ?? 'info';
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
    offlineAfterTurns: read('VALIDATOR_OFFLINE_TURNS', 3, 'a whole number of turns ≥ 1'),
    rotationWindow: read('VALIDATOR_ROTATION_WINDOW', 1000, 'a whole number of blocks ≥ 1'),
  };
}
