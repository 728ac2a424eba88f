// Parsing Etherscan-style parameters. Pure: every function takes the raw string (or what
// express made of it: a string, an array, an object) and returns a typed value or throws
// ApiInputError, whose message becomes the `result` of a NOTOK answer.

export class ApiInputError extends Error {
  override name = 'ApiInputError';
}

export type Params = Record<string, unknown>;

/** Largest `offset` (page size) we serve; Etherscan's own cap is 10,000. */
export const MAX_OFFSET = 1000;
/** `page` x `offset` may reach this far and no further, as on Etherscan. */
export const MAX_WINDOW = 10_000;
/** balancemulti takes at most this many addresses, as on Etherscan. */
export const MAX_ADDRESSES = 20;

/** The single string value of a parameter; repeated or nested parameters are refused. */
export function str(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new ApiInputError(`Error! ${name} must be given once, as a plain value`);
  if (v.length > 100_000 && name !== 'sourceCode') throw new ApiInputError(`Error! ${name} is too long`);
  return v;
}

export function required(params: Params, name: string, what: string): string {
  const v = str(params, name);
  if (v === undefined) throw new ApiInputError(`Error! Missing ${name}: it takes ${what}`);
  return v;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export function address(value: string, name = 'address'): string {
  if (!ADDRESS.test(value)) throw new ApiInputError(`Error! Invalid ${name} format: it takes a 0x-prefixed 20-byte hex address`);
  return value.toLowerCase();
}

export function addressList(value: string): string[] {
  const list = value.split(',').map((a) => a.trim());
  if (list.length > MAX_ADDRESSES) throw new ApiInputError(`Error! Too many addresses: at most ${MAX_ADDRESSES}`);
  return [...new Set(list.map((a) => address(a)))];
}

const TOPIC = /^0x[0-9a-fA-F]{64}$/;
export function topic(value: string, name: string): string {
  if (!TOPIC.test(value)) throw new ApiInputError(`Error! Invalid ${name}: it takes a 0x-prefixed 32-byte hex value`);
  return value.toLowerCase();
}

/** A whole number in [min, max], decimal, or 0x-hex when `hex` allows it. */
export function int(value: string | undefined, name: string, fallback: number, min: number, max: number, hex = false): number {
  if (value === undefined) return fallback;
  const ok = /^\d{1,16}$/.test(value) || (hex && /^0x[0-9a-fA-F]{1,13}$/.test(value));
  const n = ok ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ApiInputError(`Error! Invalid ${name}: it takes a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A block number, or "latest" for the indexed head. */
export function block(value: string | undefined, name: string, fallback: number, head: number): number {
  if (value === 'latest') return head;
  return int(value, name, fallback, 0, Number.MAX_SAFE_INTEGER, true);
}

export interface Paging {
  page: number;
  offset: number;
  sort: 'asc' | 'desc';
  startBlock: number;
  endBlock: number;
}

/** page, offset, sort, startblock, endblock; the window page x offset is capped. */
export function paging(params: Params, head: number, defaultSort: 'asc' | 'desc' = 'asc'): Paging {
  const page = int(str(params, 'page'), 'page', 1, 1, MAX_WINDOW);
  const offset = int(str(params, 'offset'), 'offset', MAX_OFFSET, 1, MAX_OFFSET);
  if (page * offset > MAX_WINDOW) {
    throw new ApiInputError(`Result window is too large, PageNo x Offset size must be less than or equal to ${MAX_WINDOW}`);
  }
  const sortRaw = str(params, 'sort') ?? defaultSort;
  if (sortRaw !== 'asc' && sortRaw !== 'desc') throw new ApiInputError('Error! Invalid sort: it takes asc or desc');
  const startBlock = block(str(params, 'startblock'), 'startblock', 0, head);
  const endBlock = block(str(params, 'endblock'), 'endblock', Number.MAX_SAFE_INTEGER, head);
  if (startBlock > endBlock) throw new ApiInputError('Error! startblock is after endblock');
  return { page, offset, sort: sortRaw, startBlock, endBlock };
}
