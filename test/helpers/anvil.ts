// A bare anvil from npm (Foundry's node: none of its code is ours) for the suites that hold
// the indexer against a node we did not write: started from a genesis file, optionally
// keeping no old state (--prune-history), with a small JSON-RPC client and a contract that
// makes every kind of internal call.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import solc from 'solc';
import type { Hex } from 'viem';

const require = createRequire(import.meta.url);

/** anvil's binary from the platform package npm installed beside @foundry-rs/anvil. */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/anvil`);
}

/** anvil's default mnemonic's first ten accounts: it signs for them. */
export const DEV_ACCOUNTS: Hex[] = [
  '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc',
  '0x90f79bf6eb2c4f870365e785982e1f101e93b906', '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65', '0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc',
  '0x976ea74026e726554db657fa54763abd0c3a0aa9', '0x14dc79964da2c08b23698b3d3cc7ca32193d9955', '0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f',
  '0xa0ee7a142d267c1f36714e4a8f75612f20a79720',
];

export const ANVIL_CHAIN_ID = 31337;
/** Funded at genesis and never used: its balance must still read right. */
export const IDLE_ACCOUNT: Hex = '0x00000000000000000000000000000000000a11ce';
/** The genesis's fee recipient: it gains every block's tips without a transaction of its own. */
export const COINBASE: Hex = '0x00000000000000000000000000000000000c0ffe';

/** A geth-style genesis funding the dev accounts (hex and decimal balances both), an idle account, and a contract. */
export function genesisDoc(overrides: { idleBalance?: bigint } = {}): Record<string, unknown> {
  const alloc: Record<string, unknown> = {};
  DEV_ACCOUNTS.forEach((a, i) => {
    const wei = 10_000n * 10n ** 18n + BigInt(i);
    alloc[i % 2 ? a.slice(2) : a] = { balance: i % 2 ? wei.toString() : `0x${wei.toString(16)}` };
  });
  alloc[IDLE_ACCOUNT] = { balance: (overrides.idleBalance ?? 1_234_567_890_123n).toString() };
  // A contract at genesis: returns 42.
  alloc['0x0000000000000000000000000000000000000042'] = { balance: '0x0', code: '0x602a60005260206000f3' };
  return {
    config: { chainId: ANVIL_CHAIN_ID },
    timestamp: '0x5e950a80', // 2020-04-14
    gasLimit: '0x1c9c380',
    baseFeePerGas: '0x3b9aca00',
    coinbase: COINBASE,
    difficulty: '0x0',
    extraData: '0x',
    alloc,
  };
}

export function writeGenesis(doc: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'yuscan-genesis-')), 'genesis.json');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

export interface Anvil {
  url: string;
  genesisFile: string;
  rpc<T = any>(method: string, params?: unknown[]): Promise<T>;
  /** Many calls in one HTTP request; throws on the first error. */
  batch(calls: { method: string; params: unknown[] }[]): Promise<unknown[]>;
  send(tx: Record<string, unknown>): Promise<Hex>;
  mine(): Promise<void>;
  head(): Promise<number>;
  stop(): Promise<void>;
}

/** Start anvil on a free port from `genesisFile` (default: genesisDoc()), mining only when told. */
export async function startAnvil(opts: { pruneHistory?: number; genesisFile?: string } = {}): Promise<Anvil> {
  const genesisFile = opts.genesisFile ?? writeGenesis(genesisDoc());
  const args = ['--port', '0', '--init', genesisFile, '--chain-id', String(ANVIL_CHAIN_ID), '--no-mining', '--order', 'fifo'];
  if (opts.pruneHistory !== undefined) args.push('--prune-history', String(opts.pruneHistory));
  const child: ChildProcess = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Listening on ([\d.]+:\d+)/.exec(out);
      if (m) resolve(`http://${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`anvil exited (${code}): ${out}`)));
  });
  child.stdout!.resume();
  let id = 1;
  type Answer = { id: number; result?: any; error?: { message: string } };
  const post = async (body: unknown) =>
    (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Answer | Answer[];
  const rpc = async (method: string, params: unknown[] = []) => {
    const r = (await post({ jsonrpc: '2.0', id: id++, method, params })) as Answer;
    if (r.error) throw new Error(`${method}: ${r.error.message}`);
    return r.result;
  };
  return {
    url,
    genesisFile,
    rpc,
    async batch(calls) {
      const asked = calls.map((c) => ({ jsonrpc: '2.0', id: id++, ...c }));
      const byId = new Map(((await post(asked)) as Answer[]).map((r) => [r.id, r]));
      return asked.map((c) => {
        const r = byId.get(c.id)!;
        if (r.error) throw new Error(`${c.method}: ${r.error.message}`);
        return r.result;
      });
    },
    send: (tx) => rpc('eth_sendTransaction', [tx]),
    mine: () => rpc('evm_mine'),
    head: async () => parseInt(await rpc('eth_blockNumber'), 16),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const ZOO_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
contract Child {
  constructor() payable {}
  function get() external pure returns (uint256) { return 7; }
  function die(address payable to) external { selfdestruct(to); }
}
contract Lib {
  uint256 public x;
  function setX(uint256 v) external payable { x = v; }
}
/// Every kind of internal call in one transaction: CREATE2 with value, DELEGATECALL,
/// STATICCALL, a caught revert, a plain value CALL and a SELFDESTRUCT paying out.
contract Zoo {
  uint256 public x;
  Lib public immutable lib;
  constructor() { lib = new Lib(); }
  function fail() external { x = 1; revert("no"); }
  function run(bytes32 salt, address payable payee) external payable {
    Child c = new Child{salt: salt, value: msg.value / 2}();
    (bool ok, ) = address(lib).delegatecall(abi.encodeWithSignature("setX(uint256)", 5));
    require(ok);
    require(c.get() == 7);
    try this.fail() {} catch {}
    payee.transfer(msg.value / 4);
    c.die(payee);
  }
}`;

/** A compiled contract: its ABI and creation bytecode. */
export interface Artifact {
  abi: unknown[];
  bytecode: Hex;
}

/** Compile one Solidity source with the npm solc (offline); every contract in it by name. */
export function compileSolidity(file: string, content: string): Record<string, Artifact> {
  const input = {
    language: 'Solidity',
    sources: { [file]: { content } },
    settings: { evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  return Object.fromEntries(Object.entries(out.contracts[file]!).map(([name, c]) => [name, { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` as Hex }]));
}

let zoo: Artifact | undefined;
/** The Zoo contract, compiled with the npm solc (offline). */
export function zooArtifact(): Artifact {
  zoo ??= compileSolidity('Zoo.sol', ZOO_SOURCE).Zoo!;
  return zoo;
}
