// A frame's input and output decoded: the registry's calls by its own ABI, a verified
// contract's by its ABI, anything else by the well-known signatures (a guess). Pure: the ABI
// is handed in.
import { decodeAbiParameters, type Abi, type Hex } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { namedArgs } from '../../indexer/decode';
import { callFunction, guessCall, verifiedCall, type DecodedView } from '../decode/decoder';

const text = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));

/** The ABI a frame's callee is read with: the registry's when it is the registry, else its verified one. */
const abiFor = (isRegistry: boolean, verified: Abi | undefined): Abi | undefined => (isRegistry ? (allianceRegistryAbi as Abi) : verified);

export function decodeFrameInput(input: string | null, isRegistry: boolean, verified: Abi | undefined): DecodedView | null {
  if (!input || input.length < 10) return null;
  const abi = abiFor(isRegistry, verified);
  const d = (abi && verifiedCall(abi, input)) ?? guessCall(input);
  return d && isRegistry && d.source === 'VERIFIED' ? { ...d, source: 'REGISTRY' } : d;
}

/** The return values, named as in the ABI; null when the call or its output does not decode. */
export function decodeFrameOutput(input: string | null, output: string | null, isRegistry: boolean, verified: Abi | undefined): Array<{ name: string; value: string }> | null {
  if (!input || !output) return null;
  const fn = callFunction(input, abiFor(isRegistry, verified));
  if (!fn) return null;
  if (fn.outputs.length === 0) return output === '0x' ? [] : null;
  try {
    const values = decodeAbiParameters(fn.outputs, output as Hex);
    return Object.entries(namedArgs(fn.outputs, values)).map(([name, value]) => ({ name, value: text(value) }));
  } catch {
    return null;
  }
}
