// The best name of any address the page shows (Account.label), asked in batches: every
// address cell rendered in one pass is named by one `accounts(addresses)` request, so a list
// of 50 rows costs one query rather than 50.
import DataLoader from 'dataloader';
import { useQuery } from '@tanstack/react-query';
import type { LabelSource } from '../generated/graphql';
import { fetchResource } from './hooks';

export interface AddressName {
  label: string;
  source: LabelSource;
}

/** The API takes at most this many addresses a request. */
const MAX_BATCH = 100;
/** Rows rendered in one pass ask within a few milliseconds of each other: wait that long to batch them. */
const BATCH_WINDOW_MS = 10;

const loader = new DataLoader<string, AddressName | null>(
  async (addresses) => {
    const d = await fetchResource('accountNames', { addresses: [...addresses] });
    return d.accounts.map((a) => (a.label && a.labelSource ? { label: a.label, source: a.labelSource } : null));
  },
  { maxBatchSize: MAX_BATCH, cache: false, batchScheduleFn: (run) => setTimeout(run, BATCH_WINDOW_MS) },
);

/** An address's best name, or undefined (none, or not known yet). */
export function useAddressName(address: string): AddressName | undefined {
  const a = address.toLowerCase();
  const q = useQuery({ queryKey: ['accountName', a], queryFn: () => loader.load(a), staleTime: 5 * 60_000, enabled: /^0x[0-9a-f]{40}$/.test(a) });
  return q.data ?? undefined;
}

/** A registry name ("English / 中文") in the reader's language; any other name as it is. */
export function localName(name: AddressName, lang: string): string {
  if (name.source !== 'MEMBER') return name.label;
  const i = name.label.indexOf(' / ');
  if (i < 0) return name.label;
  return lang.startsWith('zh') ? name.label.slice(i + 3).trim() : name.label.slice(0, i).trim();
}
