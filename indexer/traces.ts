// Internal transactions from either tracer format, flattened to rows. Pure.
//  - geth's callTracer (debug_traceBlockByNumber): one frame tree per transaction;
//  - OpenEthereum/Erigon/Reth/Besu/anvil trace_block: a flat list with traceAddress per transaction.
// The top-level call is the transaction itself and is not repeated. Both formats give the
// same rows for the same block: the two spell errors differently, and only one of them
// repeats a DELEGATECALL's inherited value, so both are normalised here.

export interface InternalCall {
  /** Depth-first position within the transaction, from 0. */
  idx: number;
  traceAddress: string;
  depth: number;
  callType: string;
  from: string;
  to: string | null;
  value: string;
  gasUsed: number;
  error: string | null;
}

export interface GethFrame {
  type?: string;
  from?: string;
  to?: string;
  value?: string;
  gasUsed?: string;
  error?: string;
  calls?: GethFrame[];
}

/** A node's hex quantity in decimal; '0' for none or nonsense. */
export const dec = (h: string | undefined): string => {
  try {
    return h ? BigInt(h).toString() : '0';
  } catch {
    return '0';
  }
};
const gas = (h: string | undefined): number => {
  const n = Number(h ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
};
/** A node's address, lower-cased; null for none or a malformed one. */
export const addr = (a: string | undefined | null): string | null => (a && /^0x[0-9a-fA-F]{40}$/.test(a) ? a.toLowerCase() : null);
/**
 * Error strings come from the node; keep them short, and spell a revert and the common EVM
 * faults one way whichever tracer reported them (trace_block says "Reverted", callTracer
 * "execution reverted"; their cases differ for the rest).
 */
export function errorText(e: unknown): string | null {
  if (typeof e !== 'string' || !e) return null;
  const lower = e.trim().toLowerCase();
  if (lower === 'reverted' || lower === 'execution reverted') return 'execution reverted';
  return lower.slice(0, 200);
}

/** DELEGATECALL and STATICCALL move no value; a tracer that shows the caller's value for them would double-count it. */
export const movedValue = (callType: string, value: string | undefined) =>
  callType === 'DELEGATECALL' || callType === 'STATICCALL' ? '0' : dec(value);

/** Flatten one transaction's callTracer tree below its root. */
export function flattenCallFrames(root: GethFrame | null | undefined): InternalCall[] {
  const out: InternalCall[] = [];
  const walk = (frame: GethFrame, path: number[]) => {
    (frame.calls ?? []).forEach((child, i) => {
      const p = [...path, i];
      const callType = String(child.type ?? 'CALL').toUpperCase().slice(0, 16);
      out.push({
        idx: out.length,
        traceAddress: p.join('.'),
        depth: p.length,
        callType,
        from: addr(child.from) ?? '0x0000000000000000000000000000000000000000',
        // A creation that failed created nothing, whatever address the tracer names.
        to: callType.startsWith('CREATE') && child.error ? null : addr(child.to),
        value: movedValue(callType, child.value),
        gasUsed: gas(child.gasUsed),
        error: errorText(child.error),
      });
      walk(child, p);
    });
  };
  if (root) walk(root, []);
  return out;
}

export interface ParityTrace {
  type?: string;
  action?: {
    callType?: string; from?: string; to?: string; value?: string; address?: string; refundAddress?: string; balance?: string; init?: string;
    /** create or create2 (Erigon, reth, anvil); absent on older nodes, which then read as CREATE. */
    creationMethod?: string;
    /** Reward traces: who was paid. */
    author?: string; rewardType?: string;
  };
  result?: { gasUsed?: string; address?: string } | null;
  error?: string;
  traceAddress?: number[];
  transactionHash?: string | null;
}

/** trace_block's flat list -> internal calls per transaction hash (rewards and top-level calls dropped). */
export function groupParityTraces(traces: readonly ParityTrace[]): Map<string, InternalCall[]> {
  const out = new Map<string, InternalCall[]>();
  for (const t of traces) {
    const hash = t.transactionHash?.toLowerCase();
    const path = t.traceAddress ?? [];
    if (!hash || path.length === 0 || t.type === 'reward') continue;
    const list = out.get(hash) ?? [];
    out.set(hash, list);
    const a = t.action ?? {};
    const suicide = t.type === 'suicide';
    const creation = t.type === 'create' ? String(a.creationMethod ?? 'create').toUpperCase() : null;
    const callType = (creation ?? (suicide ? 'SELFDESTRUCT' : String(a.callType ?? 'call').toUpperCase())).slice(0, 16);
    list.push({
      idx: list.length,
      traceAddress: path.join('.'),
      depth: path.length,
      callType,
      from: addr(suicide ? a.address : a.from) ?? '0x0000000000000000000000000000000000000000',
      to: addr(creation ? t.result?.address : suicide ? a.refundAddress : a.to),
      value: movedValue(callType, suicide ? a.balance : a.value),
      gasUsed: gas(t.result?.gasUsed),
      error: errorText(t.error),
    });
  }
  return out;
}

/** A block reward as trace_block reports one ("reward" traces): the author and the amount. */
export interface BlockReward {
  author: string;
  value: bigint;
}

/** Block (and uncle) rewards a trace_block list reports; a PoA or post-merge chain has none. */
export function parityRewards(traces: readonly ParityTrace[]): BlockReward[] {
  const out: BlockReward[] = [];
  for (const t of traces) {
    const author = addr(t.action?.author);
    if (t.type === 'reward' && author) out.push({ author, value: BigInt(dec(t.action?.value)) });
  }
  return out;
}
