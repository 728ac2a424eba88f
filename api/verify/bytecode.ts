// Bytecode matching for source verification. Pure: hex strings in, verdicts out.
//
// solc appends a CBOR map to every contract's runtime code (the metadata hash and the compiler
// version, followed by its length in two bytes). A creation input holds the runtime code of
// the contract and of every contract it creates with `new`, so it may hold several such maps.
// Two builds that differ only there came from the same code with different metadata (comments,
// file paths, settings that change nothing executable): a *partial* match. Equal including the
// maps is a *full* match. Immutables are written into the runtime code by the constructor, so
// their slots (which solc reports) are ignored when comparing runtime code.
import type { MatchKind } from '../../db/schema';

export interface HexRange {
  /** Offsets in hex characters (twice the byte offset), end exclusive. */
  start: number;
  end: number;
}

export const strip0x = (hex: string) => (hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex).toLowerCase();

// The "solc" key and its 3-byte version: text(4) "solc", bytes(3) <major minor patch>; the
// map's length in bytes follows, then the code ends or the next object begins.
const SOLC_KEY = /64736f6c6343[0-9a-f]{6}([0-9a-f]{4})/g;

/** Where the CBOR metadata maps sit in `hex` (no 0x), including their 2-byte length suffix. */
export function metadataRanges(hex: string): HexRange[] {
  const out: HexRange[] = [];
  for (const m of hex.matchAll(SOLC_KEY)) {
    if (m.index % 2 !== 0) continue; // not on a byte boundary: a coincidence inside other bytes
    const mapEnd = m.index + 18;
    const start = mapEnd - parseInt(m[1]!, 16) * 2;
    // A CBOR map of 1 to 5 entries opens with a1..a5.
    if (start < 0 || !/^a[1-5]$/.test(hex.slice(start, start + 2))) continue;
    out.push({ start, end: mapEnd + 4 });
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

/** Source files that link external libraries carry __$…$__ placeholders instead of addresses. */
export const hasUnlinkedLibraries = (compiled: string) => compiled.includes('__$');

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
