// geth's `callTracer` for the devnet. Hardhat 2 only offers the struct-log tracer, but EDR
// hands every request that executes transactions its raw execution traces (messages,
// steps and results, as the EVM ran them). We keep those of mined transactions, keyed by
// block hash and transaction hash, and answer `debug_traceBlockByNumber` /
// `debug_traceBlockByHash` / `debug_traceTransaction` with `{ tracer: 'callTracer' }` from
// them: real execution, not a re-run and not a guess.
import type { Eip1193 } from './eip1193';

type Hex = `0x${string}`;

/** A geth callTracer frame. */
export interface CallFrame {
  type: string;
  from: Hex;
  to?: Hex;
  value: Hex;
  gas: Hex;
  gasUsed: Hex;
  input: Hex;
  output?: Hex;
  error?: string;
  calls?: CallFrame[];
}

/** The parts of EDR's trace items we read (see @nomicfoundation/edr's TracingMessage/Step/Result). */
interface EdrMessage {
  caller: Uint8Array;
  to?: Uint8Array;
  isStaticCall: boolean;
  gasLimit: bigint;
  depth: number;
  data: Uint8Array;
  value: bigint;
  codeAddress?: Uint8Array;
}
interface EdrStep {
  depth: number;
  pc: bigint;
  opcode: string;
}
interface EdrResult {
  executionResult: {
    result: { gasUsed: bigint; reason?: unknown; output?: Uint8Array | { returnValue: Uint8Array; address?: Uint8Array } };
    contractAddress?: Uint8Array;
  };
}
export type EdrTraceItem = EdrMessage | EdrStep | EdrResult;

interface EdrInner {
  handleRequest(json: string): Promise<{ traces: { trace: EdrTraceItem[] }[] }>;
}

const hex = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString('hex')}`;
const qty = (n: bigint): Hex => `0x${n.toString(16)}`;
const CALL_OPS = new Set(['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL', 'CREATE', 'CREATE2']);

/** Methods that mine blocks, hence execute transactions for good (eth_call's traces are not kept). */
const MINING = new Set(['evm_mine', 'hardhat_mine', 'eth_sendTransaction', 'eth_sendRawTransaction']);

/**
 * One transaction's trace items -> its callTracer root frame. The opcode of the step that
 * opened a frame names its type (CALL, DELEGATECALL, CREATE2, ...); the top-level frame is
 * CALL or CREATE. Pure.
 */
export function callFrameFromTrace(items: readonly EdrTraceItem[]): CallFrame | null {
  const stack: CallFrame[] = [];
  let root: CallFrame | null = null;
  let lastOp: string | undefined;
  for (const item of items) {
    if ('pc' in item) {
      lastOp = item.opcode;
      continue;
    }
    if ('executionResult' in item) {
      const frame = stack.pop();
      if (!frame) continue;
      const { result, contractAddress } = item.executionResult;
      frame.gasUsed = qty(result.gasUsed);
      const out = result.output;
      if (out) frame.output = hex(out instanceof Uint8Array ? out : out.returnValue);
      const success = 'logs' in result;
      if (!success) frame.error = result.reason === undefined ? 'execution reverted' : String(result.reason);
      if (frame.type.startsWith('CREATE')) {
        if (success && contractAddress) frame.to = hex(contractAddress);
        else delete frame.to;
      }
      continue;
    }
    const m = item;
    const create = m.to === undefined;
    let type: string;
    if (m.depth === 0) type = create ? 'CREATE' : 'CALL';
    else if (lastOp && CALL_OPS.has(lastOp)) type = lastOp;
    else type = create ? 'CREATE' : m.isStaticCall ? 'STATICCALL' : 'CALL';
    // A delegate call runs the callee's code in the caller's context: geth reports the code address as `to`.
    const to = type === 'DELEGATECALL' || type === 'CALLCODE' ? (m.codeAddress ?? m.to) : m.to;
    const frame: CallFrame = {
      type,
      from: hex(m.caller),
      to: to ? hex(to) : undefined,
      value: qty(type === 'STATICCALL' || type === 'DELEGATECALL' ? 0n : m.value),
      gas: qty(m.gasLimit),
      gasUsed: '0x0',
      input: hex(m.data),
    };
    const parent = stack[stack.length - 1];
    if (parent) (parent.calls ??= []).push(frame);
    else root = frame;
    stack.push(frame);
    lastOp = undefined;
  }
  return root;
}

type RawBlock = { hash: Hex; transactions: Hex[]; number: Hex } | null;

/**
 * Wrap the hardhat provider so mined transactions' traces are kept and the callTracer
 * debug methods answer from them. `edr` is the hardhat provider (EdrProviderWrapper),
 * whose `_provider` is EDR's own; its other methods are untouched.
 */
export function withCallTracer(edr: Eip1193): Eip1193 {
  const inner = (edr as unknown as { _provider: EdrInner })._provider;
  const frames = new Map<string, CallFrame>(); // `${blockHash}:${txHash}` -> root frame
  let pending: CallFrame[] = [];
  const original = inner.handleRequest.bind(inner);
  inner.handleRequest = async (json) => {
    const response = await original(json);
    // Hardhat serialises each request as {"method":"…",…}; eth_call's traces are not kept.
    const method = /^\{"method":"([^"]+)"/.exec(json)?.[1];
    if (method && MINING.has(method)) for (const t of response.traces) {
      const f = callFrameFromTrace(t.trace);
      if (f) pending.push(f);
    }
    return response;
  };

  /** Hand the traces of the request that just ran to the newest blocks' transactions, last to last. */
  const assign = async () => {
    const queue = pending;
    pending = [];
    let tag: Hex | 'latest' = 'latest';
    for (let walked = 0; queue.length > 0 && walked < 10_000; walked++) {
      const block = (await edr.request({ method: 'eth_getBlockByNumber', params: [tag, false] })) as RawBlock;
      if (!block) return;
      for (let i = block.transactions.length - 1; i >= 0 && queue.length > 0; i--) {
        frames.set(`${block.hash}:${block.transactions[i]}`, queue.pop()!);
      }
      const n = parseInt(block.number, 16);
      if (n === 0) return;
      tag = qty(BigInt(n - 1));
    }
  };

  const blockTraces = async (method: string, tag: unknown) => {
    const block = (await edr.request({ method, params: [tag, false] })) as RawBlock;
    if (!block) throw Object.assign(new Error(`block ${String(tag)} not found`), { code: -32000, _isProviderError: true });
    return block.transactions.map((txHash) => {
      const result = frames.get(`${block.hash}:${txHash}`);
      if (!result) throw Object.assign(new Error(`no trace kept for ${txHash}`), { code: -32000, _isProviderError: true });
      return { txHash, result };
    });
  };

  const isCallTracer = (opts: unknown) => (opts as { tracer?: unknown } | undefined)?.tracer === 'callTracer';

  // A mined block is visible (eth_getBlockByNumber) before its traces are assigned: a trace
  // request waits for every mining request before it, assignment included, so a client
  // that follows the head never sees a block whose traces are still on their way.
  let mined: Promise<unknown> = Promise.resolve();
  const mine = (args: Parameters<Eip1193['request']>[0]) => {
    const run = mined.then(async () => {
      try {
        return await edr.request(args);
      } finally {
        await assign();
      }
    });
    mined = run.catch(() => undefined);
    return run;
  };

  return {
    async request(args) {
      const params = args.params ?? [];
      if (args.method.startsWith('debug_trace')) await mined;
      if (args.method === 'debug_traceBlockByNumber' || args.method === 'debug_traceBlockByHash') {
        if (!isCallTracer(params[1])) {
          throw Object.assign(new Error('only the callTracer is supported for block traces'), { code: -32602, _isProviderError: true });
        }
        return blockTraces(args.method === 'debug_traceBlockByNumber' ? 'eth_getBlockByNumber' : 'eth_getBlockByHash', params[0]);
      }
      if (args.method === 'debug_traceTransaction' && isCallTracer(params[1])) {
        const tx = (await edr.request({ method: 'eth_getTransactionByHash', params: [params[0]] })) as { blockHash: Hex | null } | null;
        const result = tx?.blockHash ? frames.get(`${tx.blockHash}:${String(params[0]).toLowerCase()}`) : undefined;
        if (!result) throw Object.assign(new Error(`no trace kept for ${String(params[0])}`), { code: -32000, _isProviderError: true });
        return result;
      }
      if (!MINING.has(args.method)) return edr.request(args);
      // EDR runs requests one at a time, so traces arrive in mining order.
      return mine(args);
    },
  };
}
