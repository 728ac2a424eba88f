// Internal transactions from either tracer format, flattened to rows. Pure.
//  - geth's callTracer (debug_traceBlockByNumber): one frame tree per transaction;
//  - OpenEthereum/Erigon/Reth trace_block: a flat list with traceAddress per transaction.
// The top-level call is the transaction itself and is not repeated.

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

const dec = (h: string | undefined): string => {
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
const addr = (a: string | undefined | null): string | null => (a && /^0x[0-9a-fA-F]{40}$/.test(a) ? a.toLowerCase() : null);
/** Error strings come from the node; keep them short. */
const errorText = (e: unknown): string | null => (typeof e === 'string' && e ? e.slice(0, 200) : null);

/** Flatten one transaction's callTracer tree below its root. */
export function flattenCallFrames(root: GethFrame | null | undefined): InternalCall[] {
  const out: InternalCall[] = [];
  const walk = (frame: GethFrame, path: number[]) => {
    (frame.calls ?? []).forEach((child, i) => {
      const p = [...path, i];
      out.push({
        idx: out.length,
        traceAddress: p.join('.'),
        depth: p.length,
        callType: String(child.type ?? 'CALL').toUpperCase().slice(0, 16),
        from: addr(child.from) ?? '0x0000000000000000000000000000000000000000',
        to: addr(child.to),
        value: dec(child.value),
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
  action?: { callType?: string; from?: string; to?: string; value?: string; address?: string; refundAddress?: string; balance?: string; init?: string };
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
    list.push({
      idx: list.length,
      traceAddress: path.join('.'),
      depth: path.length,
      callType: (t.type === 'create' ? 'CREATE' : suicide ? 'SELFDESTRUCT' : String(a.callType ?? 'call').toUpperCase()).slice(0, 16),
      from: addr(suicide ? a.address : a.from) ?? '0x0000000000000000000000000000000000000000',
      to: addr(t.type === 'create' ? t.result?.address : suicide ? a.refundAddress : a.to),
      value: dec(suicide ? a.balance : a.value),
      gasUsed: gas(t.result?.gasUsed),
      error: errorText(t.error),
    });
  }
  return out;
}
