// Formatting for the active language, all through Intl. Pass `lang` from
// useTranslation().i18n.language (or use the useFormat() hook, which does).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

type Num = number | bigint | string;
const toNum = (v: Num): number | bigint => (typeof v === 'string' ? (/^-?\d+$/.test(v) ? BigInt(v) : Number(v)) : v);

export function formatNumber(lang: string, v: Num, opts: Intl.NumberFormatOptions = {}): string {
  return cached(`n:${lang}:${JSON.stringify(opts)}`, () => new Intl.NumberFormat(lang, opts)).format(toNum(v) as number);
}

export function formatCompact(lang: string, v: Num): string {
  return formatNumber(lang, v, { notation: 'compact', maximumFractionDigits: 1 });
}

export function formatPercent(lang: string, ratio: number, digits = 1): string {
  return formatNumber(lang, ratio, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Yuan, shown with ¥ in both languages; `compact` gives 50亿 / 5B. */
export function formatCny(lang: string, v: Num, compact = false): string {
  return formatNumber(lang, v, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    ...(compact ? { notation: 'compact', maximumFractionDigits: 2 } : { maximumFractionDigits: 0 }),
  });
}

/** A wei amount (decimal string) in whole units, exact (BigInt), trimmed to `maxDecimals`. */
export function formatUnits(lang: string, wei: string | bigint, decimals = 18, maxDecimals = 6): string {
  const v = typeof wei === 'bigint' ? wei : BigInt(wei || '0');
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(decimals, '0').slice(0, maxDecimals).replace(/0+$/, '');
  // Both our languages use '.' as the decimal separator; the integer part is grouped by Intl.
  if (whole === 0n && !frac && abs !== 0n) return `${neg ? '-' : ''}<0.${'0'.repeat(maxDecimals - 1)}1`;
  return (neg ? '-' : '') + formatNumber(lang, whole) + (frac ? '.' + frac : '');
}

export function formatGwei(lang: string, wei: string | bigint): string {
  return formatUnits(lang, wei, 9, 4);
}

/** Absolute date-time from unix seconds, e.g. "2020年4月14日 10:00:00" / "Apr 14, 2020, 10:00:00 AM". */
export function formatDateTime(lang: string, unixSeconds: number, opts?: Intl.DateTimeFormatOptions): string {
  const o = opts ?? { dateStyle: 'medium', timeStyle: 'medium' };
  return cached(`d:${lang}:${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(lang, o)).format(unixSeconds * 1000);
}

export function formatDate(lang: string, unixSeconds: number): string {
  return formatDateTime(lang, unixSeconds, { dateStyle: 'medium' });
}

/** "5 minutes ago" / "5分钟前", relative to `nowMs`. */
export function formatRelative(lang: string, unixSeconds: number, nowMs = Date.now()): string {
  const rtf = cached(`r:${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'long' }));
  let diff = unixSeconds - nowMs / 1000;
  // Block times a little ahead of this machine's clock (clock skew; a dev chain that mines
  // several blocks a second) read as "now", never "in 10 seconds".
  if (diff > 0 && diff < 300) diff = 0;
  const abs = Math.abs(diff);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  for (const [unit, secs] of units) {
    if (abs >= secs || unit === 'second') return rtf.format(Math.round(diff / secs), unit);
  }
  return rtf.format(0, 'second');
}

/** Seconds as a short duration, e.g. "2.0 s" / "2.0秒". */
export function formatSeconds(lang: string, seconds: number): string {
  return formatNumber(lang, seconds, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** 0x1234…abcd: `head` hex chars after 0x, `tail` at the end. */
export function shortenHash(hash: string, head = 6, tail = 4): string {
  if (hash.length <= 2 + head + tail + 1) return hash;
  return `${hash.slice(0, 2 + head)}…${hash.slice(-tail)}`;
}

/** Every formatter bound to the active language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      lang,
      number: (v: Num, o?: Intl.NumberFormatOptions) => formatNumber(lang, v, o),
      compact: (v: Num) => formatCompact(lang, v),
      percent: (r: number, d?: number) => formatPercent(lang, r, d),
      cny: (v: Num, compact?: boolean) => formatCny(lang, v, compact),
      units: (wei: string | bigint, decimals?: number, maxDecimals?: number) => formatUnits(lang, wei, decimals, maxDecimals),
      gwei: (wei: string | bigint) => formatGwei(lang, wei),
      dateTime: (s: number) => formatDateTime(lang, s),
      date: (s: number) => formatDate(lang, s),
      relative: (s: number, now?: number) => formatRelative(lang, s, now),
      seconds: (s: number) => formatSeconds(lang, s),
    }),
    [lang],
  );
}
