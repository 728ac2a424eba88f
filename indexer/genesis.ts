// A geth-style genesis file (the format geth, Besu, GoQuorum, Nethermind and anvil --init
// read): its `alloc` are the balances and code at block 0, which no node can be asked for
// once it has pruned block 0's state. Parsing is pure; checking the file against a node's
// block 0 is at the bottom.
import { readFileSync } from 'node:fs';
import { isAddress, isHex } from 'viem';
import type { RpcClient } from './rpc';

export interface GenesisAlloc {
  address: string;
  balance: bigint;
  /** Runtime code of an allocated contract, lowercase 0x-hex; absent for plain accounts. */
  code?: string;
}

export interface Genesis {
  chainId: number | null;
  /** Header fields the file sets, as the node reports them (lowercase hex quantities). */
  header: Partial<Record<'timestamp' | 'gasLimit' | 'extraData' | 'miner' | 'difficulty' | 'mixHash' | 'baseFeePerGas', string>>;
  alloc: GenesisAlloc[];
}

/** A genesis file that cannot be read, or does not belong to the chain: one clear line. */
export class GenesisError extends Error {
  override name = 'GenesisError';
}

/** A quantity written in hex ("0x…") or decimal, as genesis files do both. */
function quantity(raw: unknown, what: string): bigint {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return BigInt(raw);
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (/^0x[0-9a-f]+$/i.test(s)) return BigInt(s);
    if (/^[0-9]+$/.test(s)) return BigInt(s);
  }
  throw new GenesisError(`${what} is ${JSON.stringify(raw)}; it takes a hex ("0x…") or decimal whole number`);
}

const hexQuantity = (raw: unknown, what: string) => `0x${quantity(raw, what).toString(16)}`;

/** Parse a genesis document. Throws GenesisError naming the first bad entry. */
export function parseGenesis(doc: unknown): Genesis {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new GenesisError('the genesis file is not a JSON object');
  const g = doc as Record<string, unknown>;
  const allocRaw = g.alloc ?? {};
  if (!allocRaw || typeof allocRaw !== 'object' || Array.isArray(allocRaw)) throw new GenesisError('"alloc" is not an object of address: account');
  const alloc: GenesisAlloc[] = [];
  for (const [key, value] of Object.entries(allocRaw as Record<string, unknown>)) {
    const address = (key.startsWith('0x') || key.startsWith('0X') ? `0x${key.slice(2)}` : `0x${key}`).toLowerCase();
    if (!isAddress(address, { strict: false })) throw new GenesisError(`alloc key "${key}" is not a 20-byte hex address`);
    const entry = (value ?? {}) as Record<string, unknown>;
    const balance = entry.balance === undefined ? 0n : quantity(entry.balance, `alloc["${key}"].balance`);
    const code = entry.code;
    if (code !== undefined && (typeof code !== 'string' || !isHex(code.startsWith('0x') ? code : `0x${code}`))) {
      throw new GenesisError(`alloc["${key}"].code is not hex`);
    }
    const codeHex = typeof code === 'string' ? (code.startsWith('0x') ? code : `0x${code}`).toLowerCase() : undefined;
    alloc.push({ address, balance, ...(codeHex && codeHex !== '0x' ? { code: codeHex } : {}) });
  }
  alloc.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const config = (g.config ?? {}) as Record<string, unknown>;
  const chainId = config.chainId === undefined ? null : Number(quantity(config.chainId, 'config.chainId'));
  const header: Genesis['header'] = {};
  if (g.timestamp !== undefined) header.timestamp = hexQuantity(g.timestamp, 'timestamp');
  if (g.gasLimit !== undefined) header.gasLimit = hexQuantity(g.gasLimit, 'gasLimit');
  if (g.difficulty !== undefined) header.difficulty = hexQuantity(g.difficulty, 'difficulty');
  if (g.baseFeePerGas !== undefined) header.baseFeePerGas = hexQuantity(g.baseFeePerGas, 'baseFeePerGas');
  if (typeof g.extraData === 'string') header.extraData = g.extraData.toLowerCase();
  if (typeof g.coinbase === 'string') header.miner = g.coinbase.toLowerCase();
  if (typeof g.mixHash === 'string') header.mixHash = g.mixHash.toLowerCase();
  return { chainId, header, alloc };
}

export function readGenesisFile(path: string): Genesis {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new GenesisError(`cannot read the genesis file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new GenesisError(`the genesis file ${path} is not JSON: ${(err as Error).message}`);
  }
  try {
    return parseGenesis(doc);
  } catch (err) {
    throw new GenesisError(`the genesis file ${path}: ${(err as Error).message}`);
  }
}

/** Quantities compare by value ("0x05" = "0x5"); data fields by their bytes. */
function sameField(field: string, fromFile: string, fromNode: string | undefined): boolean {
  if (fromNode === undefined) return true;
  if (field === 'extraData' || field === 'miner' || field === 'mixHash') return fromFile === fromNode.toLowerCase();
  return BigInt(fromFile) === BigInt(fromNode);
}

/** How many allocated balances to compare at block 0 where the node still has that state. */
const BALANCE_SAMPLE = 50;

/**
 * Refuse a genesis file that is not this chain's: its chain id, the block-0 header fields
 * it sets, and, where the node still keeps block 0's state, a sample of its balances.
 * Returns null when it matches, else the reason.
 */
export async function genesisMismatch(genesis: Genesis, rpc: RpcClient, chainId: number): Promise<string | null> {
  if (genesis.chainId !== null && genesis.chainId !== chainId) {
    return `the genesis file is for chain ${genesis.chainId}, but the node serves chain ${chainId}`;
  }
  const block0 = await rpc.request<Record<string, string> | null>('eth_getBlockByNumber', ['0x0', false]);
  if (!block0) return 'the node has no block 0 to check the genesis file against';
  for (const [field, value] of Object.entries(genesis.header)) {
    if (!sameField(field, value, block0[field])) return `the genesis file's ${field} ${value} differs from the node's block 0 (${block0[field]})`;
  }
  const sample = genesis.alloc.slice(0, BALANCE_SAMPLE);
  if (sample.length === 0) return null;
  const answers = await rpc.batch(sample.map((a) => ({ method: 'eth_getBalance', params: [a.address, '0x0'] })));
  // A node that pruned block 0's state cannot answer; the header fields above still held.
  for (let i = 0; i < sample.length; i++) {
    const r = answers[i]!;
    if (r.error || typeof r.result !== 'string') return null;
    if (BigInt(r.result) !== sample[i]!.balance) {
      return `the genesis file allocates ${sample[i]!.balance} to ${sample[i]!.address}, but the node's block 0 holds ${BigInt(r.result)}`;
    }
  }
  return null;
}
