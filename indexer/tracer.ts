// Which tracer the indexer asks for internal calls, and asking it. trace_block (parity
// format: Besu, Erigon, Nethermind, reth, anvil) answers from what the node kept, while
// geth's debug_traceBlockByNumber re-executes every block, so auto prefers trace_block;
// both give the full call tree (creations, self-destructs, reverted frames with their error).
import type { TraceMethod } from '../config';
import { RetryableError } from './backoff';
import type { BlockFetcher, FetchedBlock } from './fetch';
import { toHex, unsupported } from './fetch';
import type { RpcResult } from './rpc';
import { flattenCallFrames, groupParityTraces, parityRewards, type BlockReward, type GethFrame, type InternalCall, type ParityTrace } from './traces';

/** The tracer in use: trace_block, debug_traceBlockByNumber with callTracer, or none. */
export type TracerKind = 'parity' | 'debug' | 'none';

/** The tracer's output for one block: internal calls per transaction (null: untraced) and rewards. */
export interface BlockTrace {
  internal: InternalCall[][] | null;
  rewards: BlockReward[];
}

const request = (kind: Exclude<TracerKind, 'none'>, block: string) =>
  kind === 'parity'
    ? { method: 'trace_block', params: [block] }
    : { method: 'debug_traceBlockByNumber', params: [block, { tracer: 'callTracer' }] };

/** A node refusing the method itself, rather than one block: that tracer is not there. */
const answers = (r: RpcResult) => !unsupported(r) && !(r.error && /method|not enabled|namespace/i.test(r.error.message));

/**
 * The tracer to use. `auto` asks the node at its head for trace_block, then for the debug
 * tracer; a forced method must be there, or the indexer refuses to start with one line.
 */
export async function chooseTracer(method: TraceMethod, fetcher: Pick<BlockFetcher, 'batched'>, head: number): Promise<TracerKind> {
  if (method === 'none') return 'none';
  const tag = toHex(head);
  const [parity, debug] = await fetcher.batched([request('parity', tag), request('debug', tag)]);
  const has = { parity: answers(parity!), debug: answers(debug!) };
  if (method === 'auto') return has.parity ? 'parity' : has.debug ? 'debug' : 'none';
  const kind = method === 'parity' ? 'parity' : 'debug';
  if (!has[kind]) {
    const name = kind === 'parity' ? 'trace_block' : 'debug_traceBlockByNumber with callTracer';
    const r = kind === 'parity' ? parity! : debug!;
    throw new TracerUnavailableError(`--trace-method ${method}: the node does not answer ${name} (${r.error?.message ?? 'no result'})`);
  }
  return kind;
}

export class TracerUnavailableError extends Error {
  override name = 'TracerUnavailableError';
}

/** The raw tracer answers for blocks from..to, asked alongside the blocks themselves. */
export async function fetchTraces(kind: TracerKind, fetcher: Pick<BlockFetcher, 'batched'>, from: number, to: number): Promise<RpcResult[] | null> {
  if (kind === 'none') return null;
  const calls = [];
  for (let n = from; n <= to; n++) calls.push(request(kind, toHex(n)));
  return fetcher.batched(calls);
}

const num = (h: string) => parseInt(h, 16);

/**
 * One block's trace from the tracer's answer. A block the node cannot trace (pruned, or a
 * transaction it failed to trace) is untraced, not empty; a trace of other transactions
 * than the block's means the chain moved while fetching.
 */
export function parseBlockTrace(kind: TracerKind, fb: FetchedBlock, r: RpcResult | undefined): BlockTrace {
  if (kind === 'none' || !r || r.error || !Array.isArray(r.result)) return { internal: null, rewards: [] };
  const hashes = fb.block.transactions.map((t) => t.hash.toLowerCase());
  if (kind === 'debug') {
    const items = r.result as { txHash?: string; result?: GethFrame; error?: string }[];
    if (items.some((it) => !it || typeof it.result !== 'object' || it.result === null)) return { internal: null, rewards: [] };
    if (items.length !== hashes.length) throw new RetryableError(`block ${num(fb.block.number)}: ${items.length} traces for ${hashes.length} txs (reorg while fetching)`);
    return {
      internal: items.map((it, k) => {
        if (it.txHash && it.txHash.toLowerCase() !== hashes[k]) throw new RetryableError(`block ${num(fb.block.number)}: trace ${k} is of another transaction (reorg while fetching)`);
        return flattenCallFrames(it.result);
      }),
      rewards: [],
    };
  }
  const traces = r.result as ParityTrace[];
  const blockHash = (traces.find((t) => (t as { blockHash?: string }).blockHash) as { blockHash?: string } | undefined)?.blockHash;
  if (blockHash && blockHash.toLowerCase() !== fb.block.hash.toLowerCase()) {
    throw new RetryableError(`block ${num(fb.block.number)}: its trace is of another block (reorg while fetching)`);
  }
  // Every transaction has a top-level trace; a list without one for each was not a full trace.
  const tops = new Set(traces.filter((t) => (t.traceAddress ?? []).length === 0 && t.transactionHash).map((t) => t.transactionHash!.toLowerCase()));
  if (hashes.some((h) => !tops.has(h))) return { internal: null, rewards: [] };
  const byTx = groupParityTraces(traces);
  return { internal: hashes.map((h) => byTx.get(h) ?? []), rewards: parityRewards(traces) };
}
