// Keyset pages over SQL rows: fetch n + 1 rows, return n with a cursor per row.

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** rows holds up to n + 1 rows: the extra one only tells that there is a next page. */
export function connection<T>(rows: T[], n: number, cursorOf: (row: T) => string): Page<T> {
  const page = rows.slice(0, n);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > n, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null } };
}
