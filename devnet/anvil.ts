// anvil, Foundry's EVM node, installed from npm (@foundry-rs/anvil), run as a child process.
// It brings what a devnet of ours would otherwise have to imitate: geth's callTracer,
// trace_block, eth_getBlockReceipts, geth-style errors, a genesis file (--init).
//
// The child must never outlive us, however we end (stop(), a signal, a crash, SIGKILL). A
// small POSIX shell runs it and watches the pipe that is its stdin: the kernel closes our end
// when this process is gone for any reason, and the shell then ends anvil. stop() closes that
// pipe on purpose, so a normal stop takes the same path.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface AnvilOptions {
  genesisFile: string;
  gasLimit: bigint;
  /** Where anvil keeps the states it moves out of memory. */
  cachePath: string;
  /** Keep the state of only this many recent blocks (absent: every block's, older ones on disk). */
  recentStates?: number;
}

export interface AnvilProcess {
  /** Loopback HTTP and websocket JSON-RPC. */
  url: string;
  port: number;
  pid: number;
  /** Resolves once anvil and its watcher have exited. */
  stop(): Promise<void>;
}

const ARCH: Partial<Record<string, string>> = { x64: 'amd64', arm64: 'arm64' };

/** The anvil executable from the platform package @foundry-rs/anvil installed for this machine. */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  // The platform packages are @foundry-rs/anvil's optional dependencies: resolve from there.
  const fromAnvil = createRequire(require.resolve('@foundry-rs/anvil/package.json'));
  try {
    return fromAnvil.resolve(`${pkg}/bin/anvil${process.platform === 'win32' ? '.exe' : ''}`);
  } catch {
    throw new Error(`no anvil for ${process.platform}/${process.arch}: ${pkg} is not installed (npm install installs it where Foundry publishes one)`);
  }
}

/**
 * The command line. Pinned so the chain never depends on anvil's defaults: the hardfork,
 * the gas limit (anvil reads it from --gas-limit, not the genesis), no dev accounts of its
 * own and no CREATE2 deployer (block 0 is exactly the genesis file), transactions in the
 * order they were sent.
 */
export function anvilArgs(opts: AnvilOptions): string[] {
  return [
    '--init', opts.genesisFile,
    '--host', '127.0.0.1',
    '--port', '0',
    '--hardfork', 'osaka',
    '--gas-limit', opts.gasLimit.toString(),
    '--accounts', '0',
    '--disable-default-create2-deployer',
    '--order', 'fifo',
    '--cache-path', opts.cachePath,
    ...(opts.recentStates === undefined ? [] : ['--prune-history', String(opts.recentStates)]),
    '--color', 'never',
    // Blocks only on evm_mine until the devnet is set up; it then turns automining on.
    '--no-mining',
  ];
}

// $1 is anvil, the rest its arguments. fd 3 keeps the parent's pipe while anvil gets none;
// `read` returns at end of file, that is when the parent closes the pipe or is gone.
const WATCH = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- &',
  'node=$!',
  '(while read -r _ <&3; do :; done; kill "$node" 2>/dev/null) &',
  'watch=$!',
  'wait "$node"',
  'status=$?',
  'kill "$watch" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** Start anvil; resolves with its URL once it listens. */
export function startAnvil(opts: AnvilOptions): Promise<AnvilProcess> {
  const binary = anvilBinary();
  // Its own process group: a Ctrl-C at the terminal reaches us, and we stop anvil after
  // everything that still talks to it, not at the same instant.
  const child: ChildProcess = spawn('/bin/sh', ['-c', WATCH, 'anvil', binary, ...anvilArgs(opts)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin!.end();
    await exited;
  };
  return new Promise<AnvilProcess>((resolve, reject) => {
    let out = '';
    let err = '';
    const onOut = (d: Buffer) => {
      out += String(d);
      const m = /Listening on ([\d.]+):(\d+)/.exec(out);
      if (!m) return;
      child.stdout!.off('data', onOut);
      child.off('exit', onEarlyExit);
      // anvil logs every block it mines; nobody reads it, but the pipe must not fill up.
      child.stdout!.resume();
      child.stderr!.resume();
      const port = Number(m[2]);
      resolve({ url: `http://${m[1]}:${port}`, port, pid: child.pid!, stop });
    };
    const onEarlyExit = (code: number | null) => {
      const why = (err.trim() || out.trim()).split('\n').slice(-3).join(' ');
      reject(new Error(`anvil exited before listening (code ${code})${why ? `: ${why}` : ''}`));
    };
    child.stdout!.on('data', onOut);
    child.stderr!.on('data', (d: Buffer) => {
      if (err.length < 10_000) err += String(d);
    });
    child.once('exit', onEarlyExit);
    child.once('error', (e) => reject(new Error(`anvil could not be started: ${e.message}`)));
  });
}
