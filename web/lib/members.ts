import type { MemberRef } from './resources';

/** A member's name in the active language ("English / 中文" on chain). */
export function memberName(m: Pick<MemberRef, 'name' | 'nameEn' | 'nameZh'> | null | undefined, lang: string): string | undefined {
  if (!m) return undefined;
  return (lang.startsWith('zh') ? m.nameZh : m.nameEn) || m.name;
}
