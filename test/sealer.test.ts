// Sealer detection on genuine headers of public PoA chains (fixtures cite their sources).
import { fromRlp, keccak256, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { bftCommitHash, bftCommitters, decodeBftExtra } from '../indexer/sealer/bft';
import { cliqueSigner, cliqueVote, looksClique } from '../indexer/sealer/clique';
import { headerHash, type HeaderFields } from '../indexer/sealer/header';
import { detectScheme, sealingOf } from '../indexer/sealer/index';
import {
  BESU_IBFT2_DOCS_GENESIS_EXTRA, BESU_QBFT_7528, BESU_QBFT_GENESIS_EXTRA, GOERLI_1000000, GOERLI_LONDON_5102442,
} from './fixtures/consensus-headers';

/**
 * Goerli's Infura signer, as named in Nethermind's list of known Goerli validators
 * (github.com/NethermindEth/nethermind, src/Nethermind/Nethermind.Blockchain/KnownAddresses.cs).
 */
const GOERLI_INFURA_SIGNER = '0x8b24eb4e6aae906058242d83e51fb077370c4720';

/** A header RLP (a genuine one, from the fixture) read back into JSON-RPC fields. */
function fieldsFromRlp(rlp: Hex): HeaderFields {
  const f = fromRlp(rlp, 'hex') as Hex[];
  const q = (h: Hex): Hex => (h === '0x' ? '0x0' : h);
  return {
    parentHash: f[0]!, sha3Uncles: f[1]!, miner: f[2]!, stateRoot: f[3]!, transactionsRoot: f[4]!, receiptsRoot: f[5]!,
    logsBloom: f[6]!, difficulty: q(f[7]!), number: q(f[8]!), gasLimit: q(f[9]!), gasUsed: q(f[10]!), timestamp: q(f[11]!),
    extraData: f[12]!, mixHash: f[13]!, nonce: f[14]!,
  };
}

describe('header RLP', () => {
  it('rebuilds the exact block hash of pre-London and London Goerli headers', () => {
    expect(headerHash(GOERLI_1000000)).toBe(GOERLI_1000000.hash);
    expect(headerHash(GOERLI_LONDON_5102442)).toBe(GOERLI_LONDON_5102442.hash);
  });

  it('needs baseFee in the London header: without it the hash differs', () => {
    const { baseFeePerGas: _drop, ...preLondon } = GOERLI_LONDON_5102442;
    expect(headerHash(preLondon)).not.toBe(GOERLI_LONDON_5102442.hash);
  });

  it('round-trips a genuine Besu header RLP through the JSON fields', () => {
    expect(headerHash(fieldsFromRlp(BESU_QBFT_7528.rlp))).toBe(keccak256(BESU_QBFT_7528.rlp));
  });
});

describe('Clique', () => {
  it('recovers the Infura signer from Goerli blocks two years apart (pre-London and London)', async () => {
    expect(looksClique(GOERLI_1000000)).toBe(true);
    expect(await cliqueSigner(GOERLI_1000000)).toBe(GOERLI_INFURA_SIGNER);
    expect(await cliqueSigner(GOERLI_LONDON_5102442)).toBe(GOERLI_INFURA_SIGNER);
  });

  it('a changed header field recovers someone else', async () => {
    expect(await cliqueSigner({ ...GOERLI_1000000, gasUsed: '0x2dcb7' })).not.toBe(GOERLI_INFURA_SIGNER);
  });

  it('detects Clique from the header shape and credits the signer, not the zero coinbase', async () => {
    expect(detectScheme(GOERLI_LONDON_5102442)).toBe('CLIQUE');
    const s = await sealingOf('CLIQUE', GOERLI_LONDON_5102442);
    expect(s.sealer).toBe(GOERLI_INFURA_SIGNER);
    expect(s.vote).toBeNull(); // zero coinbase: no vote cast
    expect(s.validators).toBeNull(); // not a checkpoint block
  });

  it('reads a vote from coinbase and nonce', () => {
    expect(cliqueVote({ miner: '0x00000000000000000000000000000000000000aa', nonce: '0xffffffffffffffff' })).toEqual({
      address: '0x00000000000000000000000000000000000000aa',
      add: true,
    });
    expect(cliqueVote({ miner: '0x00000000000000000000000000000000000000aa', nonce: '0x0000000000000000' })?.add).toBe(false);
  });
});

describe('IBFT 2.0 / QBFT', () => {
  it('decodes a sealed Besu QBFT header: its validators, round 1 and three committed seals', () => {
    const h = fieldsFromRlp(BESU_QBFT_7528.rlp);
    const extra = decodeBftExtra(h.extraData)!;
    expect(extra.flavour).toBe('QBFT');
    expect(extra.validators).toEqual(BESU_QBFT_7528.validators);
    expect(extra.round).toBe(1);
    expect(extra.vote).toBeNull();
    expect(extra.seals).toHaveLength(3);
    expect(detectScheme(h)).toBe('QBFT');
  });

  it('computes the commit hash the network signed, and every seal recovers a distinct validator', async () => {
    const h = fieldsFromRlp(BESU_QBFT_7528.rlp);
    expect(bftCommitHash(h)).toBe(BESU_QBFT_7528.commitHash);
    const committers = await bftCommitters(h, decodeBftExtra(h.extraData)!);
    expect(committers).toHaveLength(3);
    for (const c of committers) expect(BESU_QBFT_7528.validators).toContain(c);
    expect(new Set(committers).size).toBe(3);
  });

  it('credits the proposer named in the coinbase, which is one of the validators', async () => {
    const h = fieldsFromRlp(BESU_QBFT_7528.rlp);
    const s = await sealingOf('QBFT', h);
    expect(s.sealer).toBe('0xee3353e587cfa91625a1adaef308a726de3803d3');
    expect(s.validators).toEqual(BESU_QBFT_7528.validators);
  });

  it('decodes a QBFT genesis (list vote, minimal round) and an IBFT 2.0 genesis from the Besu docs (bytes vote, 4-byte round)', () => {
    const q = decodeBftExtra(BESU_QBFT_GENESIS_EXTRA)!;
    expect(q.flavour).toBe('QBFT');
    expect(q.validators).toEqual([
      '0xc09719b9508d76d9de1b82788bbc81f52f9f2bc0',
      '0xc1a765dad01fe8869c53c6a520bcc42dff42abb1',
      '0x4d7d7f66c08e076579638989ff0a2fefec46808e',
      '0xf8110fa015efd6216c072b10ebe5190a0069e1b8',
    ]);
    expect(q.seals).toEqual([]);
    const i = decodeBftExtra(BESU_IBFT2_DOCS_GENESIS_EXTRA)!;
    expect(i.flavour).toBe('IBFT2');
    expect(i.validators).toEqual(['0xbe068f726a13c8d46c44be6ce9d275600e1735a4', '0x5ff6f4b66a46a2b2310a6f3a93aaddc0d9a1c193']);
    expect(i.round).toBe(0);
    expect(i.vote).toBeNull();
  });

  it('is not fooled by Clique or empty extraData', () => {
    expect(decodeBftExtra(GOERLI_1000000.extraData)).toBeNull();
    expect(decodeBftExtra('0x')).toBeNull();
    expect(detectScheme({ extraData: '0x', mixHash: GOERLI_1000000.mixHash })).toBe('COINBASE');
  });
});
