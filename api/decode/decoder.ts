// Read-time decoding of calls and logs, for every contract: stored registry decodes first,
// then the ABI of a verified contract, then a guess from the offline signature table. Pure:
// the verified ABI is handed in, so a transaction indexed before its contract was verified
// is decoded the moment the ABI exists, with no re-index.
import { decodeAbiParameters, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction, type AbiParameter, type Hex } from 'viem';
import type { DecodeSource } from '../generated/enums';
import { decodeLogWith, namedArgs, type Decoded } from '../../indexer/decode';
import signatures from './signatures.json' with { type: 'json' };
import { decoded } from '../data/decoded';
import { allianceRegistryAbi } from '../../contracts/registry';

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

// Calls are decoded per row of every list, so the function is found by a map lookup, not as
// viem's decodeFunctionData finds it (hashing every function's signature on every call): the
// selectors of an ABI are computed once per parsed ABI (verified.ts keeps those), the table's
// are its keys. A call decodes when its selector names a function and its arguments decode
// under that function's inputs, exactly as decodeFunctionData would have it.
interface CallFragment {
  fn: AbiFunction;
  /** Etherscan's functionName form, built once. */
  signature: string;
}
const fragment = (fn: AbiFunction): CallFragment => ({ fn, signature: `${fn.name}(${paramList(fn.inputs)})` });

const bySelector = new WeakMap<Abi, Map<string, CallFragment>>();
function selectorsOf(abi: Abi): Map<string, CallFragment> {
  let map = bySelector.get(abi);
  if (!map) {
    map = new Map();
    for (const x of abi) {
      if (x.type !== 'function') continue;
      const selector = toFunctionSelector(x);
      // The first of two functions with one selector wins, as in decodeFunctionData.
      if (!map.has(selector)) map.set(selector, fragment(x));
    }
    bySelector.set(abi, map);
  }
  return map;
}

/** The call's arguments under `f`, or undefined when they do not decode. */
function argsOf(f: CallFragment, input: string): readonly unknown[] | undefined {
  if (f.fn.inputs.length === 0) return [];
  try {
    return decodeAbiParameters(f.fn.inputs, `0x${input.slice(10)}`);
  } catch {
    return undefined;
  }
}

function callView(f: CallFragment | undefined, input: string, source: DecodeSource): DecodedView | null {
  if (!f) return null;
  const args = argsOf(f, input);
  if (!args) return null;
  const named = namedArgs(f.fn.inputs, args);
  return { name: f.fn.name, signature: f.signature, source, args: Object.entries(named).map(([name, value]) => ({ name, value: text(value) })) };
}

const verifiedFragment = (abi: Abi, input: string) => (input.length < 10 ? undefined : selectorsOf(abi).get(input.slice(0, 10)));

export function verifiedCall(abi: Abi, input: string): DecodedView | null {
  return callView(verifiedFragment(abi, input), input, 'VERIFIED');
}

export function verifiedLog(abi: Abi, topics: string[], data: string): DecodedView | null {
  const d = decodeLogWith(abi, topics as Hex[], data as Hex);
  return d && view(d, 'VERIFIED', fragmentOf(abi, 'event', d.name));
}

const table = signatures as unknown as { functions: Record<string, AbiFunction>; events: Record<string, AbiEvent[]> };
const guesses = new Map(Object.entries(table.functions).map(([selector, fn]) => [selector, fragment(fn)]));
const guessFragment = (input: string) => (input.length < 10 ? undefined : guesses.get(input.slice(0, 10).toLowerCase()));

const registryFunctions = allianceRegistryAbi.filter((f): f is AbiFunction & typeof f => f.type === 'function');

/** The selectors a function name stands for: the registry's functions of that name, and the well-known ABIs'. */
export function selectorsNamed(name: string): string[] {
  const own = registryFunctions.filter((f) => f.name === name).map((f) => toFunctionSelector(f));
  const known = [...guesses].filter(([, f]) => f.fn.name === name).map(([selector]) => selector);
  return [...new Set([...own, ...known])];
}

/** A best-effort name from the well-known ABIs; marked GUESS, because any contract may reuse a selector. */
export function guessCall(input: string): DecodedView | null {
  return callView(guessFragment(input), input, 'GUESS');
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

/**
 * What decodeCall would name the call, without building its arguments: Etherscan's
 * functionName (signature, or the stored registry name), '' when it does not decode. For lists.
 */
export function callName(tx: { input: string; method_name: string | null }, abi: Abi | undefined): string {
  if (tx.method_name) return tx.method_name;
  if (tx.input.length < 10) return '';
  for (const f of [abi && verifiedFragment(abi, tx.input), guessFragment(tx.input)]) {
    if (f && argsOf(f, tx.input)) return f.signature;
  }
  return '';
}

/**
 * The function a call decodes under, as decodeCall would pick it (the verified ABI's, else the
 * well-known signatures'), for decoding what the call returned; undefined when none does.
 */
export function callFunction(input: string, abi: Abi | undefined): AbiFunction | undefined {
  if (input.length < 10) return undefined;
  for (const f of [abi && verifiedFragment(abi, input), guessFragment(input)]) {
    if (f && argsOf(f, input)) return f.fn;
  }
  return undefined;
}

/** Does the call carry a selector that a verified ABI could name? (Lists skip loading ABIs when none does.) */
export const mayNeedAbi = (tx: { input: string; method_name: string | null }) => !tx.method_name && tx.input.length >= 10;

export function decodeLog(
  log: { topic0: string | null; topic1: string | null; topic2: string | null; topic3: string | null; data: string; event_name: string | null; event_args: string | null },
  abi: Abi | undefined,
): DecodedView | null {
  const topics = [log.topic0, log.topic1, log.topic2, log.topic3].filter((t): t is string => t != null);
  return storedView(log.event_name, log.event_args) ?? (abi && verifiedLog(abi, topics, log.data)) ?? guessLog(topics, log.data);
}
