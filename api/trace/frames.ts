// A transaction's call tree as a flat, depth-first list of frames, from either source: the
// node's callTracer tree (every frame with input, output and gas), or the index (the
// transaction itself plus its indexed internal transactions, which keep no calldata). Pure.
import { decodeAbiParameters, type Hex } from 'viem';
import { addr, dec, errorText, movedValue, type GethFrame } from '../../indexer/traces';
import type { FrameModel } from './models';

/** A callTracer frame as the node answers it (geth, anvil, reth). */
export interface CallTracerFrame extends GethFrame {
  gas?: string;
  input?: string;
  output?: string;
  revertReason?: string;
  calls?: CallTracerFrame[];
}

const ERROR_STRING = '0x08c379a0';

/** The reason of a revert with Error(string), from its return data; null for anything else. */
export function revertReason(output: string | null | undefined): string | null {
  if (!output || !output.toLowerCase().startsWith(ERROR_STRING)) return null;
  try {
    return decodeAbiParameters([{ type: 'string' }], `0x${output.slice(10)}` as Hex)[0];
  } catch {
    return null;
  }
}

const hex = (h: string | undefined): string | null => (h === undefined ? null : h.toLowerCase());

/** The callTracer tree, depth-first from its root (path ""). */
export function framesFromCallTracer(root: CallTracerFrame): FrameModel[] {
  const out: FrameModel[] = [];
  const walk = (f: CallTracerFrame, path: number[]) => {
    const callType = String(f.type ?? 'CALL').toUpperCase();
    const error = errorText(f.error);
    const output = hex(f.output);
    out.push({
      path: path.join('.'),
      depth: path.length,
      callType,
      from: addr(f.from) ?? '0x0000000000000000000000000000000000000000',
      // A creation that failed created nothing, whatever address the tracer names.
      to: callType.startsWith('CREATE') && error ? null : addr(f.to),
      value: movedValue(callType, f.value),
      gas: f.gas === undefined ? null : dec(f.gas),
      gasUsed: dec(f.gasUsed),
      input: hex(f.input),
      output,
      error,
      revertReason: f.revertReason || (error ? revertReason(output) : null),
    });
    (f.calls ?? []).forEach((child, i) => walk(child, [...path, i]));
  };
  walk(root, []);
  return out;
}

/** What the index holds of the transaction itself. */
export interface IndexedTx {
  from_address: string;
  to_address: string | null;
  contract_address: string | null;
  value: unknown;
  gas: unknown;
  gas_used: unknown;
  input: string;
  status: unknown;
}

/** An indexed internal transaction (internal_transactions row). */
export interface IndexedCall {
  trace_address: string;
  depth: unknown;
  call_type: string;
  from_address: string;
  to_address: string | null;
  value: unknown;
  gas_used: unknown;
  error: string | null;
}

/**
 * The tree from the index: the transaction as the top-level frame, then its internal
 * transactions in their (depth-first) order, or nothing below the top when the block was not traced.
 */
export function framesFromIndex(tx: IndexedTx, calls: readonly IndexedCall[] | null): FrameModel[] {
  const failed = Number(tx.status) !== 1;
  const top: FrameModel = {
    path: '',
    depth: 0,
    callType: tx.to_address ? 'CALL' : 'CREATE',
    from: tx.from_address,
    to: tx.to_address ?? tx.contract_address,
    value: String(tx.value),
    gas: String(tx.gas),
    gasUsed: String(tx.gas_used),
    input: tx.input,
    output: null,
    error: failed ? 'execution reverted' : null,
    revertReason: null,
  };
  return [
    top,
    ...(calls ?? []).map((c) => ({
      path: c.trace_address,
      depth: Number(c.depth),
      callType: c.call_type,
      from: c.from_address,
      to: c.to_address,
      value: String(c.value),
      gas: null,
      gasUsed: String(c.gas_used),
      input: null,
      output: null,
      error: c.error,
      revertReason: null,
    })),
  ];
}
