// What a transaction changed, as a list of state changes, from either source: the node's
// prestateTracer in diff mode (balances, nonces and storage, with before and after), or the
// index (native deltas from the value, the fee and the internal calls that stood; no before
// or after, which the index cannot know within a block). Token balances come from the
// indexed transfers either way. Pure.
import { nativeDeltas } from '../../indexer/native-deltas';
import type { StateChangeKind } from '../generated/enums';
import type { IndexedCall } from './frames';
import type { StateChangeModel } from './models';

/** One account in a prestateTracer diff: absent fields are zero (nonce) or unchanged (post). */
interface PrestateAccount {
  balance?: string;
  nonce?: number | string;
  code?: string;
  storage?: Record<string, string>;
}

export interface PrestateDiff {
  pre: Record<string, PrestateAccount>;
  post: Record<string, PrestateAccount>;
}

const ZERO_WORD = `0x${'0'.repeat(64)}`;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
const KIND_ORDER: Record<StateChangeKind, number> = { NATIVE: 0, TOKEN: 1, NONCE: 2, STORAGE: 3 };

const change = (kind: StateChangeKind, address: string, fields: Partial<StateChangeModel>): StateChangeModel => ({
  kind, address, token: null, tokenId: null, slot: null, before: null, after: null, delta: null, ...fields,
});
const word = (w: string) => `0x${BigInt(w).toString(16).padStart(64, '0')}`;

/** Changes in the order the API lists them: by kind, then account, token, id and slot. */
export function sortChanges(changes: StateChangeModel[]): StateChangeModel[] {
  const key = (c: StateChangeModel) => [c.address, c.token ?? '', c.tokenId ?? '', c.slot ?? ''].join('|');
  return changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Balances, nonces and storage from a diff-mode prestate trace. `pre` holds what changed as
 * it was; `post` only what changed, and an account missing from `post` was deleted (a
 * self-destruct): everything it had is gone. A slot missing from `post` became zero.
 */
export function changesFromPrestate(diff: PrestateDiff): StateChangeModel[] {
  const out: StateChangeModel[] = [];
  const addresses = new Set([...Object.keys(diff.pre ?? {}), ...Object.keys(diff.post ?? {})].map((a) => a.toLowerCase()));
  const find = (side: Record<string, PrestateAccount> | undefined, a: string) =>
    side ? Object.entries(side).find(([k]) => k.toLowerCase() === a)?.[1] : undefined;
  for (const address of addresses) {
    const pre = find(diff.pre, address);
    const post = find(diff.post, address);
    const deleted = pre !== undefined && post === undefined;
    const number = (before: unknown, after: unknown, kind: 'NATIVE' | 'NONCE') => {
      const b = BigInt(String(before ?? 0));
      const a = after === undefined ? (deleted ? 0n : b) : BigInt(String(after));
      if (a !== b) out.push(change(kind, address, { before: b.toString(), after: a.toString(), delta: (a - b).toString() }));
    };
    number(pre?.balance, post?.balance, 'NATIVE');
    number(pre?.nonce, post?.nonce, 'NONCE');
    const slots = new Set([...Object.keys(pre?.storage ?? {}), ...Object.keys(post?.storage ?? {})].map(word));
    const slotValue = (s: Record<string, string> | undefined, slot: string) => {
      const hit = Object.entries(s ?? {}).find(([k]) => word(k) === slot);
      return hit ? word(hit[1]) : undefined;
    };
    for (const slot of slots) {
      const before = slotValue(pre?.storage, slot) ?? ZERO_WORD;
      const after = slotValue(post?.storage, slot) ?? ZERO_WORD;
      if (before !== after) out.push(change('STORAGE', address, { slot, before, after }));
    }
  }
  return sortChanges(out);
}

/** The fields of the transaction's block and receipt that native deltas need, as the index holds them. */
export interface IndexedMovement {
  miner: string;
  baseFeePerGas: unknown;
  tx: { from_address: string; to_address: string | null; contract_address: string | null; value: unknown; gas_used: unknown; effective_gas_price: unknown; status: unknown };
}

/** Native deltas from the index (value, fee and tip, and the internal calls that stood); zero deltas left out. */
export function nativeChangesFromIndex(m: IndexedMovement, calls: readonly IndexedCall[] | null): StateChangeModel[] {
  const hex = (x: unknown) => `0x${BigInt(String(x)).toString(16)}`;
  const internal = (calls ?? []).map((c, idx) => ({
    idx, traceAddress: c.trace_address, depth: Number(c.depth), callType: c.call_type, from: c.from_address, to: c.to_address,
    value: String(c.value), gasUsed: Number(c.gas_used), error: c.error,
  }));
  const { deltas } = nativeDeltas(
    { miner: m.miner, baseFeePerGas: m.baseFeePerGas == null ? undefined : hex(m.baseFeePerGas), transactions: [{ from: m.tx.from_address, to: m.tx.to_address, value: hex(m.tx.value) }] },
    [{ status: hex(m.tx.status), gasUsed: hex(m.tx.gas_used), effectiveGasPrice: hex(m.tx.effective_gas_price), contractAddress: m.tx.contract_address }],
    [internal],
  );
  return sortChanges([...deltas].filter(([, d]) => d !== 0n).map(([address, d]) => change('NATIVE', address, { delta: d.toString() })));
}

/** An indexed token transfer (token_transfers row). */
export interface IndexedTransfer {
  token: string;
  type: string;
  from_address: string;
  to_address: string;
  value: unknown;
  token_id: string;
}

/**
 * Token balance deltas from the transfers: per holder and token, and per id for ERC-1155
 * (an ERC-721 balance is a count of ids, as balanceOf has it). Mints and burns move nothing
 * of the zero address.
 */
export function tokenChanges(transfers: readonly IndexedTransfer[]): StateChangeModel[] {
  const sums = new Map<string, { token: string; holder: string; tokenId: string | null; delta: bigint }>();
  const add = (token: string, holder: string, tokenId: string | null, d: bigint) => {
    if (holder === ZERO_ADDRESS) return;
    const key = `${token}|${holder}|${tokenId ?? ''}`;
    const s = sums.get(key) ?? { token, holder, tokenId, delta: 0n };
    s.delta += d;
    sums.set(key, s);
  };
  for (const t of transfers) {
    const id = t.type === 'ERC1155' ? t.token_id : null;
    const amount = t.type === 'ERC721' ? 1n : BigInt(String(t.value));
    add(t.token, t.from_address, id, -amount);
    add(t.token, t.to_address, id, amount);
  }
  return sortChanges(
    [...sums.values()].filter((s) => s.delta !== 0n).map((s) => change('TOKEN', s.holder, { token: s.token, tokenId: s.tokenId, delta: s.delta.toString() })),
  );
}
