// A transaction's call tree, its state changes and its one-line summary. The tree and the
// state diff come from the node when the server has one that traces (api/trace/node-trace),
// else from the index; the summary from the decoded call and the token transfers.
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import type { TraceStatus } from '../generated/enums';
import type { TxRow } from '../models';
import { loaders } from '../data/accounts';
import { nameLoader } from '../data/labels';
import { decodeCall } from '../decode/decoder';
import { decodeFrameInput, decodeFrameOutput } from '../trace/decode-frame';
import { framesFromCallTracer, framesFromIndex } from '../trace/frames';
import type { StateChangeModel, TraceModel } from '../trace/models';
import type { NodeTrace } from '../trace/node-trace';
import { changesFromPrestate, nativeChangesFromIndex, sortChanges, tokenChanges } from '../trace/state-changes';
import { buildSummary, renderSummary, summaryRefs } from '../trace/summary';
import { nativeCoinOf } from './accounts';

/** The node's trace of the transaction, or null when the server has no node. */
async function nodeTrace(t: TxRow, ctx: Context): Promise<NodeTrace | null> {
  if (!ctx.tracer) return null;
  const block = await ctx.loaders.blockByNumber.load(Number(t.block_number));
  if (!block) return null;
  const trace = await ctx.tracer.trace(t.hash, block.hash);
  // A failure may pass: this answer must not be served again.
  if (trace.calls.status === 'NODE_FAILED' || trace.diff.status === 'NODE_FAILED') ctx.cache.volatile = true;
  return trace;
}

/** The internal transactions the index holds for it; null when its block was not traced. */
async function indexedCalls(t: TxRow, ctx: Context) {
  return (await loaders(ctx).traced.load(Number(t.block_number))) ? loaders(ctx).internalByTx.load(t.hash) : null;
}

async function traceOf(t: TxRow, ctx: Context): Promise<TraceModel> {
  const node = await nodeTrace(t, ctx);
  if (node?.calls.status === 'NODE') return { status: 'NODE', complete: true, frames: framesFromCallTracer(node.calls.value) };
  const calls = await indexedCalls(t, ctx);
  return { status: node ? node.calls.status : 'NO_NODE', complete: calls !== null, frames: framesFromIndex(t, calls) };
}

interface StateAnswer {
  status: TraceStatus;
  changes: StateChangeModel[];
}

async function stateOf(t: TxRow, ctx: Context): Promise<StateAnswer> {
  const [node, transfers] = await Promise.all([nodeTrace(t, ctx), loaders(ctx).transfersByTx.load(t.hash)]);
  const tokens = tokenChanges(transfers);
  if (node?.diff.status === 'NODE') return { status: 'NODE', changes: sortChanges([...changesFromPrestate(node.diff.value), ...tokens]) };
  const [block, calls] = await Promise.all([ctx.loaders.blockByNumber.load(Number(t.block_number)), indexedCalls(t, ctx)]);
  const native = block ? nativeChangesFromIndex({ miner: block.miner, baseFeePerGas: block.base_fee_per_gas, tx: t }, calls) : [];
  return { status: node ? node.diff.status : 'NO_NODE', changes: sortChanges([...native, ...tokens]) };
}

/** stateChanges and stateChangesStatus of one transaction, worked out once per request. */
const stateAnswers = new WeakMap<Context, Map<string, Promise<StateAnswer>>>();
function state(t: TxRow, ctx: Context): Promise<StateAnswer> {
  let byTx = stateAnswers.get(ctx);
  if (!byTx) stateAnswers.set(ctx, (byTx = new Map()));
  let answer = byTx.get(t.hash);
  if (!answer) byTx.set(t.hash, (answer = stateOf(t, ctx)));
  return answer;
}

async function summaryOf(t: TxRow, lang: 'en' | 'zh-CN', ctx: Context): Promise<string> {
  const [abi, transfers] = await Promise.all([t.to_address ? ctx.loaders.verifiedAbi.load(t.to_address) : undefined, loaders(ctx).transfersByTx.load(t.hash)]);
  const summary = buildSummary({
    from: t.from_address, to: t.to_address, contractAddress: t.contract_address, value: String(t.value), input: t.input,
    failed: Number(t.status) !== 1, call: decodeCall(t, abi), transfers, registry: ctx.head.current.registry ?? null,
  });
  const refs = summaryRefs(summary);
  const [names, tokens] = await Promise.all([nameLoader(ctx).loadMany(refs.addresses), loaders(ctx).token.loadMany(refs.tokens)]);
  const found = <T>(list: (T | Error)[], keys: string[], key: string) => {
    const v = list[keys.indexOf(key)];
    return v instanceof Error ? undefined : v;
  };
  return renderSummary(summary, lang, {
    name: (a) => found(names, refs.addresses, a),
    token: (a) => {
      const row = found(tokens, refs.tokens, a);
      return row && { symbol: row.symbol, name: row.name, decimals: row.decimals == null ? null : Number(row.decimals) };
    },
    coin: nativeCoinOf(ctx, ctx.head.current.chainId),
  });
}

export const traceResolvers: Resolvers = {
  Transaction: {
    trace: (t, _a, ctx) => traceOf(t, ctx),
    stateChanges: async (t, _a, ctx) => (await state(t, ctx)).changes,
    stateChangesStatus: async (t, _a, ctx) => (await state(t, ctx)).status,
    summary: (t, { lang }, ctx) => {
      // Names change without a new block (labels, verifications, a member's new name).
      ctx.cache.finalOnly = false;
      return summaryOf(t, lang === 'ZH_CN' ? 'zh-CN' : 'en', ctx);
    },
  },

  TraceFrame: {
    decodedInput: async (f, _a, ctx) => {
      ctx.cache.finalOnly = false; // a verification may decode it later
      const abi = f.to ? await ctx.loaders.verifiedAbi.load(f.to) : undefined;
      return decodeFrameInput(f.input, f.to !== null && f.to === ctx.head.current.registry, abi);
    },
    decodedOutput: async (f, _a, ctx) => {
      ctx.cache.finalOnly = false;
      const abi = f.to ? await ctx.loaders.verifiedAbi.load(f.to) : undefined;
      return decodeFrameOutput(f.input, f.output, f.to !== null && f.to === ctx.head.current.registry, abi);
    },
  },

  StateChange: {
    token: async (c, _a, ctx) => (c.token ? ((await loaders(ctx).token.load(c.token)) ?? null) : null),
  },
};
