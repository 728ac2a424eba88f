// Input checks for hashes, addresses, page sizes and cursors. Pure.
import { badInput } from './errors';

export const MAX_PAGE = 100;

export function hash32(value: string, what = 'hash'): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw badInput(`${what} must be 0x followed by 64 hex digits`);
  return value.toLowerCase();
}

export function address(value: string, what = 'address'): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw badInput(`${what} must be 0x followed by 40 hex digits`);
  return value.toLowerCase();
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badInput(`first must be from 1 to ${MAX_PAGE}`);
  return n;
}

export function blockNumber(value: number, what = 'block'): number {
  if (!Number.isInteger(value) || value < 0) throw badInput(`${what} must be a whole number ≥ 0`);
  return value;
}

/** Opaque cursors: base64url of "kind:part:part". */
export function encodeCursor(kind: string, ...parts: Array<string | number>): string {
  return Buffer.from([kind, ...parts].join(':')).toString('base64url');
}

/** Decode a cursor of the given kind into its parts; BAD_USER_INPUT when it is not one. */
export function decodeCursor(cursor: string, kind: string, count: number): string[] {
  const fail = () => badInput('after is not a valid cursor for this list');
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts[0] !== kind || parts.length !== count + 1) throw fail();
  return parts.slice(1);
}

/** Decode a cursor whose parts are all whole numbers. */
export function decodeNumericCursor(cursor: string, kind: string, count: number): number[] {
  const parts = decodeCursor(cursor, kind, count).map((p) => (/^\d{1,15}$/.test(p) ? Number(p) : NaN));
  if (parts.some((p) => Number.isNaN(p))) throw badInput('after is not a valid cursor for this list');
  return parts;
}

/** Page an in-memory list by a stable key per item. */
export function pageList<T>(
  items: T[],
  keyOf: (item: T) => string,
  kind: string,
  first: number | null | undefined,
  after: string | null | undefined,
): { edges: Array<{ cursor: string; node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } {
  const n = pageSize(first);
  let start = 0;
  if (after != null) {
    const [key] = decodeCursor(after, kind, 1);
    const idx = items.findIndex((i) => keyOf(i) === key);
    if (idx < 0) throw badInput('after is not a valid cursor for this list');
    start = idx + 1;
  }
  const slice = items.slice(start, start + n);
  const edges = slice.map((node) => ({ cursor: encodeCursor(kind, keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + n < items.length, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
    totalCount: items.length,
  };
}
