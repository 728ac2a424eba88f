// A transaction traced by the node when the API is asked: its call tree (callTracer) and
// what it changed (prestateTracer in diff mode), in one round trip with the transaction's
// block hash. A mined transaction's trace never changes, so answers are kept per
// (transaction, block hash): after a reorg the transaction's block hash differs and it is
// traced again. A node on another branch than the index, a failure or a timeout are not kept.
import { LRUCache } from 'lru-cache';
import { unsupported } from '../../indexer/fetch';
import type { RpcClient, RpcResult } from '../../indexer/rpc';
import type { TraceStatus } from '../generated/enums';
import type { CallTracerFrame } from './frames';
import type { PrestateDiff } from './state-changes';

/** What one tracer gave: its answer, or why there is none. */
export type TracerOutcome<T> = { status: 'NODE'; value: T } | { status: Exclude<TraceStatus, 'NODE' | 'NO_NODE'> };

export interface NodeTrace {
  calls: TracerOutcome<CallTracerFrame>;
  diff: TracerOutcome<PrestateDiff>;
}

export interface NodeTracer {
  /** The node's trace of `txHash`, which the index holds in the block `blockHash`. */
  trace(txHash: string, blockHash: string): Promise<NodeTrace>;
}

/** A node refusing the method or the tracer itself, rather than this transaction. */
const noTracer = (r: RpcResult) => unsupported(r) || !!(r.error && /method|not enabled|namespace|tracer/i.test(r.error.message));

function outcome<T>(r: RpcResult | undefined, valid: (x: unknown) => boolean): TracerOutcome<T> {
  if (!r) return { status: 'NODE_FAILED' };
  if (r.error) return { status: noTracer(r) ? 'NO_TRACER' : 'NODE_FAILED' };
  return valid(r.result) ? { status: 'NODE', value: r.result as T } : { status: 'NODE_FAILED' };
}

const isObject = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
const FAILED: NodeTrace = { calls: { status: 'NODE_FAILED' }, diff: { status: 'NODE_FAILED' } };

export function nodeTracer(rpc: RpcClient, max = 500): NodeTracer {
  // Promises, so the call tree and the state changes of one page share one round trip.
  const cache = new LRUCache<string, Promise<NodeTrace>>({ max });
  const ask = async (txHash: string, blockHash: string): Promise<NodeTrace> => {
    let answers: RpcResult[];
    try {
      answers = await rpc.batch([
        { method: 'eth_getTransactionByHash', params: [txHash] },
        { method: 'debug_traceTransaction', params: [txHash, { tracer: 'callTracer' }] },
        { method: 'debug_traceTransaction', params: [txHash, { tracer: 'prestateTracer', tracerConfig: { diffMode: true } }] },
      ]);
    } catch {
      return FAILED;
    }
    const [tx, calls, diff] = answers;
    const nodeBlock = (tx?.result as { blockHash?: string } | null | undefined)?.blockHash?.toLowerCase();
    // The node has it elsewhere (or not at all): a reorg the index has not caught up with.
    if (nodeBlock !== blockHash) return FAILED;
    return {
      calls: outcome<CallTracerFrame>(calls, isObject),
      diff: outcome<PrestateDiff>(diff, (x) => isObject(x) && isObject((x as PrestateDiff).pre) && isObject((x as PrestateDiff).post)),
    };
  };
  return {
    trace(txHash, blockHash) {
      const key = `${txHash}|${blockHash}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = ask(txHash, blockHash);
        cache.set(key, hit);
        // Only lasting answers stay: a failure may pass.
        void hit.then((t) => {
          if (t.calls.status === 'NODE_FAILED' || t.diff.status === 'NODE_FAILED') cache.delete(key);
        });
      }
      return hit;
    },
  };
}
