import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useLiveResource } from '../../lib/hooks';
import { BlockTable } from './BlockTable';

export default function BlocksPage() {
  const { t } = useTranslation('explorer');
  const cursor = useCursor();
  // Only the first page follows the head; older pages stay put.
  const q = useLiveResource('blocks', { first: 25, after: cursor.after }, cursor.isFirst ? {} : { refetchInterval: false });
  const edges = q.data?.blocks.edges;
  return (
    <>
      <div className="page-head">
        <h1>{t('blocks.title')}</h1>
      </div>
      <Card>
        {q.error && !q.data ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : !edges ? (
          <SkeletonRows rows={10} />
        ) : edges.length === 0 ? (
          <EmptyState title={t('blocks.empty')} />
        ) : (
          <BlockTable blocks={edges.map((e) => e.node)} />
        )}
        <Pagination pageInfo={q.data?.blocks.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
