// Member search by name: exact, then prefix, then substring, in either language; removed
// members rank half a step below active ones. Pure.
import type { MemberModel } from '../models';
import { splitName } from './names';

const NO_MATCH = 3;

function rank(m: MemberModel, needle: string): number {
  const { en, zh } = splitName(m.name);
  const names = [en.toLowerCase(), zh.toLowerCase(), m.name.toLowerCase()];
  if (names.includes(needle)) return 0;
  if (names.some((x) => x.startsWith(needle))) return 1;
  if (names.some((x) => x.includes(needle))) return 2;
  return NO_MATCH;
}

/** The best-ranked member for a query; the first in list order wins a tie. */
export function bestMemberMatch(members: MemberModel[], query: string): MemberModel | null {
  const needle = query.toLowerCase();
  let best: MemberModel | null = null;
  let bestRank = NO_MATCH;
  for (const m of members) {
    const r = rank(m, needle) + (m.active ? 0 : 0.5);
    if (r < bestRank) {
      best = m;
      bestRank = r;
    }
  }
  return best;
}
