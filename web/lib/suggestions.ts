// Search-as-you-type suggestions from the API (`searchSuggestions`).
import { useResource } from './hooks';

export function useSuggestions(query: string, enabled: boolean) {
  // No placeholder: the previous query's suggestions must not stand in for this one's.
  const q = useResource('searchSuggestions', { query, first: 8 }, { enabled, staleTime: 10_000, placeholderData: undefined });
  return { suggestions: q.data?.searchSuggestions ?? [], loading: enabled && q.isFetching && !q.data, error: q.error };
}
