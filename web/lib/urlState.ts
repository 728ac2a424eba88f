// Page state kept in the URL's query string (filters, sort, chart options), so a view can be
// shared or reloaded. Changes replace the history entry instead of adding one, unless the
// view asks for its own entries (a list's filters: back steps to the list as it was).
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

type Changes = Record<string, string | null>;

/**
 * [the current query parameters, setParam(key, value) or setParam({ key: value, … })]: sets
 * each key, or removes it when its value is null or ''. Several keys that change together go
 * in one call: two calls in one event would each start from the same old parameters, and the
 * second would undo the first.
 */
export function useUrlState({ push = false }: { push?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const setParam = useCallback(
    (keyOrChanges: string | Changes, value: string | null = null) => {
      const changes: Changes = typeof keyOrChanges === 'string' ? { [keyOrChanges]: value } : keyOrChanges;
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [key, v] of Object.entries(changes)) {
            if (v) next.set(key, v);
            else next.delete(key);
          }
          return next;
        },
        { replace: !push },
      );
    },
    [setParams, push],
  );
  return [params, setParam] as const;
}
