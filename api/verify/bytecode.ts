// Bytecode matching for source verification. Pure: hex strings in, verdicts out.
//
// solc appends a CBOR map to every contract's runtime code (the metadata hash and the compiler
// version, followed by its length in two bytes). A creation input holds the runtime code of
// the contract and of every contract it creates with `new`, so it may hold several such maps.
// Two builds that differ only there came from the same code with different metadata (comments,
// file paths, settings that change nothing executable): a *partial* match. Equal including the
// maps is a *full* match. Immutables are written into the runtime code by the constructor, so
// their slots (which solc reports) are ignored when comparing runtime code; linked libraries'
// addresses are read from the chain's bytes at the places solc leaves for them.
// Decoding the CBOR itself is Sourcify's @ethereum-sourcify/bytecode-utils.
import { AuxdataStyle, decode } from '@ethereum-sourcify/bytecode-utils';
import type { MatchKind } from '../../db/schema';

export interface HexRange {
  /** Offsets in hex characters (twice the byte offset), end exclusive. */
  start: number;
  end: number;
}

export const strip0x = (hex: string) => (hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex).toLowerCase();

// Where a map may end: the "solc" key and its 3-byte version, text(4) "solc", bytes(3)
// <major minor patch>, are its last entry in every solc build; the map's length in two bytes
// follows. Each candidate is then decoded as CBOR, so a coincidence in other bytes is not taken.
const SOLC_KEY = /64736f6c6343[0-9a-f]{6}([0-9a-f]{4})/g;

/** Where the CBOR metadata maps sit in `hex` (no 0x), including their 2-byte length suffix. */
export function metadataRanges(hex: string): HexRange[] {
  const out: HexRange[] = [];
  for (const m of hex.matchAll(SOLC_KEY)) {
    if (m.index % 2 !== 0) continue; // not on a byte boundary
    const end = m.index + 22; // after the 2-byte length
    const start = end - 4 - parseInt(m[1]!, 16) * 2;
    if (start < 0) continue;
    try {
      if (!decode(`0x${hex.slice(start, end)}`, AuxdataStyle.SOLIDITY).solcVersion) continue;
    } catch {
      continue;
    }
    out.push({ start, end });
  }
  return out;
}

/** Byte ranges reported by solc (`immutableReferences`) as hex ranges. */
export function immutableRanges(refs: Record<string, { start: number; length: number }[]> | undefined): HexRange[] {
  return Object.values(refs ?? {}).flat().map((r) => ({ start: r.start * 2, end: (r.start + r.length) * 2 }));
}

/** Are `a` and `b` equal outside `ignore`? Both must have the same length. */
export function equalOutside(a: string, b: string, ignore: HexRange[]): boolean {
  if (a.length !== b.length) return false;
  let at = 0;
  for (const r of [...ignore].sort((x, y) => x.start - y.start)) {
    if (r.start > at && a.slice(at, r.start) !== b.slice(at, r.start)) return false;
    at = Math.max(at, r.end);
  }
  return a.slice(at) === b.slice(at);
}

function compare(compiled: string, onchain: string, alwaysIgnore: HexRange[]): MatchKind | undefined {
  if (equalOutside(compiled, onchain, alwaysIgnore)) return 'full';
  if (equalOutside(compiled, onchain, [...alwaysIgnore, ...metadataRanges(compiled)])) return 'partial';
  return undefined;
}

type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;

export interface Linked {
  /** The compiled code with each library placeholder replaced by the address found on chain. */
  code: string;
  /** "path:Name" -> 0x address. */
  libraries: Record<string, string>;
}

/**
 * Fill solc's library placeholders (__$…$__) from the bytes the chain holds at the same
 * places; undefined when one library shows two different addresses, which no real link does.
 */
export function linkFromChain(compiled: string, onchain: string, refs: LinkReferences | undefined): Linked | undefined {
  let code = strip0x(compiled);
  const chain = strip0x(onchain);
  const libraries: Record<string, string> = {};
  for (const [path, byName] of Object.entries(refs ?? {})) {
    for (const [name, places] of Object.entries(byName)) {
      for (const { start, length } of places) {
        const at = start * 2;
        const address = chain.slice(at, at + length * 2);
        if (address.length !== length * 2) return undefined;
        const key = `${path}:${name}`;
        if (libraries[key] !== undefined && libraries[key] !== `0x${address}`) return undefined;
        libraries[key] = `0x${address}`;
        code = code.slice(0, at) + address + code.slice(at + length * 2);
      }
    }
  }
  return { code, libraries };
}

export interface CreationMatch {
  kind: MatchKind;
  /** ABI-encoded constructor arguments: whatever follows the creation code (hex, no 0x). */
  constructorArgs: string;
}

/** Match compiled creation code against a creation transaction's input. */
export function matchCreation(compiledCreation: string, creationInput: string): CreationMatch | undefined {
  const compiled = strip0x(compiledCreation);
  const input = strip0x(creationInput);
  if (!compiled || input.length < compiled.length) return undefined;
  const kind = compare(compiled, input.slice(0, compiled.length), []);
  return kind && { kind, constructorArgs: input.slice(compiled.length) };
}

/** Match compiled runtime code against the code deployed at the address. */
export function matchRuntime(
  compiledRuntime: string,
  deployed: string,
  immutables?: Record<string, { start: number; length: number }[]>,
): MatchKind | undefined {
  const compiled = strip0x(compiledRuntime);
  if (!compiled) return undefined;
  return compare(compiled, strip0x(deployed), immutableRanges(immutables));
}

/** The weaker of two verdicts: a verification is only as full as its weakest comparison. */
export const weaker = (a: MatchKind, b: MatchKind | undefined): MatchKind => (a === 'full' && (b ?? 'full') === 'full' ? 'full' : 'partial');
