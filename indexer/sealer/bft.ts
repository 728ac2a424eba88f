// IBFT 2.0 and QBFT (Hyperledger Besu, GoQuorum): extraData is
// RLP([vanity(32), [validators], vote, round, [committed seals]]).
// - IBFT 2.0 writes the round as a fixed 4-byte integer and an absent vote as empty bytes;
// - QBFT writes the round as a minimal RLP integer and an absent vote as an empty list.
// A present vote is [address, type] in both.
// Neither carries a proposer seal: the proposer writes its own address in the coinbase. What
// the header does prove is who committed it: each committed seal signs keccak256 of the header
// with the seals list emptied, and must recover to a member of the validator list.
import { fromRlp, hexToBigInt, recoverAddress, toRlp, type Hex } from 'viem';
import { headerHash, type HeaderFields } from './header';

export type BftFlavour = 'IBFT2' | 'QBFT';

export interface BftExtra {
  flavour: BftFlavour;
  vanity: Hex;
  validators: Hex[];
  /** A proposal to add or remove a validator, when this block carries one. */
  vote: { address: Hex; add: boolean } | null;
  round: number;
  seals: Hex[];
}

type Rlp = Hex | Rlp[];

const isBytes = (x: Rlp | undefined): x is Hex => typeof x === 'string';
const bytesLen = (h: Hex) => (h.length - 2) / 2;

function decodeVote(raw: Rlp): BftExtra['vote'] {
  // Empty vote: 0x80 (IBFT 2.0 writes empty bytes) or 0xc0 (QBFT, and IBFT 2.0 on newer Besu).
  if (isBytes(raw)) return bytesLen(raw) === 0 ? null : voteFrom([raw.slice(0, 42) as Hex, `0x${raw.slice(42)}`]);
  if (raw.length === 0) return null;
  return voteFrom(raw);
}

function voteFrom(parts: Rlp[]): BftExtra['vote'] {
  const [address, type] = parts;
  if (!isBytes(address) || bytesLen(address) !== 20 || !isBytes(type)) throw new Error('BFT vote: [address, type] expected');
  // Besu: ADD = 0xff, DROP = 0x00 (written as 0x80, the empty string); QBFT spec: 0x01 add.
  const t = bytesLen(type) === 0 ? 0n : hexToBigInt(type);
  return { address: address.toLowerCase() as Hex, add: t !== 0n };
}

/** Decode an IBFT 2.0 / QBFT extraData; null when it is not one (so detection can try others). */
export function decodeBftExtra(extraData: Hex): BftExtra | null {
  let items: Rlp;
  try {
    items = fromRlp(extraData, 'hex') as Rlp;
  } catch {
    return null;
  }
  if (isBytes(items) || items.length !== 5) return null;
  const [vanity, validators, vote, round, seals] = items as [Rlp, Rlp, Rlp, Rlp, Rlp];
  if (!isBytes(vanity) || bytesLen(vanity) !== 32 || isBytes(validators) || !isBytes(round) || isBytes(seals)) return null;
  if (!validators.every((v) => isBytes(v) && bytesLen(v) === 20)) return null;
  if (!seals.every((s) => isBytes(s) && bytesLen(s) === 65)) return null;
  // A fixed-width 4-byte round (leading zeros allowed) is IBFT 2.0's encoding; RLP minimal is QBFT's.
  const fixedRound = bytesLen(round) === 4;
  return {
    flavour: fixedRound || isBytes(vote) ? 'IBFT2' : 'QBFT',
    vanity,
    validators: (validators as Hex[]).map((v) => v.toLowerCase() as Hex),
    vote: decodeVote(vote),
    round: bytesLen(round) === 0 ? 0 : Number(hexToBigInt(round)),
    seals: seals as Hex[],
  };
}

/**
 * The hash the committed seals sign: the header without its seals. IBFT 2.0 drops the seals
 * item (extraData [vanity, validators, vote, round]); QBFT keeps an empty seals list.
 */
export function bftCommitHash(h: HeaderFields): Hex {
  const [vanity, validators, vote, round] = fromRlp(h.extraData, 'hex') as [Hex, Hex[], Rlp, Hex];
  const flavour = decodeBftExtra(h.extraData)!.flavour;
  return headerHash(h, toRlp(flavour === 'IBFT2' ? [vanity, validators, vote, round] : [vanity, validators, vote, round, []]));
}

/** Addresses that committed the block, in seal order. */
export async function bftCommitters(h: HeaderFields, extra: BftExtra): Promise<Hex[]> {
  const hash = bftCommitHash(h);
  const out: Hex[] = [];
  for (const signature of extra.seals) out.push(((await recoverAddress({ hash, signature })) as Hex).toLowerCase() as Hex);
  return out;
}

