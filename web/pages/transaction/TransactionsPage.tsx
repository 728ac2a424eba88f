import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useLiveResource } from '../../lib/hooks';
import { TxTable } from './TxTable';

export default function TransactionsPage() {
  const { t } = useTranslation('explorer');
  const cursor = useCursor();
  const q = useLiveResource('transactions', { first: 25, after: cursor.after }, cursor.isFirst ? {} : { refetchInterval: false });
  const edges = q.data?.transactions.edges;
  return (
    <>
      <div className="page-head">
        <h1>{t('txs.title')}</h1>
      </div>
      <Card>
        {q.error && !q.data ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : !edges ? (
          <SkeletonRows rows={10} />
        ) : edges.length === 0 ? (
          <EmptyState title={t('txs.empty')} />
        ) : (
          <TxTable txs={edges.map((e) => e.node)} />
        )}
        <Pagination pageInfo={q.data?.transactions.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
