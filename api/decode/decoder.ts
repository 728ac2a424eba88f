// Read-time decoding of calls and logs, for every contract: stored registry decodes first,
// then the ABI of a verified contract, then a guess from the offline signature table. Pure:
// the verified ABI is handed in, so a transaction indexed before its contract was verified
// is decoded the moment the ABI exists, with no re-index.
import type { Abi, AbiEvent, AbiFunction, AbiParameter, Hex } from 'viem';
import type { DecodeSource } from '../generated/enums';
import { decodeCallWith, decodeLogWith, type Decoded } from '../../indexer/decode';
import signatures from './signatures.json' with { type: 'json' };
import { decoded } from '../data/decoded';

export type { DecodeSource };

export interface DecodedView {
  name: string;
  /** Etherscan's functionName form, e.g. transfer(address to, uint256 value). */
  signature: string | null;
  source: DecodeSource;
  args: Array<{ name: string; value: string }>;
}

const text = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
const paramList = (inputs: readonly AbiParameter[]) => inputs.map((p) => (p.name ? `${p.type} ${p.name}` : p.type)).join(', ');

function view(d: Decoded, source: DecodeSource, fragment: AbiFunction | AbiEvent | undefined): DecodedView {
  return {
    name: d.name,
    signature: fragment ? `${d.name}(${paramList(fragment.inputs)})` : null,
    source,
    args: Object.entries(d.args).map(([name, value]) => ({ name, value: text(value) })),
  };
}

/** A registry decode the indexer stored: name and JSON arguments. */
export function storedView(name: string | null, args: string | null): DecodedView | null {
  const d = decoded(name, args);
  return d && { ...d, signature: null, source: 'REGISTRY' };
}

const fragmentOf = <T extends 'function' | 'event'>(abi: Abi, type: T, name: string) =>
  abi.find((x) => x.type === type && 'name' in x && x.name === name) as (T extends 'function' ? AbiFunction : AbiEvent) | undefined;

export function verifiedCall(abi: Abi, input: string): DecodedView | null {
  const d = decodeCallWith(abi, input as Hex);
  return d && view(d, 'VERIFIED', fragmentOf(abi, 'function', d.name));
}

export function verifiedLog(abi: Abi, topics: string[], data: string): DecodedView | null {
  const d = decodeLogWith(abi, topics as Hex[], data as Hex);
  return d && view(d, 'VERIFIED', fragmentOf(abi, 'event', d.name));
}

const table = signatures as unknown as { functions: Record<string, AbiFunction>; events: Record<string, AbiEvent[]> };

/** A best-effort name from the well-known ABIs; marked GUESS, because any contract may reuse a selector. */
export function guessCall(input: string): DecodedView | null {
  const fragment = table.functions[input.slice(0, 10).toLowerCase()];
  if (!fragment) return null;
  const d = decodeCallWith([fragment], input as Hex);
  return d && view(d, 'GUESS', fragment);
}

export function guessLog(topics: string[], data: string): DecodedView | null {
  for (const fragment of table.events[topics[0]?.toLowerCase() ?? ''] ?? []) {
    const d = decodeLogWith([fragment], topics as Hex[], data as Hex);
    if (d) return view(d, 'GUESS', fragment);
  }
  return null;
}

/** The best decode of a call: stored registry decode, else the verified ABI of its target, else a guess. */
export function decodeCall(tx: { input: string; method_name: string | null; method_args: string | null }, abi: Abi | undefined): DecodedView | null {
  return storedView(tx.method_name, tx.method_args) ?? (abi && verifiedCall(abi, tx.input)) ?? guessCall(tx.input);
}

export function decodeLog(
  log: { topic0: string | null; topic1: string | null; topic2: string | null; topic3: string | null; data: string; event_name: string | null; event_args: string | null },
  abi: Abi | undefined,
): DecodedView | null {
  const topics = [log.topic0, log.topic1, log.topic2, log.topic3].filter((t): t is string => t != null);
  return storedView(log.event_name, log.event_args) ?? (abi && verifiedLog(abi, topics, log.data)) ?? guessLog(topics, log.data);
}
