// Who sealed a block, by the chain's consensus. The scheme is chosen once per chain from the
// shape of its first sealed header and then applied to every block: a header that does not
// fit the chosen scheme is an error, never silently credited to its coinbase.
import type { Hex } from 'viem';
import { decodeBftExtra } from './bft';
import { cliqueCheckpointSigners, cliqueSigner, cliqueVote, looksClique } from './clique';
import type { HeaderFields } from './header';

export type SealScheme = 'CLIQUE' | 'IBFT2' | 'QBFT' | 'COINBASE';

export interface Sealing {
  sealer: Hex;
  /** The validator set the header states, when it states one (BFT every block, Clique at checkpoints). */
  validators: Hex[] | null;
  /** A vote to add or drop a validator carried by this header. */
  vote: { address: Hex; add: boolean } | null;
}

/** Genesis carries no seal; decide from block >= 1. */
export function detectScheme(h: Pick<HeaderFields, 'extraData' | 'mixHash'>): SealScheme {
  const bft = decodeBftExtra(h.extraData);
  if (bft) return bft.flavour;
  if (looksClique(h)) return 'CLIQUE';
  return 'COINBASE';
}

export async function sealingOf(scheme: SealScheme, h: HeaderFields): Promise<Sealing> {
  const coinbase = h.miner.toLowerCase() as Hex;
  if (BigInt(h.number) === 0n) return { sealer: coinbase, validators: null, vote: null };
  switch (scheme) {
    case 'CLIQUE': {
      const signers = cliqueCheckpointSigners(h);
      return { sealer: await cliqueSigner(h), validators: signers.length ? signers : null, vote: cliqueVote(h) };
    }
    case 'IBFT2':
    case 'QBFT': {
      const extra = decodeBftExtra(h.extraData);
      if (!extra) throw new Error(`block ${BigInt(h.number)}: extraData is not ${scheme}`);
      // These formats carry no proposer seal: the proposer names itself in the coinbase (Besu
      // and GoQuorum both do). The committed seals (bftCommitters) prove who committed the
      // block, not who proposed it, so they are not recovered on this hot path.
      return { sealer: coinbase, validators: extra.validators, vote: extra.vote };
    }
    case 'COINBASE':
      return { sealer: coinbase, validators: null, vote: null };
  }
}
