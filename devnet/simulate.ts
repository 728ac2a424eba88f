// Executes a history plan against the node (straight to anvil, not through the front): no
// estimation, one evm_mine per planned block with the planned timestamp.
//
// Two round trips a block: its transactions (and its sealer) in one batch, then the mine. A
// batch's calls may run concurrently, so every transaction carries its nonce, and each mined
// block's transaction list is read back (in the next block's batch) and must be exactly the
// planned one, in the planned order: the chain is the plan's, or the devnet fails loudly.
import { deployRegistry } from './deploy';
import type { BatchProvider } from './eip1193';
import { encodeTx, LAUNCH_TIMESTAMP, type HistoryPlan } from './plan';
import type { SealingSchedule } from './sealers';

type Hex = `0x${string}`;

const hex = (n: number) => `0x${n.toString(16)}`;

export async function runHistory(
  provider: BatchProvider,
  plan: HistoryPlan & { sealing?: SealingSchedule },
  progress: (p: { phase: string; done: number; total: number }) => void,
): Promise<Hex> {
  const total = plan.blocks.length;
  progress({ phase: 'history', done: 0, total });
  if (plan.sealing) await provider.request({ method: 'anvil_setCoinbase', params: [plan.sealing.deployCoinbase] });
  const registry = await deployRegistry(provider, plan.owner, LAUNCH_TIMESTAMP);
  if (registry !== plan.registry) throw new Error(`registry at ${registry}, plan expected ${plan.registry}`);
  // Every sender starts at nonce 0 at genesis; the owner spent its first on the registry.
  const nonces = new Map<Hex, number>([[plan.owner, 1]]);
  let previous: { number: number; hashes: Hex[] } | undefined;
  let lastReport = Date.now();
  for (let i = 0; i < total; i++) {
    const block = plan.blocks[i]!;
    const calls: { method: string; params: unknown[] }[] = block.txs.map((tx) => {
      const nonce = nonces.get(tx.from) ?? 0;
      nonces.set(tx.from, nonce + 1);
      return { method: 'eth_sendTransaction', params: [{ ...encodeTx(tx), nonce: hex(nonce) }] };
    });
    if (block.coinbase) calls.push({ method: 'anvil_setCoinbase', params: [block.coinbase] });
    if (previous) calls.push({ method: 'eth_getBlockByNumber', params: [hex(previous.number), false] });
    const results = await provider.batch(calls);
    if (previous) checkMined(previous, results.at(-1) as { transactions: Hex[] } | null);
    await provider.request({ method: 'evm_mine', params: [block.timestamp] });
    // Plan block i is chain block i + 2 (genesis, then the registry deployment).
    previous = { number: i + 2, hashes: results.slice(0, block.txs.length) as Hex[] };
    if (Date.now() - lastReport > 250 || i === total - 1) {
      lastReport = Date.now();
      progress({ phase: 'history', done: i + 1, total });
    }
  }
  if (previous) checkMined(previous, (await provider.request({ method: 'eth_getBlockByNumber', params: [hex(previous.number), false] })) as { transactions: Hex[] } | null);
  return registry;
}

/** A transaction left in the pool, or mined out of order, would silently change every later block. */
function checkMined(planned: { number: number; hashes: Hex[] }, block: { transactions: Hex[] } | null): void {
  const mined = block?.transactions ?? [];
  if (mined.length !== planned.hashes.length || mined.some((h, k) => h !== planned.hashes[k])) {
    throw new Error(`history block ${planned.number}: mined ${mined.length} transactions, not the ${planned.hashes.length} planned in their order`);
  }
}
