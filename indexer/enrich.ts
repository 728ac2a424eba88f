// The second and third round trips of a batch, after blocks and receipts (fetch.ts):
//  2. traces: debug_traceBlockByNumber with callTracer, else trace_block, else none (learned
//     on first use, like eth_getBlockReceipts);
//  3. reads at each block, for what that block touched: eth_getBalance of every touched
//     address, balanceOf of every token holding a transfer moved, totalSupply of tokens
//     minted or burned, the metadata of tokens not seen before, and eth_getCode of every
//     contract the block created (by a transaction, or by an internal CREATE/CREATE2 the
//     trace shows).
// Everything is fetched before the writer sees the batch, so a batch is still written whole.
import { RetryableError } from './backoff';
import { unsupported, type BlockFetcher, type FetchedBlock } from './fetch';
import type { RpcCall, RpcResult } from './rpc';
import {
  callData, decodeTokenLog, decodeUint, decodeTokenMeta, INTERFACE, SELECTOR, ZERO_ADDRESS, type TokenEvent, type TokenMetaAnswers,
} from './tokens';
import type { BlockExtras, TokenTransferEvent } from './extras';
import { flattenCallFrames, groupParityTraces, type GethFrame, type InternalCall, type ParityTrace } from './traces';

export type Tracer = 'callTracer' | 'trace_block' | 'none';

/** (token, holder, id) as one string; id '' for ERC-20 and ERC-721 (balanceOf(holder)). */
export const holdingKey = (token: string, holder: string, tokenId: string) => `${token}|${holder}|${tokenId}`;
export const splitHoldingKey = (key: string) => {
  const [token, holder, tokenId] = key.split('|') as [string, string, string];
  return { token, holder, tokenId };
};

const num = (h: string) => parseInt(h, 16);

export class Enricher {
  /** Learned on first use; null until then. */
  tracer: Tracer | null = null;
  /** Tokens already in the database: their metadata is not read again. */
  private readonly known = new Set<string>();

  constructor(private readonly fetcher: Pick<BlockFetcher, 'batched'>) {}

  /** Replace the set of known tokens (at start and after a rollback). */
  resetKnown(tokens: Iterable<string>): void {
    this.known.clear();
    for (const t of tokens) this.known.add(t);
  }

  /** Tokens a committed batch added. */
  addKnown(tokens: Iterable<string>): void {
    for (const t of tokens) this.known.add(t);
  }

  async enrich(blocks: FetchedBlock[]): Promise<void> {
    const internal = await this.traces(blocks);
    const calls: RpcCall[] = [];
    type Pending = { apply: (results: RpcResult[]) => void };
    const pending: Pending[] = [];
    const seenThisBatch = new Set<string>();

    blocks.forEach((fb, bi) => {
      const tag = fb.block.number;
      const transfers: TokenTransferEvent[] = [];
      fb.receipts.forEach((rc, txIndex) => {
        for (const log of rc.logs) {
          for (const ev of decodeTokenLog(log.address, log.topics, log.data, num(log.logIndex))) {
            transfers.push({ ...ev, txIndex, txHash: fb.block.transactions[txIndex]!.hash.toLowerCase() });
          }
        }
      });
      const extras: BlockExtras = {
        internal: internal[bi] ?? null,
        transfers,
        balances: new Map(),
        tokenBalances: new Map(),
        supplies: new Map(),
        meta: new Map(),
        code: new Map(),
      };
      fb.extras = extras;

      // Native balances of every address the block touched; code of every contract it created.
      const touched = new Set<string>([fb.block.miner.toLowerCase()]);
      const created = new Map<string, string>();
      fb.block.transactions.forEach((tx, i) => {
        touched.add(tx.from.toLowerCase());
        if (tx.to) touched.add(tx.to.toLowerCase());
        const contract = fb.receipts[i]!.contractAddress;
        if (contract) {
          touched.add(contract.toLowerCase());
          created.set(contract.toLowerCase(), tx.hash.toLowerCase());
        }
        for (const call of extras.internal?.[i] ?? []) {
          touched.add(call.from);
          if (call.to) touched.add(call.to);
          if (call.to && call.callType.startsWith('CREATE')) created.set(call.to, tx.hash.toLowerCase());
        }
      });
      const holdings = new Set<string>();
      const supplies = new Set<string>();
      const firstSeen = new Map<string, TokenEvent['type']>();
      for (const t of transfers) {
        for (const party of [t.from, t.to]) {
          if (party === ZERO_ADDRESS) continue;
          touched.add(party);
          holdings.add(holdingKey(t.token, party, t.type === 'ERC1155' ? t.tokenId : ''));
        }
        if (t.from === ZERO_ADDRESS || t.to === ZERO_ADDRESS) supplies.add(t.token);
        if (!this.known.has(t.token) && !seenThisBatch.has(t.token)) {
          seenThisBatch.add(t.token);
          firstSeen.set(t.token, t.type);
        } else if (firstSeen.has(t.token) && t.type === 'ERC1155') firstSeen.set(t.token, 'ERC1155');
      }

      for (const address of [...touched].sort()) {
        const i = calls.push({ method: 'eth_getBalance', params: [address, tag] }) - 1;
        pending.push({
          apply: (r) => {
            const a = r[i]!;
            if (a.error || typeof a.result !== 'string') throw new RetryableError(`eth_getBalance(${address}, ${tag}) failed: ${a.error?.message ?? 'no result'}`);
            extras.balances.set(address, BigInt(a.result).toString());
          },
        });
      }
      for (const [address, txHash] of created) {
        const i = calls.push({ method: 'eth_getCode', params: [address, tag] }) - 1;
        pending.push({
          apply: (r) => {
            const a = r[i]!;
            if (a.error || typeof a.result !== 'string') throw new RetryableError(`eth_getCode(${address}, ${tag}) failed: ${a.error?.message ?? 'no result'}`);
            extras.code.set(address, { txHash, code: a.result.toLowerCase() });
          },
        });
      }
      const ethCall = (to: string, data: string) => calls.push({ method: 'eth_call', params: [{ to, data }, tag] }) - 1;
      const answer = (r: RpcResult[], i: number): string | null => {
        const a = r[i]!;
        return a.error || typeof a.result !== 'string' ? null : a.result;
      };
      for (const key of [...holdings].sort()) {
        const [token, holder, tokenId] = key.split('|') as [string, string, string];
        const i = ethCall(token, tokenId === '' ? callData.balanceOf(holder) : callData.balanceOf1155(holder, tokenId));
        pending.push({ apply: (r) => extras.tokenBalances.set(key, decodeUint(answer(r, i))) });
      }
      for (const token of [...supplies].sort()) {
        const i = ethCall(token, SELECTOR.totalSupply);
        pending.push({ apply: (r) => extras.supplies.set(token, decodeUint(answer(r, i))) });
      }
      for (const [token, byEvents] of firstSeen) {
        const at = {
          name: ethCall(token, SELECTOR.name),
          symbol: ethCall(token, SELECTOR.symbol),
          decimals: ethCall(token, SELECTOR.decimals),
          totalSupply: ethCall(token, SELECTOR.totalSupply),
          supports721: ethCall(token, callData.supportsInterface(INTERFACE.erc721)),
          supports1155: ethCall(token, callData.supportsInterface(INTERFACE.erc1155)),
        };
        pending.push({
          apply: (r) => {
            const answers = Object.fromEntries(Object.entries(at).map(([k, i]) => [k, answer(r, i)])) as unknown as TokenMetaAnswers;
            extras.meta.set(token, decodeTokenMeta(answers, byEvents));
          },
        });
      }
    });
    const results = await this.fetcher.batched(calls);
    for (const p of pending) p.apply(results);
  }

  /** Internal calls per block (null entries: untraced), checked against the blocks' transactions. */
  private async traces(blocks: FetchedBlock[]): Promise<(InternalCall[][] | null)[]> {
    if (this.tracer === 'none') return blocks.map(() => null);
    const tracer: Tracer = this.tracer ?? 'callTracer';
    const calls = blocks.map((fb) =>
      tracer === 'callTracer'
        ? { method: 'debug_traceBlockByNumber', params: [fb.block.number, { tracer: 'callTracer' }] }
        : { method: 'trace_block', params: [fb.block.number] },
    );
    const results = await this.fetcher.batched(calls);
    if (this.tracer === null && results.every(unsupported)) {
      this.tracer = tracer === 'callTracer' ? 'trace_block' : 'none';
      return this.traces(blocks);
    }
    if (this.tracer === null && results.some((r) => !r.error)) this.tracer = tracer;
    return blocks.map((fb, i) => {
      const r = results[i]!;
      if (r.error || !Array.isArray(r.result)) return null;
      const hashes = fb.block.transactions.map((t) => t.hash.toLowerCase());
      if (tracer === 'callTracer') {
        const items = r.result as { txHash?: string; result?: GethFrame }[];
        // A transaction the node failed to trace makes the whole block untraced, not empty.
        if (items.some((it) => !it || typeof it.result !== 'object' || it.result === null)) return null;
        if (items.length !== hashes.length) throw new RetryableError(`block ${num(fb.block.number)}: ${items.length} traces for ${hashes.length} txs (reorg while fetching)`);
        return items.map((it, k) => {
          if (it.txHash && it.txHash.toLowerCase() !== hashes[k]) throw new RetryableError(`block ${num(fb.block.number)}: trace ${k} is of another transaction (reorg while fetching)`);
          return flattenCallFrames(it.result);
        });
      }
      const byTx = groupParityTraces(r.result as ParityTrace[]);
      return hashes.map((h) => byTx.get(h) ?? []);
    });
  }
}

