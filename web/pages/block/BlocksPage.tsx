import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Pagination, useCursor } from '../../components/Pagination';
import { ListState } from '../../components/states';
import { useLiveResource } from '../../lib/hooks';
import { BlockTable } from './BlockTable';

export default function BlocksPage() {
  const { t } = useTranslation('explorer');
  const cursor = useCursor();
  // Only the first page follows the head; older pages stay put.
  const q = useLiveResource('blocks', { first: 25, after: cursor.after }, cursor.isFirst ? {} : { refetchInterval: false });
  const blocks = q.data?.blocks.edges.map((e) => e.node);
  return (
    <>
      <div className="page-head">
        <h1>{t('blocks.title')}</h1>
      </div>
      <Card>
        <ListState query={q} items={blocks} empty={t('blocks.empty')}>
          {(rows) => <BlockTable blocks={rows} />}
        </ListState>
        <Pagination pageInfo={q.data?.blocks.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
