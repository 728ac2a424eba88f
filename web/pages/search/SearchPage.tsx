import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { SearchBox } from '../../app/Layout';
import { useResource } from '../../lib/hooks';
import type { SearchResult } from '../../lib/resources';
import { urls } from '../../lib/urls';

export function searchTarget(r: SearchResult): string {
  switch (r.__typename) {
    case 'Block':
      return urls.block(r.number);
    case 'Transaction':
      return urls.tx(r.hash);
    case 'Account':
      return urls.address(r.address);
    case 'Member':
      return urls.address(r.address);
    case 'Token':
      return urls.token(r.address);
  }
}

/** `/search?q=`: one match jumps to its page (replacing the history entry); none explains what search takes. */
export default function SearchPage() {
  const { t } = useTranslation('explorer');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const res = useResource('search', { query: q }, { enabled: q.length > 0, placeholderData: undefined, staleTime: 0 });
  const hit = res.data?.search;

  useEffect(() => {
    if (hit) navigate(searchTarget(hit), { replace: true });
  }, [hit, navigate]);

  return (
    <>
      <div className="page-head">
        <h1>{t('search.title')}</h1>
      </div>
      <Card>
        <SearchBox />
        <div className="search-result" data-testid="search-result">
          {!q ? (
            <EmptyState title={t('search.empty')} />
          ) : res.error ? (
            <ErrorState error={res.error} onRetry={() => void res.refetch()} />
          ) : res.isPending || hit ? (
            <>
              <p className="muted">{t('search.searching', { q })}</p>
              <SkeletonRows rows={2} />
            </>
          ) : (
            <EmptyState title={t('search.notFound', { q })}>
              <p data-testid="search-not-found">{t('search.hint')}</p>
              <p className="nav-pills" style={{ justifyContent: 'center' }}>
                <Link to="/blocks">{t('search.tryBlocks')}</Link>
                <Link to="/members">{t('search.tryMembers')}</Link>
              </p>
            </EmptyState>
          )}
        </div>
      </Card>
    </>
  );
}
