// Bilingual names and texts: on chain they read "English / 中文".
import type { MemberRef } from '../resources';

/** The member's name in the active language ("English / 中文" on chain). */
export function memberName(m: Pick<MemberRef, 'name' | 'nameEn' | 'nameZh'> | null | undefined, lang: string): string {
  if (!m) return '—';
  return (lang.startsWith('zh') ? m.nameZh : m.nameEn) || m.name;
}

/** The active language's half of an on-chain "English / 中文" text (the whole text otherwise). */
export function bilingual(text: string, lang: string): string {
  const i = text.lastIndexOf(' / ');
  if (i < 0) return text;
  return lang.startsWith('zh') ? text.slice(i + 3) : text.slice(0, i);
}
