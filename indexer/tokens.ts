// Token events and token metadata, decoded from whatever any contract emits or answers.
// Pure: nothing here trusts its input, and nothing here throws on it; what cannot be
// decoded is skipped (events) or reported as an issue (metadata).
import { decodeAbiParameters, hexToString, type Hex } from 'viem';
import type { TokenTypeName } from '../db/schema';

export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
export const TRANSFER_SINGLE_TOPIC = '0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62';
export const TRANSFER_BATCH_TOPIC = '0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb';
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** A TransferBatch with more ids than this is not decoded (nobody mints that many at once; a liar might claim to). */
const MAX_BATCH = 1_000;
/** Longest name or symbol kept. */
export const MAX_TEXT = 200;
/** No uint256 amount has more than 78 digits; a token claiming more decimals is lying. */
const MAX_DECIMALS = 77;

export interface TokenEvent {
  token: string;
  /** Standard the event's shape says. */
  type: TokenTypeName;
  logIndex: number;
  batchIndex: number;
  from: string;
  to: string;
  value: string;
  /** Decimal id; '' for ERC-20. */
  tokenId: string;
}

const topicAddress = (t: string | undefined): string | null =>
  t && /^0x0{24}[0-9a-f]{40}$/i.test(t) ? `0x${t.slice(26).toLowerCase()}` : null;
const word = (h: string): string | null => (/^0x[0-9a-f]{64}$/i.test(h) ? BigInt(h).toString() : null);

/** The token transfers one log records: none, one, or (TransferBatch) several. */
export function decodeTokenLog(address: string, topics: readonly string[], data: string, logIndex: number): TokenEvent[] {
  const t0 = topics[0]?.toLowerCase();
  const token = address.toLowerCase();
  if (t0 === TRANSFER_TOPIC) {
    const from = topicAddress(topics[1]);
    const to = topicAddress(topics[2]);
    if (!from || !to) return [];
    if (topics.length === 3) {
      const value = word(data);
      return value === null ? [] : [{ token, type: 'ERC20', logIndex, batchIndex: 0, from, to, value, tokenId: '' }];
    }
    if (topics.length === 4 && (data === '0x' || data === '')) {
      const id = word(topics[3]!);
      return id === null ? [] : [{ token, type: 'ERC721', logIndex, batchIndex: 0, from, to, value: '1', tokenId: id }];
    }
    return [];
  }
  if ((t0 === TRANSFER_SINGLE_TOPIC || t0 === TRANSFER_BATCH_TOPIC) && topics.length === 4) {
    const from = topicAddress(topics[2]);
    const to = topicAddress(topics[3]);
    if (!from || !to) return [];
    try {
      if (t0 === TRANSFER_SINGLE_TOPIC) {
        const [id, value] = decodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], data as Hex);
        return [{ token, type: 'ERC1155', logIndex, batchIndex: 0, from, to, value: value.toString(), tokenId: id.toString() }];
      }
      // Reject oversized arrays before decoding them: the length words come first.
      if (data.length > 2 + 64 * (4 + 2 * MAX_BATCH)) return [];
      const [ids, values] = decodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], data as Hex);
      if (ids.length !== values.length) return [];
      return ids.map((id, i) => ({
        token, type: 'ERC1155' as const, logIndex, batchIndex: i, from, to, value: values[i]!.toString(), tokenId: id.toString(),
      }));
    } catch {
      return [];
    }
  }
  return [];
}

/** ERC-165 interface ids we ask about. */
export const INTERFACE = { erc721: '0x80ac58cd', erc1155: '0xd9b67a26' } as const;

/** Selectors of the metadata calls (no arguments). */
export const SELECTOR = {
  name: '0x06fdde03',
  symbol: '0x95d89b41',
  decimals: '0x313ce567',
  totalSupply: '0x18160ddd',
  supportsInterface: '0x01ffc9a7',
  balanceOf: '0x70a08231',
  balanceOf1155: '0x00fdd58e',
} as const;

const pad = (h: string) => h.replace(/^0x/, '').toLowerCase().padStart(64, '0');
export const callData = {
  supportsInterface: (id: string) => `${SELECTOR.supportsInterface}${id.slice(2).padEnd(64, '0')}`,
  balanceOf: (holder: string) => `${SELECTOR.balanceOf}${pad(holder)}`,
  balanceOf1155: (holder: string, id: string) => `${SELECTOR.balanceOf1155}${pad(holder)}${BigInt(id).toString(16).padStart(64, '0')}`,
};

export type TokenIssue =
  | 'NAME_UNREADABLE' | 'SYMBOL_UNREADABLE' | 'BYTES32_METADATA' | 'STRING_TRUNCATED' | 'DECIMALS_UNREADABLE'
  | 'DECIMALS_ABSURD' | 'TOTAL_SUPPLY_UNREADABLE' | 'BALANCE_UNREADABLE' | 'EVENTS_DISAGREE_WITH_BALANCES';

/** A raw eth_call answer: the returned hex, or null when the call failed or reverted. */
export type CallAnswer = string | null;

/** An unsigned integer word, or null when the answer is not exactly one. */
export function decodeUint(answer: CallAnswer): string | null {
  if (!answer || !/^0x[0-9a-fA-F]{64}$/.test(answer)) return null;
  return BigInt(answer).toString();
}

/** supportsInterface: true only for an exact `true` word (a contract answering garbage supports nothing). */
export function decodeBool(answer: CallAnswer): boolean {
  return answer !== null && /^0x0{63}1$/.test(answer);
}

/** Printable text: control characters and NULs (bytes32 padding) removed. */
const clean = (s: string) => [...s].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').trim();

/** A name or symbol: ABI string, or bytes32 ASCII (older tokens such as MKR), truncated to MAX_TEXT. */
export function decodeText(answer: CallAnswer): { text: string | null; bytes32: boolean; truncated: boolean } {
  const none = { text: null, bytes32: false, truncated: false };
  if (!answer || answer.length < 66) return none;
  if (answer.length === 66) {
    try {
      const text = clean(hexToString(answer as Hex, { size: 32 }));
      return text ? { text, bytes32: true, truncated: false } : none;
    } catch {
      return none;
    }
  }
  try {
    const [s] = decodeAbiParameters([{ type: 'string' }], answer as Hex);
    const text = clean(s);
    if (!text) return none;
    return text.length > MAX_TEXT ? { text: text.slice(0, MAX_TEXT), bytes32: false, truncated: true } : { text, bytes32: false, truncated: false };
  } catch {
    return none;
  }
}

export interface TokenMetaAnswers {
  name: CallAnswer;
  symbol: CallAnswer;
  decimals: CallAnswer;
  totalSupply: CallAnswer;
  supports721: CallAnswer;
  supports1155: CallAnswer;
}

export interface TokenMeta {
  type: TokenTypeName;
  name: string | null;
  symbol: string | null;
  decimals: number | null;
  totalSupply: string | null;
  issues: TokenIssue[];
}

/** Metadata and type from the raw answers; `byEvents` is the type the token's events suggest. */
export function decodeTokenMeta(a: TokenMetaAnswers, byEvents: TokenTypeName): TokenMeta {
  const issues: TokenIssue[] = [];
  const type: TokenTypeName = decodeBool(a.supports1155) ? 'ERC1155' : decodeBool(a.supports721) ? 'ERC721' : byEvents;
  const name = decodeText(a.name);
  const symbol = decodeText(a.symbol);
  if (name.text === null) issues.push('NAME_UNREADABLE');
  if (symbol.text === null) issues.push('SYMBOL_UNREADABLE');
  if (name.bytes32 || symbol.bytes32) issues.push('BYTES32_METADATA');
  if (name.truncated || symbol.truncated) issues.push('STRING_TRUNCATED');
  let decimals: number | null = null;
  if (type === 'ERC20') {
    const d = decodeUint(a.decimals);
    if (d === null) issues.push('DECIMALS_UNREADABLE');
    else if (BigInt(d) > BigInt(MAX_DECIMALS)) issues.push('DECIMALS_ABSURD');
    else decimals = Number(d);
  }
  const totalSupply = decodeUint(a.totalSupply);
  // Only ERC-20 promises totalSupply(); NFTs without it are normal.
  if (totalSupply === null && type === 'ERC20') issues.push('TOTAL_SUPPLY_UNREADABLE');
  return { type, name: name.text, symbol: symbol.text, decimals, totalSupply, issues };
}

/** A non-negative decimal zero-padded to 78 digits: text order equals numeric order. */
export function sortKey(decimal: string): string {
  return decimal.padStart(78, '0');
}
