// Small lookups several domains' resolvers share.
import type { Context } from '../context';
import type { MemberModel, PeriodModel } from '../models';
import type { AllianceState } from '../state';
import { badInput } from '../errors';

/** The member at an address, from the registry at the current head. */
export const memberAt = async (ctx: Context, address: string | null | undefined): Promise<MemberModel | null> =>
  address ? ((await ctx.head.allianceState()).members.get(address) ?? null) : null;

/** A plan period by id (the current one when id is null); BAD_USER_INPUT for a malformed id. */
export function resolvePeriod(state: AllianceState, id: string | null | undefined): PeriodModel | undefined {
  if (id != null && (id.length > 40 || !/^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/.test(id))) {
    throw badInput('period must be a plan period id such as 2020-04-14_2025-04-14 (see alliance.periods)');
  }
  return state.period(id);
}
