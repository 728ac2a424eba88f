// Every in-app URL, built in one place: pages link with these, never with hand-built strings,
// so a route's shape changes here only. Pure (no React), so the embed bundle uses it too.

type QueryValue = string | number | null | undefined;

/** path?query#hash; empty and null query values are left out, the rest URL-encoded. */
export function href(path: string, query: Record<string, QueryValue> = {}, hash?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `${path}${s ? `?${s}` : ''}${hash ? `#${hash}` : ''}`;
}

const seg = (v: string | number) => encodeURIComponent(String(v));

export const urls = {
  block: (numberOrHash: number | string) => `/block/${seg(numberOrHash)}`,
  tx: (hash: string) => `/tx/${seg(hash)}`,
  address: (address: string) => `/address/${seg(address)}`,
  member: (address: string) => `/member/${seg(address)}`,
  token: (address: string) => `/token/${seg(address)}`,
  tokenInstance: (address: string, tokenId: string) => `/token/${seg(address)}/${seg(tokenId)}`,
  search: (q: string) => href('/search', { q }),
  patents: (query: { member?: string } = {}) => href('/patents', query),
  scenarios: (query: { stage?: string } = {}) => href('/scenarios', query),
  alliance: (query: { lang?: string; period?: string } = {}, hash?: string) => href('/alliance', query, hash),
  stats: (query: { lang?: string; interval?: string } = {}) => href('/stats', query),
  embedKpi: (kpi: string, query: Record<string, QueryValue>) => href(`/embed/kpi/${seg(kpi)}`, query),
  embedStats: (metric: string, query: Record<string, QueryValue>) => href(`/embed/stats/${seg(metric)}`, query),
  /** A KPI's evidence file, served by the API (not an app route). */
  /** A transaction list as CSV, filtered (web/lib/txFilter.ts), served by the API. */
  txExport: (query: Record<string, QueryValue>) => href('/export/transactions.csv', query),
  evidenceFile: (kpi: string, format: 'json' | 'csv', query: { period?: string } = {}) => href(`/evidence/${seg(kpi)}.${format}`, query),
};
