// Now and then somebody gets it wrong; the chain keeps the failed transaction. On about one
// day in seventeen (never launch day), one of four mistakes the registry refuses.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { patentNumber, patentTitle } from '../catalogue';
import { chance, int, pick, type Rng } from '../rng';
import { utcYear, type PlanDay } from './calendar';
import type { Hex, PlanContext, PlannedTx } from './types';

const REVERT_DAYS = 0.06;

/** `r` is the days stream; `patents` the application numbers registered so far. */
export function revertPlanner(r: Rng, { members, users, call }: PlanContext) {
  const counts = { reverts: 0 };
  return {
    counts,
    day(d: PlanDay, active: readonly number[], patents: readonly Hex[]): PlannedTx[] {
      if (d.index === 0 || !chance(r, REVERT_DAYS) || active.length === 0) return [];
      const kind = int(r, 0, 3);
      const member = members[pick(r, active)]!;
      const user = pick(r, users);
      counts.reverts++;
      if (kind === 0 || patents.length === 0) {
        const no = patentNumber(2020 + int(r, 0, 5), 9_500_000 + d.index);
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [no.bytes32, patentTitle(r), BigInt(d.start)],
        });
        return [call(user, 250_000n, data, true)]; // NotMember
      }
      if (kind === 1) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [pick(r, patents), patentTitle(r), BigInt(d.start)],
        });
        return [call(member, 250_000n, data, true)]; // DuplicatePatent
      }
      if (kind === 2) {
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'admitMember',
          args: [user, 'Unknown Trading Co. / 未知贸易公司', 'CN', 'finance'],
        });
        return [call(user, 400_000n, data, true)]; // NotOwner
      }
      const data = encodeFunctionData({
        abi: allianceRegistryAbi,
        functionName: 'reportOutput',
        args: [utcYear(d.start) * 10 + 5, BigInt(int(r, 1, 900)) * 10_000n],
      });
      return [call(member, 120_000n, data, true)]; // BadPeriod
    },
  };
}
