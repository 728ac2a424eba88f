import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Pagination, useCursor } from '../../components/Pagination';
import { ListState } from '../../components/states';
import { TxFilterBar, useTxFilter } from '../../components/TxFilterBar';
import { useLiveResource } from '../../lib/hooks';
import { TxTable } from './TxTable';

export default function TransactionsPage() {
  const { t } = useTranslation('explorer');
  const cursor = useCursor();
  const filter = useTxFilter({ address: false });
  const q = useLiveResource('transactions', { first: 25, after: cursor.after, filter: filter.arg }, cursor.isFirst ? {} : { refetchInterval: false });
  const txs = q.data?.transactions.edges.map((e) => e.node);
  return (
    <>
      <div className="page-head">
        <h1>{t('txs.title')}</h1>
      </div>
      <Card testId="txs-list">
        <TxFilterBar filter={filter} list={{}} />
        <ListState query={q} items={txs} empty={filter.active ? t('filters.noMatch') : t('txs.empty')}>
          {(rows) => <TxTable txs={rows} />}
        </ListState>
        <Pagination pageInfo={q.data?.transactions.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
