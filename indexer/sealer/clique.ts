// Clique (EIP-225): the signer's 65-byte seal closes extraData; it signs keccak256 of the
// header RLP with that seal cut off. The coinbase and nonce carry a vote (add when the nonce
// is all ones, drop when zero), and checkpoint blocks list the signers between vanity and seal.
import { recoverAddress, size, slice, type Hex } from 'viem';
import { headerHash, type HeaderFields } from './header';

export const CLIQUE_VANITY = 32;
export const CLIQUE_SEAL = 65;

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const NONCE_AUTH = '0xffffffffffffffff';

/** Header shape of a Clique block: vanity + (signers) + seal, and the fixed mixHash. */
export function looksClique(h: Pick<HeaderFields, 'extraData' | 'mixHash'>): boolean {
  const n = size(h.extraData);
  return n >= CLIQUE_VANITY + CLIQUE_SEAL && (n - CLIQUE_VANITY - CLIQUE_SEAL) % 20 === 0 && BigInt(h.mixHash) === 0n;
}

export function cliqueSealHash(h: HeaderFields): Hex {
  return headerHash(h, slice(h.extraData, 0, size(h.extraData) - CLIQUE_SEAL));
}

export async function cliqueSigner(h: HeaderFields): Promise<Hex> {
  const signature = slice(h.extraData, size(h.extraData) - CLIQUE_SEAL);
  const signer = await recoverAddress({ hash: cliqueSealHash(h), signature });
  return signer.toLowerCase() as Hex;
}

/** Signers listed on a checkpoint (epoch) block; empty on ordinary blocks. */
export function cliqueCheckpointSigners(h: Pick<HeaderFields, 'extraData'>): Hex[] {
  const body = slice(h.extraData, CLIQUE_VANITY, size(h.extraData) - CLIQUE_SEAL);
  const out: Hex[] = [];
  for (let i = 2; i < body.length; i += 40) out.push(`0x${body.slice(i, i + 40).toLowerCase()}`);
  return out;
}

/** The signer's vote, if it cast one: a candidate in the coinbase, add or drop by the nonce. */
export function cliqueVote(h: Pick<HeaderFields, 'miner' | 'nonce'>): { address: Hex; add: boolean } | null {
  if (h.miner.toLowerCase() === ZERO_ADDRESS) return null;
  return { address: h.miner.toLowerCase() as Hex, add: h.nonce.toLowerCase() === NONCE_AUTH };
}
