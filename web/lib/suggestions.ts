// Search-as-you-type suggestions from the API (`searchSuggestions`).
import { useResource } from './hooks';

export function useSuggestions(query: string, enabled: boolean) {
  const q = useResource('searchSuggestions', { query, first: 8 }, { enabled, staleTime: 10_000 });
  return { suggestions: q.data?.searchSuggestions ?? [], loading: enabled && q.isFetching && !q.data, error: q.error };
}
