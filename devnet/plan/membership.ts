// Who is in the alliance when: the named members and 53 founders join on launch day, most of
// the rest during 2020 and a trickle after; four leave, and one of them comes back, which the
// contract allows.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { ENTERPRISES, NAMED_MEMBER_COUNT } from '../catalogue';
import { int, shuffled, type Rng } from '../rng';
import { DayMap } from './day-map';
import type { PlanContext, PlannedTx } from './types';

export interface MembershipSchedule {
  /** Day -> ENTERPRISES indices admitted. */
  admissions: DayMap<number>;
  /** Day -> ENTERPRISES indices removed (if they are members then). */
  removals: DayMap<number>;
}

const FOUNDERS = 53;
/** Members other than the named ones admitted by the end of 2020 (founders included). */
const JOINED_IN_2020 = 98;

/** Draws from the schedule stream: admissions first, then the leavers' days, then the return. */
export function scheduleMembership(r: Rng): MembershipSchedule {
  const admissions = new DayMap<number>();
  const removals = new DayMap<number>();
  const others = shuffled(
    r,
    Array.from({ length: ENTERPRISES.length - NAMED_MEMBER_COUNT }, (_, i) => i + NAMED_MEMBER_COUNT),
  );
  for (let i = 0; i < NAMED_MEMBER_COUNT; i++) admissions.add(0, i);
  others.forEach((m, i) => {
    const day = i < FOUNDERS ? 0 : i < JOINED_IN_2020 ? int(r, 7, 260) : int(r, 270, 1700);
    admissions.add(day, m);
  });
  const leavers = others.slice(60, 64);
  const leaveDays = [int(r, 500, 560), int(r, 780, 840), int(r, 1050, 1110), int(r, 1650, 1700)];
  leavers.forEach((m, i) => removals.add(leaveDays[i]!, m));
  admissions.add(leaveDays[1]! + int(r, 300, 400), leavers[1]!);
  return { admissions, removals };
}

/** Members' sizes, the weights by which bigger firms lead, file and report more. */
export const sizesOf = (members: readonly number[]): number[] => members.map((m) => ENTERPRISES[m]!.size);

/** The owner's admissions and removals, day by day, and who is a member as they go. */
export function membershipPlanner(schedule: MembershipSchedule, { owner, members, call }: PlanContext) {
  const admittedOn: (number | undefined)[] = new Array(ENTERPRISES.length).fill(undefined);
  const counts = { admissions: 0, removals: 0 };
  const indices = ENTERPRISES.map((_, i) => i);
  return {
    counts,
    /** The day's admissions, then its removals of members who are in. */
    day(day: number): PlannedTx[] {
      const txs: PlannedTx[] = [];
      for (const m of schedule.admissions.on(day)) {
        const e = ENTERPRISES[m]!;
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'admitMember',
          args: [members[m]!, e.name, e.country, e.sector],
        });
        txs.push(call(owner, 400_000n, data));
        admittedOn[m] = day;
        counts.admissions++;
      }
      for (const m of schedule.removals.on(day)) {
        if (admittedOn[m] === undefined) continue;
        const data = encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'removeMember', args: [members[m]!] });
        txs.push(call(owner, 100_000n, data));
        admittedOn[m] = undefined;
        counts.removals++;
      }
      return txs;
    },
    /** Members who act on `day`: admitted on an earlier day and not removed since. */
    active(day: number): number[] {
      return indices.filter((m) => admittedOn[m] !== undefined && admittedOn[m] < day);
    },
    /** Members now, admitted and not removed, including those admitted today. */
    current(): number[] {
      return indices.filter((m) => admittedOn[m] !== undefined);
    },
  };
}
