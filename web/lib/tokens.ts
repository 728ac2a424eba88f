// How a token's self-reported metadata and amounts are shown. A token contract may lie or
// break (a reverting name(), a bytes32 symbol, absurd decimals, megabyte strings): these
// helpers show what could be read, bounded, and say what could not, so one hostile contract
// never breaks a page.
import { formatNumber, formatUnits } from './format';

/** Longest name/symbol shown; the rest is cut (the full text stays in the title attribute). */
export const MAX_NAME_CHARS = 64;
export const MAX_SYMBOL_CHARS = 16;

/** What the page itself had to repair; the API's `Token.issues` say what the indexer could not read. */
export type LabelRepair = 'cut' | 'oddChars';

// C0/C1 controls, bidi overrides and zero-width characters: they garble or spoof a row.
// eslint-disable-next-line no-control-regex
const ODD = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g;

/** Untrusted on-chain text made safe to show: odd characters removed, cut to `max` characters; null when nothing is left. */
export function cleanText(raw: string | null | undefined, max: number, repairs: LabelRepair[] = []): string | null {
  if (raw == null) return null;
  const stripped = raw.replace(ODD, '').trim();
  if (stripped !== raw.trim()) repairs.push('oddChars');
  if (!stripped) return null;
  const chars = Array.from(stripped);
  if (chars.length <= max) return stripped;
  repairs.push('cut');
  return chars.slice(0, max - 1).join('') + '…';
}

export interface TokenLabel {
  /** What to show as its name: the cleaned name, else the symbol, else the short address. */
  name: string;
  /** Cleaned symbol, or null when there is none. */
  symbol: string | null;
  /** What was repaired for display (empty for a well-behaved token). */
  repairs: LabelRepair[];
}

/** The token's name and symbol as they should be shown. */
export function tokenLabel(t: { address: string; name?: string | null; symbol?: string | null }): TokenLabel {
  const repairs: LabelRepair[] = [];
  const name = cleanText(t.name, MAX_NAME_CHARS, repairs);
  const symbol = cleanText(t.symbol, MAX_SYMBOL_CHARS, repairs);
  return {
    name: name ?? symbol ?? `${t.address.slice(0, 8)}…${t.address.slice(-4)}`,
    symbol,
    repairs: [...new Set(repairs)],
  };
}

/** A token amount scaled by its decimals; with unknown or absurd decimals, the raw integer. */
export function formatTokenAmount(lang: string, value: string, decimals: number | null, maxDecimals = 6): string {
  if (!/^-?\d+$/.test(value)) return value;
  if (decimals == null) return formatNumber(lang, value);
  return formatUnits(lang, value, decimals, Math.min(maxDecimals, decimals));
}

/** An exact decimal string without grouping, for CSV: `1234500000000000000`, 18 → `1.2345`. Raw when decimals are unknown. */
export function unitsPlain(value: string, decimals: number | null): string {
  if (decimals == null || decimals === 0 || !/^-?\d+$/.test(value)) return value;
  const neg = value.startsWith('-');
  const digits = (neg ? value.slice(1) : value).padStart(decimals + 1, '0');
  const whole = digits.slice(0, -decimals).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(-decimals).replace(/0+$/, '');
  return (neg ? '-' : '') + whole + (frac ? `.${frac}` : '');
}

/** Balance records (newest first, as the API pages them) as chart points, oldest first, in whole units. */
export function balanceSeries(records: { timestamp: number; blockNumber: number; balance: string }[], decimals: number) {
  return records
    .map((r) => ({ time: r.timestamp, block: r.blockNumber, value: Number(unitsPlain(r.balance, decimals)), raw: r.balance }))
    .reverse();
}
