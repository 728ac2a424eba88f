// Whether a contract is a proxy, what it runs now, and what it ran before: read when asked,
// from the index (its code, its logs, the blocks of its transactions) and, when the server has
// a node, from storage slots at the indexed head. Without a node an EIP-1967 proxy is still
// known by its Upgraded events, and an EIP-1167 clone by its stored code.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withRetry, type RetryPolicy } from '../../indexer/backoff';
import type { RpcClient } from '../../indexer/rpc';
import {
  BEACON_SLOT, BEACON_UPGRADED_TOPIC, eip1167Target, IMPLEMENTATION_CALL, IMPLEMENTATION_SLOT, PROXIABLE_SLOT, UPGRADED_TOPIC, wordAddress, type ProxyKind,
} from './detect';

export interface ProxyUpgrade {
  blockNumber: number;
  transactionHash: string;
  implementation: string | null;
  beacon: string | null;
}

export interface ProxyInfo {
  kind: ProxyKind;
  implementation: string | null;
  beacon: string | null;
  /** Oldest first. */
  history: ProxyUpgrade[];
}

/** EIP-1822 defines no event: its history is the slot read at the blocks of the proxy's latest transactions, at most this many. */
const SLOT_HISTORY_BLOCKS = 200;
/** A request answers within about a second or is given up: the page waits for it. */
const PROXY_READ_RETRY: RetryPolicy = { attempts: 4, baseMs: 100, capMs: 400 };

export class ProxyResolver {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rpc?: RpcClient,
  ) {}

  /**
   * One read from the node. A dropped connection or a busy node is asked again a few times,
   * as the indexer does; an answer that is an error (no such state) is final.
   */
  private ask(method: string, params: unknown[]): Promise<string> {
    return withRetry(() => this.rpc!.request<string>(method, params), PROXY_READ_RETRY);
  }

  private async slot(address: string, slot: string, block: number): Promise<string | undefined> {
    if (!this.rpc) return undefined;
    // A node that cannot answer (busy, or the block's state pruned) leaves the events to tell.
    return wordAddress(await this.ask('eth_getStorageAt', [address, slot, `0x${block.toString(16)}`]).catch(() => undefined));
  }

  private async upgrades(address: string, topic: string) {
    const rows = await this.db
      .selectFrom('logs as l')
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'l.block_number').onRef('t.tx_index', '=', 'l.tx_index'))
      .select(['l.block_number', 't.hash as tx_hash', 'l.topic1'])
      .where('l.address', '=', address)
      .where('l.topic0', '=', topic)
      .orderBy('l.block_number')
      .orderBy('l.log_index')
      .execute();
    return rows.flatMap((r) => {
      const to = wordAddress(r.topic1);
      return to ? [{ blockNumber: Number(r.block_number), transactionHash: r.tx_hash, to }] : [];
    });
  }

  private async code(address: string, head: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('contract_code').select('code').where('address', '=', address).orderBy('block_number', 'desc').limit(1).executeTakeFirst();
    return row?.code ?? (this.rpc ? await this.ask('eth_getCode', [address, `0x${head.toString(16)}`]).catch(() => undefined) : undefined);
  }

  /** The proxy at `address` as of block `head`; null when it is none the explorer knows. */
  async resolve(address: string, head: number): Promise<ProxyInfo | null> {
    const code = await this.code(address, head);
    if (code !== undefined && /^(0x)?$/i.test(code)) return null; // not a contract
    const clone = code && eip1167Target(code);
    if (clone) return { kind: 'EIP1167', implementation: clone, beacon: null, history: [] };

    const [beaconSlot, implSlot, beaconEvents, implEvents] = await Promise.all([
      this.slot(address, BEACON_SLOT, head), this.slot(address, IMPLEMENTATION_SLOT, head),
      this.upgrades(address, BEACON_UPGRADED_TOPIC), this.upgrades(address, UPGRADED_TOPIC),
    ]);
    const beacon = beaconSlot ?? beaconEvents.at(-1)?.to;
    if (beacon) {
      // The beacon's own Upgraded events are the implementations the proxy ran; its answer to
      // implementation() is the one it runs now.
      const beacons = [...new Set([...beaconEvents.map((e) => e.to), beacon])];
      const byBeacon = await Promise.all(beacons.map((b) => this.upgrades(b, UPGRADED_TOPIC)));
      const now = this.rpc
        ? wordAddress(await this.ask('eth_call', [{ to: beacon, data: IMPLEMENTATION_CALL }, `0x${head.toString(16)}`]).catch(() => undefined))
        : byBeacon[beacons.indexOf(beacon)]!.at(-1)?.to;
      const history = [
        ...beaconEvents.map((e) => ({ blockNumber: e.blockNumber, transactionHash: e.transactionHash, implementation: null, beacon: e.to })),
        ...byBeacon.flatMap((events, i) => events.map((e) => ({ blockNumber: e.blockNumber, transactionHash: e.transactionHash, implementation: e.to, beacon: beacons[i]! }))),
      ].sort((a, b) => a.blockNumber - b.blockNumber);
      return { kind: 'EIP1967_BEACON', implementation: now ?? null, beacon, history };
    }
    const implementation = implSlot ?? implEvents.at(-1)?.to;
    if (implementation) {
      return {
        kind: 'EIP1967', implementation, beacon: null,
        history: implEvents.map((e) => ({ blockNumber: e.blockNumber, transactionHash: e.transactionHash, implementation: e.to, beacon: null })),
      };
    }
    const proxiable = await this.slot(address, PROXIABLE_SLOT, head);
    if (proxiable) return { kind: 'EIP1822', implementation: proxiable, beacon: null, history: await this.slotHistory(address, PROXIABLE_SLOT) };
    return null;
  }

  /** Each change of `slot`, read at the blocks of the proxy's transactions (oldest first). */
  private async slotHistory(address: string, slot: string): Promise<ProxyUpgrade[]> {
    const rows = await this.db
      .selectFrom('address_transactions as a')
      .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'a.block_number').onRef('t.tx_index', '=', 'a.tx_index'))
      .select(['a.block_number', 't.hash as tx_hash'])
      .where('a.address', '=', address)
      .orderBy('a.block_number', 'desc')
      .orderBy('a.tx_index', 'desc')
      .limit(SLOT_HISTORY_BLOCKS)
      .execute();
    const out: ProxyUpgrade[] = [];
    let last: string | undefined;
    for (const r of rows.reverse()) {
      const now = await this.slot(address, slot, Number(r.block_number));
      if (now && now !== last) out.push({ blockNumber: Number(r.block_number), transactionHash: r.tx_hash, implementation: now, beacon: null });
      last = now;
    }
    return out;
  }
}
