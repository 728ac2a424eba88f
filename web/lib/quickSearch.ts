// The header's quick search: what the typed text can be, and the keyboard moves of its
// suggestion list (WAI-ARIA combobox with a listbox popup). Pure: the component is
// components/QuickSearch.tsx.
import { urls } from './urls';

export type QueryKind = 'empty' | 'blockNumber' | 'hash' | 'address' | 'text';

/** What the query looks like (a hash may be a block or a transaction: the API decides). */
export function queryKind(raw: string): QueryKind {
  const q = raw.trim();
  if (!q) return 'empty';
  if (/^\d{1,15}$/.test(q)) return 'blockNumber';
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) return 'hash';
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) return 'address';
  return 'text';
}

/** Text queries shorter than this wait for more typing (one letter matches everything). */
export const MIN_TEXT_CHARS = 2;

/** Whether to ask the API for suggestions at all. */
export function shouldSuggest(raw: string): boolean {
  const kind = queryKind(raw);
  return kind !== 'empty' && (kind !== 'text' || raw.trim().length >= MIN_TEXT_CHARS);
}

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/**
 * The next active option for a key, wrapping at both ends like Blockscout's quick search;
 * -1 means none (the input itself). Home/End only move once an option is active, so they
 * still move the caret in the text otherwise.
 */
export function moveActive(active: number, count: number, key: ListKey): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'Home':
      return active < 0 ? -1 : 0;
    case 'End':
      return active < 0 ? -1 : count - 1;
  }
}

/** The kinds of SearchSuggestion (schema.graphql `SearchKind`). */
export type SuggestionKind = 'BLOCK' | 'TRANSACTION' | 'ADDRESS' | 'MEMBER' | 'TOKEN';

/** The page a suggestion opens; `value` is a block number, a hash or an address. */
export function suggestionHref(kind: SuggestionKind, value: string): string {
  switch (kind) {
    case 'BLOCK':
      return urls.block(value);
    case 'TRANSACTION':
      return urls.tx(value);
    case 'ADDRESS':
    case 'MEMBER':
      return urls.address(value);
    case 'TOKEN':
      return urls.token(value);
  }
}
