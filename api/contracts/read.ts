// Read-only calls of verified contracts: pick a view/pure function from the verified ABI,
// turn text arguments into ABI values, eth_call it at the indexed head and name the results.
// The argument parsing and function choice are pure; the call goes through the injected RPC.
import { decodeFunctionResult, encodeFunctionData, toFunctionSignature, type Abi, type AbiFunction, type AbiParameter, type Hex } from 'viem';
import { namedArgs } from '../../indexer/decode';

export class ReadError extends Error {
  override name = 'ReadError';
}

/** The view/pure function named `fn` (a name, or a signature when overloaded). */
export function pickFunction(abi: Abi, fn: string): AbiFunction {
  const fns = abi.filter((x): x is AbiFunction => x.type === 'function');
  const wanted = fn.replace(/\s+/g, '');
  const hits = wanted.includes('(') ? fns.filter((f) => toFunctionSignature(f) === wanted) : fns.filter((f) => f.name === wanted);
  if (hits.length === 0) throw new ReadError(`the contract has no function ${fn}`);
  if (hits.length > 1) throw new ReadError(`${fn} is overloaded; name it by signature: ${hits.map((f) => toFunctionSignature(f)).join(', ')}`);
  const f = hits[0]!;
  if (f.stateMutability !== 'view' && f.stateMutability !== 'pure') throw new ReadError(`${f.name} is ${f.stateMutability}; only view and pure functions can be read`);
  return f;
}

/** One argument from text, for its ABI type. */
export function parseArg(param: AbiParameter, text: string): unknown {
  const t = param.type;
  const what = `${param.name || 'argument'} (${t})`;
  if (t.endsWith(']') || t === 'tuple') {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new ReadError(`${what} takes JSON`);
    }
    const inner = { ...param, type: t.replace(/\[\d*\]$/, '') } as AbiParameter;
    if (t.endsWith(']')) {
      if (!Array.isArray(v)) throw new ReadError(`${what} takes a JSON array`);
      return v.map((x) => parseArg(inner, typeof x === 'string' ? x : JSON.stringify(x)));
    }
    const comps = (param as { components?: readonly AbiParameter[] }).components ?? [];
    if (!Array.isArray(v) || v.length !== comps.length) throw new ReadError(`${what} takes a JSON array of ${comps.length} values`);
    return comps.map((c, i) => parseArg(c, typeof v[i] === 'string' ? v[i] : JSON.stringify(v[i])));
  }
  if (/^u?int\d*$/.test(t)) {
    if (!/^-?\d{1,78}$/.test(text.trim())) throw new ReadError(`${what} takes a whole number in decimal`);
    return BigInt(text.trim());
  }
  if (t === 'bool') {
    if (text !== 'true' && text !== 'false') throw new ReadError(`${what} takes true or false`);
    return text === 'true';
  }
  if (t === 'address') {
    if (!/^0x[0-9a-fA-F]{40}$/.test(text.trim())) throw new ReadError(`${what} takes a 0x address`);
    return text.trim();
  }
  if (t.startsWith('bytes')) {
    if (!/^0x([0-9a-fA-F]{2})*$/.test(text.trim())) throw new ReadError(`${what} takes 0x-hex bytes`);
    return text.trim();
  }
  return text;
}

export interface ReadCall {
  data: Hex;
  fn: AbiFunction;
}

export function encodeRead(abi: Abi, fn: string, args: string[]): ReadCall {
  const f = pickFunction(abi, fn);
  if (args.length !== f.inputs.length) throw new ReadError(`${f.name} takes ${f.inputs.length} argument(s), got ${args.length}`);
  const values = f.inputs.map((p, i) => parseArg(p, args[i]!));
  return { fn: f, data: encodeFunctionData({ abi: [f], functionName: f.name, args: values }) };
}

/** Name the decoded return values (unnamed outputs are output0, output1, ...). */
export function decodeRead(call: ReadCall, result: Hex): Array<{ name: string; value: string }> {
  const decoded = decodeFunctionResult({ abi: [call.fn], functionName: call.fn.name, data: result });
  const outputs = call.fn.outputs.map((o, i) => ({ ...o, name: o.name || `output${i}` }));
  const values = outputs.length === 1 ? [decoded] : (decoded as unknown[]);
  return Object.entries(namedArgs(outputs, values)).map(([name, v]) => ({ name, value: typeof v === 'string' ? v : JSON.stringify(v) }));
}

/** A process-wide token bucket for eth_call: reads cost the node, so they are capped. */
export function callBudget(perSecond: number, burst = perSecond) {
  let tokens = burst;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
