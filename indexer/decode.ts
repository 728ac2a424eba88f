// Registry calls and events, decoded with viem. Callers pass only the calls and logs of the
// configured registry: trust is decided by address before anything is decoded.
import { decodeEventLog, decodeFunctionData, type Abi, type Hex } from 'viem';
import { allianceRegistryAbi } from '../contracts/registry';

export interface Decoded {
  name: string;
  args: Record<string, unknown>;
}

type Param = { name?: string; type: string };

/**
 * JSON-safe form: bigints as decimal strings, addresses and bytes lowercase. Driven by the
 * ABI type, so a string argument that merely looks like hex is left as written.
 */
export function jsonSafe(value: unknown, type = ''): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return type === 'address' || type.startsWith('bytes') ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v, type.replace(/\[\d*\]$/, '')));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

export function namedArgs(params: readonly Param[], args: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  params.forEach((p, i) => {
    const key = p.name || `arg${i}`;
    const v = Array.isArray(args) ? args[i] : (args as Record<string, unknown> | undefined)?.[key];
    out[key] = jsonSafe(v, p.type);
  });
  return out;
}

const inputsOf = (abi: Abi, type: 'function' | 'event', name: string) =>
  ((abi as readonly { type: string; name?: string; inputs?: readonly Param[] }[]).find((x) => x.type === type && x.name === name)
    ?.inputs ?? []) as readonly Param[];

/** A call's method and named arguments under `abi`, or null when it is not one of its functions. */
export function decodeCallWith(abi: Abi, input: Hex): Decoded | null {
  if (input.length < 10) return null;
  try {
    const { functionName, args } = decodeFunctionData({ abi, data: input });
    return { name: functionName, args: namedArgs(inputsOf(abi, 'function', functionName), args) };
  } catch {
    return null;
  }
}

/** A log's event name and named arguments under `abi`, or null when it is not one of its events. */
export function decodeLogWith(abi: Abi, topics: Hex[], data: Hex): Decoded | null {
  if (topics.length === 0) return null;
  try {
    const { eventName, args } = decodeEventLog({ abi, topics: topics as [Hex, ...Hex[]], data, strict: true });
    return { name: eventName!, args: namedArgs(inputsOf(abi, 'event', eventName!), args) };
  } catch {
    return null;
  }
}

/** A registry call's method and arguments, or null when the input is not one of its functions. */
export const decodeRegistryCall = (input: Hex): Decoded | null => decodeCallWith(allianceRegistryAbi, input);

/** A registry event's name and arguments, or null when the log is not one of its events. */
export const decodeRegistryLog = (topics: Hex[], data: Hex): Decoded | null => decodeLogWith(allianceRegistryAbi, topics, data);
