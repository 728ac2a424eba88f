// From which block the balance history is exact. Pure: the sync feeds it what it learns.
// - A fresh index from block 0 starts exact: every balance is a sum from the genesis on.
//   Starting later, the balances before the start are not known, so it starts unknown.
// - A block with transactions but no trace may hide internal transfers: history is exact
//   only after it.
// - A head check that had to correct a balance proves the history before it wrong
//   somewhere; one that finds everything right makes an unknown start known from there.

export function exactFromAtStart(fromBlock: number): number | null {
  return fromBlock === 0 ? 0 : null;
}

export function exactFromAfterBatch(current: number | null, incompleteBlocks: readonly number[]): number | null {
  if (current === null || incompleteBlocks.length === 0) return current;
  return Math.max(current, Math.max(...incompleteBlocks) + 1);
}

export function exactFromAfterHeadCheck(current: number | null, block: number, corrections: number): number | null {
  if (corrections > 0) return Math.max(current ?? block, block);
  return current ?? block;
}
