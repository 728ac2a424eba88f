// The devnet's block 0 as a geth-style genesis JSON: the file anvil starts from (--init) and
// the one the indexer reads (--genesis) for the balances at block 0, so both see the same
// chain start. Pure: the spec in, the JSON out.

type Hex = `0x${string}`;

export interface GenesisAccount {
  address: Hex;
  balance: bigint;
  /** The node holds the key and signs eth_sendTransaction for this account (geth's `secretKey`). */
  privateKey?: Hex;
}

export interface GenesisSpec {
  chainId: number;
  /** Unix seconds. */
  timestamp: number;
  gasLimit: bigint;
  coinbase: Hex;
  baseFeePerGas: bigint;
  accounts: readonly GenesisAccount[];
}

export interface GethGenesis {
  config: { chainId: number };
  nonce: Hex;
  timestamp: Hex;
  extraData: Hex;
  gasLimit: Hex;
  difficulty: Hex;
  coinbase: Hex;
  baseFeePerGas: Hex;
  alloc: Record<string, { balance: Hex; secretKey?: Hex }>;
}

const qty = (n: bigint | number): Hex => `0x${n.toString(16)}`;

export function gethGenesis(spec: GenesisSpec): GethGenesis {
  const alloc: GethGenesis['alloc'] = {};
  for (const a of spec.accounts) {
    alloc[a.address.toLowerCase()] = { balance: qty(a.balance), ...(a.privateKey ? { secretKey: a.privateKey } : {}) };
  }
  return {
    config: { chainId: spec.chainId },
    nonce: '0x0',
    timestamp: qty(spec.timestamp),
    extraData: '0x',
    gasLimit: qty(spec.gasLimit),
    difficulty: '0x0',
    coinbase: spec.coinbase,
    baseFeePerGas: qty(spec.baseFeePerGas),
    alloc,
  };
}
