// How a token's self-reported metadata and amounts are shown. A token contract may lie or
// break (a reverting name(), a bytes32 symbol, absurd decimals, megabyte strings): these
// helpers show what could be read, bounded, and say what could not, so one hostile contract
// never breaks a page.
import { formatNumber, formatUnits } from './format';

/** The largest decimals we scale by. ERC-20 decimals is a uint8; real tokens use 0–18 (a few 24–36). */
export const MAX_SANE_DECIMALS = 36;
/** Longest name/symbol shown; the rest is cut (the full text stays in the title attribute). */
export const MAX_NAME_CHARS = 64;
export const MAX_SYMBOL_CHARS = 16;

export type TokenProblem = 'noName' | 'noSymbol' | 'noDecimals' | 'absurdDecimals' | 'cutName' | 'cutSymbol' | 'oddChars';

export interface TokenMeta {
  address: string;
  type: 'ERC20' | 'ERC721' | 'ERC1155';
  name: string | null;
  symbol: string | null;
  decimals: number | null;
}

export interface TokenLabel {
  /** What to show as its name: the cleaned name, else the symbol, else the short address. */
  name: string;
  /** Cleaned symbol, or null when there is none. */
  symbol: string | null;
  /** The decimals to scale amounts by, or null to show raw integer amounts. */
  decimals: number | null;
  /** Why the label is not simply what the contract said. Empty for a well-behaved token. */
  problems: TokenProblem[];
}

// C0/C1 controls, bidi overrides and zero-width characters: they garble or spoof a row.
// eslint-disable-next-line no-control-regex
const ODD = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g;

function clean(raw: string | null, max: number, cut: TokenProblem, problems: TokenProblem[]): string | null {
  if (raw == null) return null;
  const stripped = raw.replace(ODD, '').trim();
  if (stripped !== raw.trim()) problems.push('oddChars');
  if (!stripped) return null;
  const chars = Array.from(stripped);
  if (chars.length <= max) return stripped;
  problems.push(cut);
  return chars.slice(0, max - 1).join('') + '…';
}

/** The token as it should be shown, and what was wrong with what it reported. */
export function tokenLabel(t: TokenMeta): TokenLabel {
  const problems: TokenProblem[] = [];
  const name = clean(t.name, MAX_NAME_CHARS, 'cutName', problems);
  const symbol = clean(t.symbol, MAX_SYMBOL_CHARS, 'cutSymbol', problems);
  if (name == null) problems.push('noName');
  // NFTs need no symbol or decimals; ERC-20s do.
  if (symbol == null && t.type === 'ERC20') problems.push('noSymbol');
  let decimals: number | null = t.type === 'ERC20' ? t.decimals : 0;
  if (t.type === 'ERC20' && decimals == null) problems.push('noDecimals');
  if (decimals != null && (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_SANE_DECIMALS)) {
    problems.push('absurdDecimals');
    decimals = null;
  }
  return {
    name: name ?? symbol ?? `${t.address.slice(0, 8)}…${t.address.slice(-4)}`,
    symbol,
    decimals,
    problems: [...new Set(problems)],
  };
}

/** A token amount scaled by its decimals; with unknown or absurd decimals, the raw integer. */
export function formatTokenAmount(lang: string, value: string, decimals: number | null, maxDecimals = 6): string {
  if (!/^-?\d+$/.test(value)) return value;
  if (decimals == null) return formatNumber(lang, value);
  return formatUnits(lang, value, decimals, Math.min(maxDecimals, decimals));
}

/**
 * `balance / totalSupply` as a ratio in [0, 1] computed exactly on integers (supplies exceed
 * 2^53), or null when the supply is unknown or zero. A balance above a lying supply caps at 1.
 */
export function supplyShare(balance: string, totalSupply: string | null): number | null {
  if (totalSupply == null || !/^\d+$/.test(totalSupply) || !/^\d+$/.test(balance)) return null;
  const total = BigInt(totalSupply);
  if (total === 0n) return null;
  const ppb = (BigInt(balance) * 1_000_000_000n) / total;
  return Math.min(1, Number(ppb) / 1e9);
}
