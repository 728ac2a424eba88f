// Cursor pagination (Relay, forward-only API). The current `after` cursor lives in the URL
// (?after=), so a page can be shared; the cursors of the pages before it live in the history
// entry's state, so "Newer" steps back exactly.
import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PageInfo } from '../lib/resources';

export function useCursor(param = 'after') {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const after = params.get(param);
  const stack: (string | null)[] = (location.state as { cursors?: (string | null)[] } | null)?.cursors ?? [];

  const go = useCallback(
    (cursor: string | null, cursors: (string | null)[]) => {
      const next = new URLSearchParams(params);
      if (cursor) next.set(param, cursor);
      else next.delete(param);
      const search = next.toString();
      navigate({ search: search ? `?${search}` : '' }, { state: { cursors } });
    },
    [navigate, params, param],
  );

  return {
    after,
    isFirst: !after,
    next: (endCursor: string) => go(endCursor, [...stack, after]),
    prev: () => go(stack.length ? (stack[stack.length - 1] ?? null) : null, stack.slice(0, -1)),
    first: () => go(null, []),
  };
}

export function Pagination({ pageInfo, cursor }: { pageInfo: PageInfo | undefined; cursor: ReturnType<typeof useCursor> }) {
  const { t } = useTranslation();
  if (!pageInfo || (cursor.isFirst && !pageInfo.hasNextPage)) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="btn" disabled={cursor.isFirst} onClick={cursor.first}>
        {t('pagination.first')}
      </button>
      <button type="button" className="btn" disabled={cursor.isFirst} onClick={cursor.prev}>
        {t('pagination.prev')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="page-next"
        disabled={!pageInfo.hasNextPage || !pageInfo.endCursor}
        onClick={() => pageInfo.endCursor && cursor.next(pageInfo.endCursor)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
