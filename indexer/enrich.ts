// What a batch needs beyond blocks and receipts (fetch.ts), none of it state the node may
// have pruned:
//  - internal calls and rewards from the tracer (tracer.ts), asked alongside the blocks;
//  - token transfers decoded from the logs;
//  - each block's native deltas (native-deltas.ts), the genesis allocations at block 0;
//  - one round trip at the node's head: the runtime code of the contracts the batch created
//    and the metadata of tokens not seen before.
// Balances are sums of deltas; head-check.ts holds them against the node where it has state.
import type { Genesis } from './genesis';
import type { BlockFetcher, FetchedBlock } from './fetch';
import type { RpcCall, RpcResult } from './rpc';
import { nativeDeltas } from './native-deltas';
import { parseBlockTrace, type TracerKind } from './tracer';
import {
  callData, decodeTokenLog, decodeTokenMeta, INTERFACE, SELECTOR, type TokenEvent, type TokenMetaAnswers,
} from './tokens';
import type { BlockExtras, TokenTransferEvent } from './extras';
import { RetryableError } from './backoff';

/** (token, holder, id) as one string; id '' for ERC-20 and ERC-721 (balanceOf(holder)). */
export const holdingKey = (token: string, holder: string, tokenId: string) => `${token}|${holder}|${tokenId}`;
export const splitHoldingKey = (key: string) => {
  const [token, holder, tokenId] = key.split('|') as [string, string, string];
  return { token, holder, tokenId };
};

const num = (h: string) => parseInt(h, 16);

export class Enricher {
  /** Tokens already in the database: their metadata is not read again. */
  private readonly known = new Set<string>();

  constructor(
    private readonly fetcher: Pick<BlockFetcher, 'batched'>,
    readonly tracer: TracerKind,
    private readonly genesis: Genesis | null,
  ) {}

  /** Replace the set of known tokens (at start and after a rollback). */
  resetKnown(tokens: Iterable<string>): void {
    this.known.clear();
    for (const t of tokens) this.known.add(t);
  }

  /** Tokens a committed batch added. */
  addKnown(tokens: Iterable<string>): void {
    for (const t of tokens) this.known.add(t);
  }

  /** Fill every block's extras; `traces` are the tracer's answers for the same blocks (null: no tracer). */
  async enrich(blocks: FetchedBlock[], traces: RpcResult[] | null): Promise<void> {
    const calls: RpcCall[] = [];
    const pending: ((results: RpcResult[]) => void)[] = [];
    const seenThisBatch = new Set<string>();
    // Code and metadata are read at the head: both are the same there as at the block, and
    // the head is the one block whose state every node keeps.
    const read = (call: RpcCall, apply: (a: RpcResult) => void) => {
      const i = calls.push(call) - 1;
      pending.push((r) => apply(r[i]!));
    };

    blocks.forEach((fb, bi) => {
      const { internal, rewards } = parseBlockTrace(this.tracer, fb, traces?.[bi]);
      const transfers: TokenTransferEvent[] = [];
      fb.receipts.forEach((rc, txIndex) => {
        for (const log of rc.logs) {
          for (const ev of decodeTokenLog(log.address, log.topics, log.data, num(log.logIndex))) {
            transfers.push({ ...ev, txIndex, txHash: fb.block.transactions[txIndex]!.hash.toLowerCase() });
          }
        }
      });
      const native = nativeDeltas(fb.block, fb.receipts, internal, rewards);
      const extras: BlockExtras = { internal, transfers, native, meta: new Map(), code: new Map() };
      fb.extras = extras;

      if (num(fb.block.number) === 0 && this.genesis) {
        for (const a of this.genesis.alloc) {
          native.deltas.set(a.address, (native.deltas.get(a.address) ?? 0n) + a.balance);
          if (a.code) extras.code.set(a.address, { txHash: '', code: a.code });
        }
      }

      const created = new Map<string, string>();
      fb.block.transactions.forEach((tx, i) => {
        const contract = fb.receipts[i]!.contractAddress;
        if (contract) created.set(contract.toLowerCase(), tx.hash.toLowerCase());
        for (const call of internal?.[i] ?? []) {
          if (call.to && call.callType.startsWith('CREATE')) created.set(call.to, tx.hash.toLowerCase());
        }
      });
      for (const [address, txHash] of created) {
        read({ method: 'eth_getCode', params: [address, 'latest'] }, (a) => {
          if (a.error || typeof a.result !== 'string') throw new RetryableError(`eth_getCode(${address}) failed: ${a.error?.message ?? 'no result'}`);
          extras.code.set(address, { txHash, code: a.result.toLowerCase() });
        });
      }

      const firstSeen = new Map<string, TokenEvent['type']>();
      for (const t of transfers) {
        if (!this.known.has(t.token) && !seenThisBatch.has(t.token)) {
          seenThisBatch.add(t.token);
          firstSeen.set(t.token, t.type);
        } else if (firstSeen.has(t.token) && t.type === 'ERC1155') firstSeen.set(t.token, 'ERC1155');
      }
      for (const [token, byEvents] of firstSeen) {
        const answers: Partial<Record<keyof TokenMetaAnswers, string | null>> = {};
        const ask = (key: keyof TokenMetaAnswers, data: string) =>
          read({ method: 'eth_call', params: [{ to: token, data }, 'latest'] }, (a) => {
            answers[key] = a.error || typeof a.result !== 'string' ? null : a.result;
          });
        ask('name', SELECTOR.name);
        ask('symbol', SELECTOR.symbol);
        ask('decimals', SELECTOR.decimals);
        ask('totalSupply', SELECTOR.totalSupply);
        ask('supports721', callData.supportsInterface(INTERFACE.erc721));
        ask('supports1155', callData.supportsInterface(INTERFACE.erc1155));
        pending.push(() => extras.meta.set(token, decodeTokenMeta(answers as TokenMetaAnswers, byEvents)));
      }
    });
    if (calls.length === 0) return;
    const results = await this.fetcher.batched(calls);
    for (const apply of pending) apply(results);
  }
}
