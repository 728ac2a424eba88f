import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Pagination, useCursor } from '../../components/Pagination';
import { ListState } from '../../components/states';
import { useLiveResource } from '../../lib/hooks';
import { TxTable } from './TxTable';

export default function TransactionsPage() {
  const { t } = useTranslation('explorer');
  const cursor = useCursor();
  const q = useLiveResource('transactions', { first: 25, after: cursor.after }, cursor.isFirst ? {} : { refetchInterval: false });
  const txs = q.data?.transactions.edges.map((e) => e.node);
  return (
    <>
      <div className="page-head">
        <h1>{t('txs.title')}</h1>
      </div>
      <Card>
        <ListState query={q} items={txs} empty={t('txs.empty')}>
          {(rows) => <TxTable txs={rows} />}
        </ListState>
        <Pagination pageInfo={q.data?.transactions.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
