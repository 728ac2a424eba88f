// Phase 1's targets, set by the secretariat on launch day.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi, kpiKey } from '../../contracts/registry';
import { PHASE1 } from './calendar';
import type { PlanContext, PlannedTx } from './types';

const KPIS = ['patents', 'scenarios', 'outputValue', 'members'] as const;

export function phase1Targets({ owner, call }: PlanContext): PlannedTx[] {
  return KPIS.map((k) => {
    const data = encodeFunctionData({
      abi: allianceRegistryAbi,
      functionName: 'setTarget',
      args: [kpiKey(k), PHASE1.targets[k], BigInt(PHASE1.periodStart), BigInt(PHASE1.periodEnd)],
    });
    return call(owner, 100_000n, data);
  });
}
