// What a user types into a contract function's form, turned into ABI values before anything is
// sent: each field is checked against its Solidity type (address checksum, the range of uintN
// and intN, bytesN's length, arrays and tuples as JSON), and a refusal is a code the page
// translates, never a half-encoded call. Pure: no DOM, no network.
import { isAddress, parseUnits } from 'viem';

export interface AbiParam {
  name?: string;
  type: string;
  components?: readonly AbiParam[];
}

/** Why a field was refused; `at` points inside an array or tuple (e.g. "[1].amount"). */
export type InputProblem = { at?: string } & (
  | { code: 'json' }
  | { code: 'array'; length?: number }
  | { code: 'tuple'; length: number }
  | { code: 'integer' }
  | { code: 'range'; min: string; max: string }
  | { code: 'bool' }
  | { code: 'address' }
  | { code: 'hex' }
  | { code: 'bytesLength'; length: number }
  | { code: 'amount'; decimals: number }
  | { code: 'type'; type: string }
);

class Refused extends Error {
  constructor(readonly problem: InputProblem) {
    super(problem.code);
  }
}

const refuse = (problem: InputProblem): never => {
  throw new Refused(problem);
};

/** The [min, max] of an integer type such as uint8, int256 or uint (= uint256). */
export function integerRange(type: string): [bigint, bigint] | null {
  const m = /^(u?)int(\d*)$/.exec(type);
  if (!m) return null;
  const bits = m[2] ? Number(m[2]) : 256;
  if (bits < 8 || bits > 256 || bits % 8 !== 0) return null;
  return m[1] ? [0n, (1n << BigInt(bits)) - 1n] : [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n];
}

function parseInteger(type: string, text: string): bigint {
  const range = integerRange(type) ?? refuse({ code: 'type', type });
  const s = text.trim();
  if (!/^-?\d{1,80}$/.test(s) && !/^0x[0-9a-fA-F]{1,64}$/.test(s)) refuse({ code: 'integer' });
  const n = BigInt(s);
  if (n < range[0] || n > range[1]) refuse({ code: 'range', min: range[0].toString(), max: range[1].toString() });
  return n;
}

/** An element of a JSON array or tuple, as the text a single field would hold. */
const asText = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x) ?? '');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse({ code: 'json' });
  }
}

function parseValue(param: AbiParam, text: string): unknown {
  const t = param.type;
  const array = /^(.*)\[(\d*)\]$/.exec(t);
  if (array) {
    const v = parseJson(text);
    const length = array[2] ? Number(array[2]) : undefined;
    if (!Array.isArray(v) || (length !== undefined && v.length !== length)) refuse({ code: 'array', length });
    const inner = { ...param, type: array[1]! };
    return (v as unknown[]).map((x, i) => within(`[${i}]`, () => parseValue(inner, asText(x))));
  }
  if (t === 'tuple') {
    const comps = param.components ?? [];
    const v = parseJson(text);
    // A tuple is a JSON array in order, or an object keyed by the components' names.
    const items = Array.isArray(v) ? v : v && typeof v === 'object' && comps.every((c) => c.name && c.name in v) ? comps.map((c) => (v as Record<string, unknown>)[c.name!]) : null;
    if (!items || items.length !== comps.length) refuse({ code: 'tuple', length: comps.length });
    return comps.map((c, i) => within(c.name ? `.${c.name}` : `[${i}]`, () => parseValue(c, asText(items![i]))));
  }
  if (/^u?int\d*$/.test(t)) return parseInteger(t, text);
  if (t === 'bool') {
    const s = text.trim();
    if (s !== 'true' && s !== 'false') refuse({ code: 'bool' });
    return s === 'true';
  }
  if (t === 'address') {
    const s = text.trim();
    // Mixed case must be a valid EIP-55 checksum: a typo in one letter is caught here.
    if (!isAddress(s)) refuse({ code: 'address' });
    return s;
  }
  const bytes = /^bytes(\d*)$/.exec(t);
  if (bytes) {
    const s = text.trim();
    if (!/^0x([0-9a-fA-F]{2})*$/.test(s)) refuse({ code: 'hex' });
    const size = bytes[1] ? Number(bytes[1]) : undefined;
    if (size !== undefined && (s.length - 2) / 2 !== size) refuse({ code: 'bytesLength', length: size });
    return s;
  }
  if (t === 'string') return text;
  return refuse({ code: 'type', type: t });
}

/** Runs `f`, prefixing the location of any refusal with `step`. */
function within<T>(step: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof Refused) throw new Refused({ ...err.problem, at: step + (err.problem.at ?? '') });
    throw err;
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** One field's text as the ABI value of `param`. */
export function parseArgument(param: AbiParam, text: string): Parsed<unknown> {
  try {
    return { ok: true, value: parseValue(param, text) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** Every field at once: the values when all are valid, else each field's problem (undefined where it is fine). */
export function parseArguments(params: readonly AbiParam[], texts: readonly string[]): { ok: true; values: unknown[] } | { ok: false; problems: (InputProblem | undefined)[] } {
  const parsed = params.map((p, i) => parseArgument(p, texts[i] ?? ''));
  if (parsed.every((r) => r.ok)) return { ok: true, values: parsed.map((r) => (r as { value: unknown }).value) };
  return { ok: false, problems: parsed.map((r) => (r.ok ? undefined : r.problem)) };
}

/** An amount of the native coin ("1.5") in its smallest unit; empty is zero. */
export function parseNativeAmount(text: string, decimals: number): Parsed<bigint> {
  const s = text.trim();
  if (s === '') return { ok: true, value: 0n };
  const m = /^(\d{1,60})(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2]?.length ?? 0) > decimals) return { ok: false, problem: { code: 'amount', decimals } };
  return { ok: true, value: parseUnits(s, decimals) };
}
