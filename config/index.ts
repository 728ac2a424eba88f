// The one place that reads flags and the environment. Everything else receives a typed,
// validated config object, so a bad value fails here with one clear line and exit code 2
// before anything is touched.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL, DEFAULT_PORT, type NativeCoin } from './constants';

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
}

export interface ServeConfig {
  databaseUrl: string;
  /** The native coin's name; absent: the devnet's own, ETH on Ethereum, else a neutral "COIN". */
  nativeCoin?: NativeCoin;
  port: number;
}

export interface StartConfig {
  /** As for serve. */
  nativeCoin?: NativeCoin;
  /** Absent: start the embedded devnet. */
  rpcUrl?: string;
  databaseUrl: string;
  port: number;
  registry?: `0x${string}`;
  fromBlock: number;
  confirmations: number;
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

const serveSpec = {
  db: { env: 'DATABASE_URL', schema: databaseUrl, default: DEFAULT_DATABASE_URL },
  port: { env: 'PORT', schema: port, default: DEFAULT_PORT },
  ...coinSpec,
} satisfies Spec;

const startSpec = {
  rpc: indexSpec.rpc,
  db: indexSpec.db,
  port: serveSpec.port,
  registry: indexSpec.registry,
  from: indexSpec.from,
  confirmations: indexSpec.confirmations,
  'devnet-port': { schema: port, default: 8545 },
  seed: devnetSpec.seed,
  history: devnetSpec.history,
  'block-time-ms': devnetSpec['block-time-ms'],
  ...coinSpec,
} satisfies Spec;

const migrateSpec = { db: indexSpec.db } satisfies Spec;

export const USAGE = `yuscan — explorer and alliance-KPI dashboard for Yu Express Chain

Usage:
  yuscan start   [--rpc URL] [--db URL] [--port 4000] [--registry 0x..]
                 [--devnet-port 8545] [--seed 1] [--history full|none] [--block-time-ms 2000]
  yuscan devnet  [--port 8545] [--seed 1] [--history full|none] [--block-time-ms 2000]
  yuscan index   --rpc URL [--db URL] [--registry 0x..] [--from N] [--confirmations N] [--once]
  yuscan serve   [--db URL] [--port 4000] [--coin-symbol S] [--coin-name N] [--coin-decimals 18]
  yuscan migrate [--db URL]

Environment: RPC_URL, DATABASE_URL (default ${DEFAULT_DATABASE_URL}), PORT (default ${DEFAULT_PORT}),
ALLIANCE_REGISTRY, START_BLOCK, CONFIRMATIONS, LOG_LEVEL, NATIVE_COIN_SYMBOL, NATIVE_COIN_NAME, NATIVE_COIN_DECIMALS
(start and serve also take --coin-symbol, --coin-name, --coin-decimals).`;

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

/** Parse `yuscan <command> [flags]`. Throws ConfigError on any bad input. */
export function parseCommand(argv: string[], env: Env = process.env): Command {
  const [name, ...args] = argv;
  switch (name) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help', text: USAGE };
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
        },
      };
    }
    case 'serve': {
      const v = parseFlags(name, serveSpec, args, env);
      return { name, config: { databaseUrl: v.db as string, port: v.port as number, nativeCoin: nativeCoinFrom(v) } };
    }
    case 'start': {
      const v = parseFlags(name, startSpec, args, env);
      return {
        name,
        config: {
          rpcUrl: v.rpc as string | undefined,
          databaseUrl: v.db as string,
          port: v.port as number,
          registry: v.registry as `0x${string}` | undefined,
          fromBlock: v.from as number,
          confirmations: v.confirmations as number,
          devnet: devnetFrom(v, 'devnet-port'),
          nativeCoin: nativeCoinFrom(v),
        },
      };
    }
    case 'migrate': {
      const v = parseFlags(name, migrateSpec, args, env);
      return { name, config: { databaseUrl: v.db as string } };
    }
    default:
      throw new ConfigError(`yuscan: unknown command "${name}"; it takes one of start, devnet, index, serve, migrate`);
  }
}

/** Log verbosity, the only other setting read from the environment. */
export function logLevel(env: Env = process.env): string {
  const level = env.LOG_LEVEL ?? 'info';
  const ok = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!ok.includes(level)) throw new ConfigError(`LOG_LEVEL "${level}" is not valid; it takes one of ${ok.join(', ')}`);
  return level;
}
