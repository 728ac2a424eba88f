// A transaction list's filter as the URL keeps it (so a reload or a shared link shows the same
// list, and back/forward step through filter changes), and what the URL means to the API: the
// GraphQL `filter` argument and the CSV export's address. The URL's names are the export's
// query names; dates are whole UTC days (sent as unix seconds). Pure.
import type { TransactionFilter, TxDirection, TxKind } from '../generated/graphql';
import { urls } from './urls';

/** The URL's filter keys, in the order the bar shows them. */
export const TX_FILTER_KEYS = ['kind', 'direction', 'method', 'counterparty', 'fromBlock', 'toBlock', 'since', 'until'] as const;
export type TxFilterKey = (typeof TX_FILTER_KEYS)[number];
export type TxFilterValues = Partial<Record<TxFilterKey, string>>;

export const TX_KINDS: readonly TxKind[] = ['NORMAL', 'INTERNAL', 'TOKEN'];
export const TX_DIRECTIONS: readonly TxDirection[] = ['IN', 'OUT', 'SELF'];

/** The filter values in a query string, trimmed; direction only where the list has an address. */
export function readTxFilter(params: URLSearchParams, hasAddress: boolean): TxFilterValues {
  const out: TxFilterValues = {};
  for (const key of TX_FILTER_KEYS) {
    const v = params.get(key)?.trim();
    if (v && (key !== 'direction' || hasAddress)) out[key] = v;
  }
  return out;
}

/** Set changes: every filter key (absent ones removed) and the page cursor reset, in one step. */
export function txFilterChanges(values: TxFilterValues, cursorParam: string): Record<string, string | null> {
  const changes: Record<string, string | null> = { [cursorParam]: null };
  for (const key of TX_FILTER_KEYS) changes[key] = values[key]?.trim() || null;
  return changes;
}

// A value the page cannot read (a hand-edited URL) goes to the API as it is, so the API names
// the mistake rather than the page dropping it unseen.
const asIs = (v: string) => v as unknown as number;
const int = (v: string | undefined) => (v === undefined ? undefined : /^\d{1,15}$/.test(v) ? Number(v) : asIs(v));
const upper = <T extends string>(v: string | undefined) => v?.toUpperCase() as T | undefined;
/** A UTC day as unix seconds: its first second, or (`end`) its last, so "until" takes the whole day. */
function day(v: string | undefined, end: boolean): number | undefined {
  if (v === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  return Number.isNaN(ms) ? asIs(v) : ms / 1000 + (end ? 86_399 : 0);
}

/** The GraphQL filter argument; null when nothing narrows the list. */
export function txFilterArg(values: TxFilterValues): TransactionFilter | null {
  const f: TransactionFilter = {
    kind: upper<TxKind>(values.kind),
    direction: upper<TxDirection>(values.direction),
    method: values.method,
    counterparty: values.counterparty,
    fromBlock: int(values.fromBlock),
    toBlock: int(values.toBlock),
    since: day(values.since, false),
    until: day(values.until, true),
  };
  const set = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  return Object.keys(set).length ? (set as TransactionFilter) : null;
}

/** The CSV export of the same list: the API's /export/transactions.csv with the same filter. */
export function txExportUrl(list: { address?: string; block?: number }, values: TxFilterValues): string {
  return urls.txExport({ address: list.address, block: list.block, ...values, since: day(values.since, false), until: day(values.until, true) });
}

export const hasTxFilter = (values: TxFilterValues) => Object.keys(values).length > 0;

