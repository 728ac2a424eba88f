import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnreachable } from '../lib/graphql';

export function Skeleton({ width, height = '1em', className }: { width?: string | number; height?: string | number; className?: string }) {
  return <span className={`skeleton${className ? ' ' + className : ''}`} style={{ width, height }} aria-hidden="true" />;
}

/** `rows` skeleton lines, announced once to screen readers as "Loading…". */
export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-rows" role="status" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">{t('state.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height="1.25rem" width={`${70 + ((i * 37) % 30)}%`} />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="empty">
      <p className="empty-title">{title ?? t('state.empty')}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const unreachable = isUnreachable(error);
  return (
    <div className="error-state" role="alert" data-testid={unreachable ? 'api-unreachable' : 'error'}>
      <p className="error-title">{unreachable ? t('state.unreachable') : t('state.error')}</p>
      <p className="error-detail">{unreachable ? t('state.unreachableHint') : error instanceof Error ? error.message : String(error)}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * The four states of a list fed by a query: error (only when there is nothing to show),
 * loading skeleton, empty, or the rows themselves.
 */
export function ListState<T>({
  query,
  items,
  empty,
  skeletonRows = 10,
  children,
}: {
  query: { error: unknown; refetch: () => unknown };
  items: T[] | undefined;
  empty: ReactNode;
  skeletonRows?: number;
  children: (items: T[]) => ReactNode;
}) {
  if (query.error && !items) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!items) return <SkeletonRows rows={skeletonRows} />;
  if (items.length === 0) return <EmptyState title={empty} />;
  return <>{children(items)}</>;
}
