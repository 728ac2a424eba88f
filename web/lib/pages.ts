// Whole connections: every page of a paginated resource, for CSV exports and small lists
// (members, scenarios). Kept out of ./hooks.ts so it loads only with the pages that use it.
import { useQuery } from '@tanstack/react-query';
import type { GraphQLRequestError } from './graphql';
import { fetchResource } from './hooks';
import type { DataOf, ResourceName, VarsOf } from './registry';
import type { PageInfo } from './resources';

/** The page variables a connection resource takes (fetchAllPages sets them). */
type AllPagesVars<K extends ResourceName> = Omit<VarsOf<K>, 'first' | 'after'>;
type PickConnection<K extends ResourceName, TNode> = (d: DataOf<K>) => { edges: Array<{ node: TNode }>; pageInfo: PageInfo };

/** Fetch every page of a connection resource (for CSV exports and small lists like members). */
export async function fetchAllPages<K extends ResourceName, TNode>(name: K, vars: AllPagesVars<K>, pick: PickConnection<K, TNode>, max = 5_000): Promise<TNode[]> {
  const out: TNode[] = [];
  let after: string | null = null;
  for (;;) {
    const conn = pick(await fetchResource(name, { ...vars, first: 100, after } as VarsOf<K>));
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor || out.length >= max) return out;
    after = conn.pageInfo.endCursor;
  }
}

/** Every node of a connection resource as one list; key [name, vars, 'all']. */
export function useAllPages<K extends ResourceName, TNode>(name: K, vars: AllPagesVars<K>, pick: PickConnection<K, TNode>, opts: { staleTime?: number } = {}) {
  return useQuery<TNode[], GraphQLRequestError>({
    queryKey: [name, vars, 'all'],
    queryFn: () => fetchAllPages(name, vars, pick),
    ...opts,
  });
}
