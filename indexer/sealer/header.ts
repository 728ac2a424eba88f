// The RLP of a block header rebuilt from its JSON-RPC fields. Seal hashes (Clique, IBFT 2.0,
// QBFT) are keccak256 of this list with extraData replaced, so the field list must follow
// the forks exactly: each fork appends fields, and a field is present iff the node returned it.
import { keccak256, toRlp, type Hex } from 'viem';

/** The header fields of eth_getBlockByNumber that enter the hash. */
export interface HeaderFields {
  parentHash: Hex;
  sha3Uncles: Hex;
  miner: Hex;
  stateRoot: Hex;
  transactionsRoot: Hex;
  receiptsRoot: Hex;
  logsBloom: Hex;
  difficulty: Hex;
  number: Hex;
  gasLimit: Hex;
  gasUsed: Hex;
  timestamp: Hex;
  extraData: Hex;
  mixHash: Hex;
  nonce: Hex;
  /** London (EIP-1559). */
  baseFeePerGas?: Hex;
  /** Shanghai (EIP-4895). */
  withdrawalsRoot?: Hex;
  /** Cancun (EIP-4844, EIP-4788). */
  blobGasUsed?: Hex;
  excessBlobGas?: Hex;
  parentBeaconBlockRoot?: Hex;
  /** Prague (EIP-7685). */
  requestsHash?: Hex;
}

/** The fork-ordered optional tail; a later field never appears without the earlier ones. */
const TAIL = ['baseFeePerGas', 'withdrawalsRoot', 'blobGasUsed', 'excessBlobGas', 'parentBeaconBlockRoot', 'requestsHash'] as const;
const QUANTITIES = new Set<keyof HeaderFields>(['difficulty', 'number', 'gasLimit', 'gasUsed', 'timestamp', 'baseFeePerGas', 'blobGasUsed', 'excessBlobGas']);

/** RLP integers are minimal big-endian bytes: 0 is the empty string, and no leading zero byte. */
function quantity(h: Hex): Hex {
  const n = BigInt(h);
  if (n === 0n) return '0x';
  const s = n.toString(16);
  return `0x${s.length % 2 ? '0' : ''}${s}`;
}

/** The header as an RLP list, with extraData swapped for `extraData` when given. */
export function headerList(h: HeaderFields, extraData: Hex = h.extraData): Hex[] {
  const fields: (keyof HeaderFields)[] = [
    'parentHash', 'sha3Uncles', 'miner', 'stateRoot', 'transactionsRoot', 'receiptsRoot', 'logsBloom',
    'difficulty', 'number', 'gasLimit', 'gasUsed', 'timestamp', 'extraData', 'mixHash', 'nonce',
  ];
  for (const k of TAIL) {
    if (h[k] === undefined || h[k] === null) break;
    fields.push(k);
  }
  return fields.map((k) => {
    const v = (k === 'extraData' ? extraData : h[k]) as Hex;
    return QUANTITIES.has(k) ? quantity(v) : (v.toLowerCase() as Hex);
  });
}

export function headerHash(h: HeaderFields, extraData?: Hex): Hex {
  return keccak256(toRlp(headerList(h, extraData)));
}
