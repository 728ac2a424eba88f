// Executes a history plan against the in-process provider: no HTTP, no estimation, one
// evm_mine per planned block with the planned timestamp.
import { deployRegistry } from './deploy';
import type { Eip1193 } from './node';
import { encodeTx, LAUNCH_TIMESTAMP, type HistoryPlan } from './plan';
import type { SealingSchedule } from './sealers';

type Hex = `0x${string}`;

export async function runHistory(
  provider: Eip1193,
  plan: HistoryPlan & { sealing?: SealingSchedule },
  progress: (p: { phase: string; done: number; total: number }) => void,
): Promise<Hex> {
  const total = plan.blocks.length;
  progress({ phase: 'history', done: 0, total });
  if (plan.sealing) await provider.request({ method: 'hardhat_setCoinbase', params: [plan.sealing.deployCoinbase] });
  const registry = await deployRegistry(provider, plan.owner, LAUNCH_TIMESTAMP);
  if (registry !== plan.registry) throw new Error(`registry at ${registry}, plan expected ${plan.registry}`);
  let lastReport = Date.now();
  for (let i = 0; i < total; i++) {
    const block = plan.blocks[i]!;
    for (const tx of block.txs) await provider.request({ method: 'eth_sendTransaction', params: [encodeTx(tx)] });
    if (block.coinbase) await provider.request({ method: 'hardhat_setCoinbase', params: [block.coinbase] });
    await provider.request({ method: 'evm_mine', params: [block.timestamp] });
    // A transaction left in the mempool would silently shift every later block: fail loudly.
    const count = (await provider.request({ method: 'eth_getBlockTransactionCountByNumber', params: ['latest'] })) as string;
    if (Number(count) !== block.txs.length) {
      throw new Error(`history block ${i + 2}: mined ${Number(count)} of ${block.txs.length} planned transactions`);
    }
    if (Date.now() - lastReport > 250 || i === total - 1) {
      lastReport = Date.now();
      progress({ phase: 'history', done: i + 1, total });
    }
  }
  return registry;
}
