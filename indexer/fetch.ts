// Fetch whole blocks (full transactions + receipts) in batched JSON-RPC round trips and
// check they are complete and self-consistent before anyone writes them: a block is
// written whole or not at all.
import { RetryableError } from './backoff';
import type { BlockExtras } from './extras';
import type { RpcCall, RpcClient, RpcResult } from './rpc';

type Hex = `0x${string}`;

export interface RawLog {
  address: Hex;
  topics: Hex[];
  data: Hex;
  logIndex: Hex;
  transactionIndex: Hex;
  transactionHash: Hex;
}

export interface RawTx {
  hash: Hex;
  from: Hex;
  to: Hex | null;
  value: Hex;
  nonce: Hex;
  gas: Hex;
  gasPrice?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  type?: Hex;
  input: Hex;
  transactionIndex: Hex;
}

export interface RawReceipt {
  transactionHash: Hex;
  blockHash: Hex;
  status?: Hex;
  gasUsed: Hex;
  effectiveGasPrice?: Hex;
  contractAddress: Hex | null;
  logs: RawLog[];
  /** EIP-4844 blob transactions pay for blob gas too (burned). */
  blobGasUsed?: Hex;
  blobGasPrice?: Hex;
}

export interface RawBlock {
  number: Hex;
  hash: Hex;
  parentHash: Hex;
  timestamp: Hex;
  miner: Hex;
  gasUsed: Hex;
  gasLimit: Hex;
  baseFeePerGas?: Hex;
  size: Hex;
  transactions: RawTx[];
  /** Post-Shanghai withdrawals (amounts in gwei). */
  withdrawals?: { address: Hex; amount: Hex }[];
}

export interface FetchedBlock {
  block: RawBlock;
  receipts: RawReceipt[];
  /** Traces, balances and token reads (enrich.ts); absent until enriched. */
  extras?: BlockExtras;
}

export const toHex = (n: number): Hex => `0x${n.toString(16)}`;

export interface BlockFetcherOptions {
  /** Upper bound on calls in one HTTP batch; some providers reject large batches. */
  maxBatchCalls?: number;
}

/** Method-not-found style answers: the node lacks eth_getBlockReceipts, use per-tx receipts. */
export function unsupported(r: RpcResult): boolean {
  if (!r.error) return false;
  return r.error.code === -32601 || r.error.code === -32004 || /not (found|supported|available)|unsupported/i.test(r.error.message);
}

/** The node's newest block number; a RetryableError when it answers anything else. */
export async function nodeHead(fetcher: Pick<BlockFetcher, 'batched'>): Promise<number> {
  const [r] = await fetcher.batched([{ method: 'eth_blockNumber', params: [] }]);
  if (!r || r.error || typeof r.result !== 'string') throw new RetryableError(`eth_blockNumber answered ${JSON.stringify(r)}`);
  return parseInt(r.result, 16);
}

export class BlockFetcher {
  /** Learned on first use; null until then. */
  blockReceipts: boolean | null = null;
  private readonly maxBatchCalls: number;

  constructor(
    private readonly rpc: RpcClient,
    options: BlockFetcherOptions = {},
  ) {
    this.maxBatchCalls = options.maxBatchCalls ?? 1000;
  }

  /** Calls in HTTP batches of at most maxBatchCalls, sent in parallel; results in call order. */
  async batched(calls: RpcCall[]): Promise<RpcResult[]> {
    if (calls.length <= this.maxBatchCalls) return this.rpc.batch(calls);
    const parts: Promise<RpcResult[]>[] = [];
    for (let i = 0; i < calls.length; i += this.maxBatchCalls) parts.push(this.rpc.batch(calls.slice(i, i + this.maxBatchCalls)));
    return (await Promise.all(parts)).flat();
  }

  /** Blocks from..to inclusive, with receipts. Throws RetryableError on anything incomplete. */
  async fetchRange(from: number, to: number): Promise<FetchedBlock[]> {
    const numbers: number[] = [];
    for (let n = from; n <= to; n++) numbers.push(n);
    const withReceipts = this.blockReceipts !== false;
    const calls: RpcCall[] = [];
    for (const n of numbers) {
      calls.push({ method: 'eth_getBlockByNumber', params: [toHex(n), true] });
      if (withReceipts) calls.push({ method: 'eth_getBlockReceipts', params: [toHex(n)] });
    }
    const results = await this.batched(calls);
    const step = withReceipts ? 2 : 1;
    const out: FetchedBlock[] = [];
    const missing: FetchedBlock[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const b = results[i * step]!;
      if (b.error) throw new RetryableError(`eth_getBlockByNumber(${numbers[i]}) failed: ${b.error.message}`);
      const block = b.result as RawBlock | null;
      if (!block || typeof block !== 'object' || !Array.isArray(block.transactions)) {
        throw new RetryableError(`block ${numbers[i]} is not available yet`);
      }
      if (parseInt(block.number, 16) !== numbers[i]) throw new RetryableError(`asked for block ${numbers[i]}, got ${block.number}`);
      const item: FetchedBlock = { block, receipts: [] };
      if (withReceipts) {
        const r = results[i * step + 1]!;
        if (unsupported(r)) {
          this.blockReceipts = false;
          missing.push(item);
        } else if (r.error) {
          throw new RetryableError(`eth_getBlockReceipts(${numbers[i]}) failed: ${r.error.message}`);
        } else if (!Array.isArray(r.result)) {
          throw new RetryableError(`eth_getBlockReceipts(${numbers[i]}) returned no receipts`);
        } else {
          this.blockReceipts = true;
          item.receipts = r.result as RawReceipt[];
        }
      } else {
        missing.push(item);
      }
      out.push(item);
    }
    if (missing.length) await this.fillReceipts(missing);
    for (let i = 0; i < out.length; i++) {
      checkBlock(out[i]!);
      // A reorg between two calls of one batch would stitch two branches together.
      if (i > 0 && out[i]!.block.parentHash !== out[i - 1]!.block.hash) {
        throw new RetryableError(`blocks ${numbers[i - 1]} and ${numbers[i]} do not chain (reorg while fetching)`);
      }
    }
    return out;
  }

  private async fillReceipts(items: FetchedBlock[]): Promise<void> {
    const calls: RpcCall[] = [];
    for (const it of items) for (const tx of it.block.transactions) calls.push({ method: 'eth_getTransactionReceipt', params: [tx.hash] });
    const results = await this.batched(calls);
    let k = 0;
    for (const it of items) {
      it.receipts = it.block.transactions.map((tx) => {
        const r = results[k++]!;
        if (r.error || !r.result) throw new RetryableError(`receipt of ${tx.hash} is not available: ${r.error?.message ?? 'null'}`);
        return r.result as RawReceipt;
      });
    }
  }

  /** Hashes of blocks (headers only), for walking back to a common ancestor. Missing blocks map to null. */
  async hashes(numbers: number[]): Promise<Map<number, string | null>> {
    const results = await this.batched(numbers.map((n) => ({ method: 'eth_getBlockByNumber', params: [toHex(n), false] })));
    const out = new Map<number, string | null>();
    numbers.forEach((n, i) => {
      const r = results[i]!;
      if (r.error) throw new RetryableError(`eth_getBlockByNumber(${n}) failed: ${r.error.message}`);
      const b = r.result as { hash?: string } | null;
      out.set(n, b?.hash?.toLowerCase() ?? null);
    });
    return out;
  }
}

function checkBlock({ block, receipts }: FetchedBlock): void {
  if (receipts.length !== block.transactions.length) {
    throw new RetryableError(`block ${parseInt(block.number, 16)}: ${block.transactions.length} txs but ${receipts.length} receipts`);
  }
  for (let i = 0; i < receipts.length; i++) {
    const r = receipts[i]!;
    if (r.transactionHash !== block.transactions[i]!.hash || (r.blockHash && r.blockHash !== block.hash)) {
      throw new RetryableError(`block ${parseInt(block.number, 16)}: receipt ${i} does not belong to it (reorg while fetching)`);
    }
  }
}
