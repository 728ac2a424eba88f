// Data hooks for the alliance pages: TanStack Query over the documents in ./queries.ts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request, type GraphQLRequestError } from '../lib/graphql';

export function useGql<T>(name: string, query: string, vars: Record<string, unknown>, opts: { enabled?: boolean; refetchMs?: number } = {}) {
  return useQuery<T, GraphQLRequestError>({
    queryKey: ['alliance', name, vars],
    queryFn: ({ signal }) => request<T, Record<string, unknown>>(query, vars, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchMs ?? false,
  });
}

/** Fetch every page of a connection (for CSV exports and small lists like members). */
export async function fetchAllPages<TNode, TData>(
  query: string,
  vars: Record<string, unknown>,
  pick: (d: TData) => { edges: Array<{ node: TNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
  max = 5_000,
): Promise<TNode[]> {
  const out: TNode[] = [];
  let after: string | null = null;
  for (;;) {
    const data: TData = await request<TData, Record<string, unknown>>(query, { ...vars, first: 100, after });
    const conn = pick(data);
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor || out.length >= max) return out;
    after = conn.pageInfo.endCursor;
  }
}
