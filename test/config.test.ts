import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { ConfigError, DEFAULT_DATABASE_URL, DEFAULT_VERIFY_LIMITS, parseCommand } from '../config';

describe('parseCommand', () => {
  it('applies defaults, then env, then flags', () => {
    const serve = parseCommand(['serve'], {});
    const verify = { limits: DEFAULT_VERIFY_LIMITS };
    expect(serve).toEqual({ name: 'serve', config: { databaseUrl: DEFAULT_DATABASE_URL, port: 4000, rateLimit: 1200, trustProxy: ['loopback'], workers: 1, verify } });
    const fromEnv = parseCommand(['serve'], { PORT: '5000', DATABASE_URL: 'postgres://u@h:5432/db', RATE_LIMIT: '0', TRUST_PROXY: '2', WORKERS: '3' });
    expect(fromEnv).toEqual({ name: 'serve', config: { databaseUrl: 'postgres://u@h:5432/db', port: 5000, rateLimit: 0, trustProxy: 2, workers: 3, verify } });
    const workers = parseCommand(['serve', '--workers', '2'], { WORKERS: '4' });
    expect(workers.name === 'serve' && workers.config.workers).toBe(2);
    const flagWins = parseCommand(['serve', '--port', '6000'], { PORT: '5000' });
    expect(flagWins.name === 'serve' && flagWins.config.port).toBe(6000);
    const withNode = parseCommand(['serve', '--rpc', 'http://127.0.0.1:8545'], {});
    expect(withNode.name === 'serve' && withNode.config.rpcUrl).toBe('http://127.0.0.1:8545');
    expect(() => parseCommand(['serve', '--rpc', 'ftp://x'], {})).toThrowError(/--rpc "ftp:\/\/x" is not valid; it takes an http\(s\):\/\/ or ws\(s\):\/\/ JSON-RPC URL/);
  });

  it('verification limits and the compilers folder: flags, env, defaults; a bad value names its flag', () => {
    const v = parseCommand(['serve', '--verify-pending-per-client', '2', '--verify-compile-timeout', '5'], { VERIFY_QUEUE: '7', VERIFY_PER_MINUTE: '3', VERIFY_MAX_SOURCE_BYTES: '50000', SOLC_COMPILERS_DIR: tmpdir() });
    expect(v.name === 'serve' && v.config.verify).toEqual({
      limits: { pendingPerClient: 2, submissionsPerMinute: 3, queueSize: 7, maxSourceBytes: 50_000, compileTimeoutMs: 5000 }, compilersDir: tmpdir(),
    });
    const start = parseCommand(['start', '--verify-queue', '9'], {});
    expect(start.name === 'start' && start.config.verify.limits.queueSize).toBe(9);
    expect(() => parseCommand(['serve', '--verify-queue', '0'], {})).toThrowError('yuscan serve: --verify-queue "0" is not valid; it takes a whole number of jobs ≥ 1');
    expect(() => parseCommand(['serve'], { VERIFY_COMPILE_TIMEOUT: 'soon' })).toThrowError(/VERIFY_COMPILE_TIMEOUT "soon" is not valid; it takes a whole number of seconds ≥ 1/);
    expect(() => parseCommand(['compilers', '--compilers-dir', '/no/such/folder'], {})).toThrowError(/--compilers-dir "\/no\/such\/folder" is not valid; it takes an existing folder/);
    expect(parseCommand(['compilers', '--json'], {})).toEqual({ name: 'compilers', config: { json: true } });
  });

  it('reads the rate limit and the trusted proxies from flags or RATE_LIMIT / TRUST_PROXY, on serve and start', () => {
    const limits = (argv: string[], env: Record<string, string> = {}) => {
      const cmd = parseCommand(argv, env);
      return cmd.name === 'serve' || cmd.name === 'start' ? [cmd.config.rateLimit, cmd.config.trustProxy] : null;
    };
    expect(limits(['serve', '--rate-limit', '60', '--trust-proxy', '10.0.0.0/8, 127.0.0.1,loopback'])).toEqual([60, ['10.0.0.0/8', '127.0.0.1', 'loopback']]);
    expect(limits(['serve', '--rate-limit', '30'], { RATE_LIMIT: '0' })).toEqual([30, ['loopback']]);
    expect(limits(['start'], { RATE_LIMIT: '0', TRUST_PROXY: 'false' })).toEqual([0, false]);
    expect(limits(['start', '--trust-proxy', 'true'])).toEqual([1200, true]);
    expect(limits(['serve', '--trust-proxy', '::1,fd00::/8'])).toEqual([1200, ['::1', 'fd00::/8']]);
  });

  it('parses index flags and lowercases the registry', () => {
    const cmd = parseCommand(
      ['index', '--rpc', 'http://127.0.0.1:8545', '--registry', '0xABCDEF0123456789abcdef0123456789ABCDEF01', '--from', '5', '--once'],
      {},
    );
    expect(cmd).toEqual({
      name: 'index',
      config: {
        rpcUrl: 'http://127.0.0.1:8545',
        databaseUrl: DEFAULT_DATABASE_URL,
        registry: '0xabcdef0123456789abcdef0123456789abcdef01',
        fromBlock: 5,
        confirmations: 0,
        once: true,
        traceMethod: 'auto',
      },
    });
  });

  it('reads the genesis file and the trace method from flags or GENESIS_FILE / TRACE_METHOD, and rejects a bad method', () => {
    const index = parseCommand(['index', '--rpc', 'http://127.0.0.1:8545', '--trace-method', 'parity'], { GENESIS_FILE: 'g.json' });
    expect(index.name === 'index' && [index.config.genesisFile, index.config.traceMethod]).toEqual(['g.json', 'parity']);
    const start = parseCommand(['start', '--genesis', 'x.json'], { TRACE_METHOD: 'debug' });
    expect(start.name === 'start' && [start.config.genesisFile, start.config.traceMethod]).toEqual(['x.json', 'debug']);
    expect(() => parseCommand(['index', '--rpc', 'http://x', '--trace-method', 'fast'], {})).toThrow(/--trace-method "fast" is not valid; it takes auto, parity/);
  });

  it('names the native coin from NATIVE_COIN_* or --coin-*, and rejects a bad one', () => {
    const cmd = parseCommand(['serve', '--coin-decimals', '6'], { NATIVE_COIN_SYMBOL: 'CQC', NATIVE_COIN_NAME: 'Chongqing Coin' });
    expect(cmd.name === 'serve' && cmd.config.nativeCoin).toEqual({ symbol: 'CQC', name: 'Chongqing Coin', decimals: 6 });
    expect(() => parseCommand(['start', '--coin-decimals', '99'], { NATIVE_COIN_SYMBOL: 'CQC' })).toThrow(/--coin-decimals "99" is not valid; it takes a whole number from 0 to 36/);
  });

  it('reads the public RPC URL offered to wallets from PUBLIC_RPC_URL or --public-rpc-url, on serve and start, and rejects a non-HTTP one', () => {
    const serve = parseCommand(['serve'], { PUBLIC_RPC_URL: 'https://rpc.example.cn' });
    expect(serve.name === 'serve' && serve.config.publicRpcUrl).toBe('https://rpc.example.cn');
    const start = parseCommand(['start', '--public-rpc-url', 'http://10.0.0.5:8545'], { PUBLIC_RPC_URL: 'https://ignored' });
    expect(start.name === 'start' && start.config.publicRpcUrl).toBe('http://10.0.0.5:8545');
    const none = parseCommand(['start'], {});
    expect(none.name === 'start' && 'publicRpcUrl' in none.config).toBe(false);
    expect(() => parseCommand(['serve', '--public-rpc-url', 'ws://rpc.example.cn'], {})).toThrow(/--public-rpc-url "ws:\/\/rpc.example.cn" is not valid; it takes an http\(s\):\/\/ JSON-RPC URL/);
    expect(() => parseCommand(['start'], { PUBLIC_RPC_URL: 'https://' })).toThrow(/PUBLIC_RPC_URL "https:\/\/" is not valid/);
  });

  it('leaves the rpc of start unset so the devnet starts', () => {
    const cmd = parseCommand(['start'], {});
    expect(cmd.name === 'start' && cmd.config.rpcUrl).toBeUndefined();
    expect(cmd.name === 'start' && cmd.config.devnet).toEqual({ port: 8545, seed: 1, history: 'full', blockTimeMs: 2000 });
  });

  it.each([
    [['serve', '--port', 'abc'], /--port "abc" is not valid; it takes a whole number from 1 to 65535/],
    [['serve', '--port', '0'], /--port "0" is not valid/],
    [['serve', '--db', 'mysql://x'], /--db "mysql:\/\/x" is not valid; it takes sqlite:PATH or postgres:/],
    [['index'], /--rpc \(or RPC_URL\) is required/],
    [['index', '--rpc', 'ftp://x'], /--rpc "ftp:\/\/x" is not valid/],
    [['index', '--rpc', 'http://x', '--registry', '0x12'], /--registry "0x12" is not valid; it takes a 0x-prefixed 20-byte hex address/],
    [['index', '--rpc', 'http://x', '--from=-1'], /--from "-1" is not valid/],
    [['index', '--rpc', 'http://x', '--from', '-1'], /yuscan index: Option '--from' argument is ambiguous\. Accepted flags/],
    [['devnet', '--history', 'half'], /--history "half" is not valid; it takes full or none/],
    [['devnet', '--unknown'], /Unknown option '--unknown'. Accepted flags: --port, --seed/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['serve', '--rate-limit=-5'], /--rate-limit "-5" is not valid; it takes a whole number of requests per minute ≥ 0 \(0 turns it off\)/],
    [['serve', '--rate-limit', 'lots'], /--rate-limit "lots" is not valid/],
    [['start', '--trust-proxy', 'nginx.local'], /--trust-proxy "nginx.local" is not valid; it takes true, false, a number of proxy hops/],
    [['serve', '--trust-proxy', '10.0.0.0/33'], /--trust-proxy "10.0.0.0\/33" is not valid/],
    [['serve', '--workers', '0'], /--workers "0" is not valid; it takes a whole number of processes from 1 to 64/],
    [['serve', '--workers', '1.5'], /--workers "1.5" is not valid/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommand(argv, {})).toThrowError(ConfigError);
    expect(() => parseCommand(argv, {})).toThrowError(message);
  });

  it('names the environment variable when the bad value came from it', () => {
    expect(() => parseCommand(['serve'], { DATABASE_URL: 'redis://x' })).toThrowError(/DATABASE_URL "redis:\/\/x" is not valid/);
  });
});

describe('yuscan audit flags', () => {
  it('parses them, registry lowercased and the URL without its trailing slash', () => {
    const reg = `0x${'aB'.repeat(20)}`;
    expect(parseCommand(['audit', '--rpc', 'http://127.0.0.1:8545', '--registry', reg, '--period', '2025-04-14_2030-04-14', '--at', '12', '--json', '--against', 'http://h:4000/'], {})).toEqual({
      name: 'audit',
      config: { rpcUrl: 'http://127.0.0.1:8545', registry: reg.toLowerCase(), period: '2025-04-14_2030-04-14', at: 12, json: true, against: 'http://h:4000', evidence: undefined },
    });
    expect(parseCommand(['audit', '--evidence', 'e.json'], { RPC_URL: 'ws://n:8546' })).toMatchObject({ config: { rpcUrl: 'ws://n:8546', registry: undefined, evidence: 'e.json', json: false } });
  });
});

describe('yuscan CLI on bad input', () => {
  it.each([
    [['serve', '--port', 'abc'], 'yuscan serve: --port "abc" is not valid'],
    [['index', '--bogus'], "yuscan index: Unknown option '--bogus'"],
    [['migrate', '--db', 'mysql://localhost/x'], 'yuscan migrate: --db "mysql://localhost/x" is not valid'],
    [['serve', '--rate-limit', '1.5'], 'yuscan serve: --rate-limit "1.5" is not valid'],
    [['audit', '--rpc', 'http://127.0.0.1:1', '--registry', '0x12'], 'yuscan audit: --registry "0x12" is not valid'],
    [['audit', '--rpc', 'http://127.0.0.1:1', '--registry', `0x${'1'.repeat(40)}`, '--period', '2025'], 'yuscan audit: --period "2025" is not valid'],
    [['audit', '--rpc', 'http://127.0.0.1:1', '--registry', `0x${'1'.repeat(40)}`, '--at', '1.5'], 'yuscan audit: --at "1.5" is not valid'],
    [['audit', '--rpc', 'http://127.0.0.1:1', '--registry', `0x${'1'.repeat(40)}`, '--against', 'ftp://x'], 'yuscan audit: --against "ftp://x" is not valid'],
    [['audit', '--rpc', 'http://127.0.0.1:1'], 'yuscan audit: --registry (or ALLIANCE_REGISTRY) is required'],
    [['audit', '--rpc', 'http://127.0.0.1:1', '--evidence', 'f.json', '--at', '5'], 'yuscan audit: --evidence takes no --against, --period or --at'],
  ])('%j exits 2 with one clear line and touches nothing', (argv, message) => {
    const r = spawnSync(process.execPath, ['bin/yuscan.js', ...argv], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});
