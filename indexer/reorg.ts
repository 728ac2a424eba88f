// Reorg planning: where did our chain and the node's part ways? Pure apart from the two
// lookups it is handed, so it is tested with plain maps.

/** Does a block continue our chain? An unknown parent (empty checkpoint hash) accepts anything. */
export function continues(lastHash: string, parentHash: string): boolean {
  return lastHash === '' || lastHash.toLowerCase() === parentHash.toLowerCase();
}

/**
 * The highest block number at which local and remote agree, among the numbers both maps
 * cover; null when none of them agree.
 */
export function commonAncestor(local: Map<number, string>, remote: Map<number, string | null>): number | null {
  let best: number | null = null;
  for (const [n, hash] of local) {
    const r = remote.get(n);
    if (r != null && r.toLowerCase() === hash.toLowerCase() && (best === null || n > best)) best = n;
  }
  return best;
}

export interface AncestorLookup {
  /** Highest block we hold. */
  top: number;
  /** Lowest block we hold; below it there is nothing to compare, so the walk ends at floor - 1. */
  floor: number;
  /** How many blocks to compare per round trip. */
  window?: number;
  local(from: number, to: number): Promise<Map<number, string>>;
  remote(numbers: number[]): Promise<Map<number, string | null>>;
}

/**
 * Walk back from `top`, a window at a time, to the newest block both sides agree on.
 * Because chains are hash-linked, agreement at n implies agreement below n, so the first
 * window with any agreement holds the answer.
 */
export async function findCommonAncestor(l: AncestorLookup): Promise<number> {
  const window = l.window ?? 64;
  for (let hi = l.top; hi >= l.floor; hi -= window) {
    const lo = Math.max(l.floor, hi - window + 1);
    const local = await l.local(lo, hi);
    const numbers = [...local.keys()];
    if (numbers.length === 0) continue;
    const found = commonAncestor(local, await l.remote(numbers));
    if (found !== null) return found;
  }
  return l.floor - 1;
}
