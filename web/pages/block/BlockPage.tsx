import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { Hash, AddressLabel } from '../../components/Hash';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useResource, useStatus } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import { TxTable } from '../transaction/TxTable';
import { TxFilterBar, useTxFilter } from '../../components/TxFilterBar';
import { urls } from '../../lib/urls';

/** `/block/:id` takes a number or a 32-byte hash. */
export function parseBlockId(id: string): { number: number } | { hash: string } | null {
  if (/^\d{1,15}$/.test(id)) return { number: Number(id) };
  if (/^0x[0-9a-fA-F]{64}$/.test(id)) return { hash: id.toLowerCase() };
  return null;
}

export default function BlockPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['explorer', 'validators']);
  const f = useFormat();
  const cursor = useCursor('txAfter');
  const filter = useTxFilter({ address: false }, 'txAfter');
  const parsed = parseBlockId(id);
  const q = useResource('block', { ...(parsed ?? { number: -1 }), txFirst: 25, txAfter: cursor.after, txFilter: filter.arg }, { enabled: !!parsed, placeholderData: undefined });
  const head = useStatus().data?.status.indexedHead;

  if (!parsed || (q.data && !q.data.block)) {
    return (
      <EmptyState title={t('block.notFound')}>
        <p>{t('block.notFoundText', { id })}</p>
        <Link to="/blocks">{t('search.tryBlocks')}</Link>
      </EmptyState>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data?.block;
  if (!b) return <SkeletonRows rows={10} />;
  const latest = head ?? q.data?.status.indexedHead ?? b.number;

  return (
    <>
      <div className="page-head">
        <h1 data-testid="block-title" data-number={b.number}>
          {t('block.title', { number: f.number(b.number) })}
        </h1>
        <nav className="nav-pills" aria-label={t('block.overview')}>
          {b.number > 0 ? (
            <Link className="btn" to={urls.block(b.number - 1)} rel="prev" data-testid="block-prev">
              ← {t('block.prev')}
            </Link>
          ) : null}
          {b.number < latest ? (
            <Link className="btn" to={urls.block(b.number + 1)} rel="next" data-testid="block-next">
              {t('block.next')} →
            </Link>
          ) : null}
        </nav>
      </div>
      <Card title={t('block.overview')}>
        <KeyValue
          rows={[
            [t('block.number'), <span data-testid="block-number">{b.number}</span>, 'number'],
            [t('block.hash'), <Hash value={b.hash} full />, 'hash'],
            [t('block.parent'), <Hash value={b.parentHash} full to={b.number > 0 ? urls.block(b.number - 1) : undefined} />, 'parent'],
            [
              t('block.timestamp'),
              <span data-testid="block-timestamp" data-value={b.timestamp}>
                {f.dateTime(b.timestamp)} <span className="muted">({f.relative(b.timestamp)})</span>
              </span>,
              'timestamp',
            ],
            [t('block.txCount'), <span data-testid="block-txcount">{f.number(b.txCount)}</span>, 'txcount'],
            [
              t('validators:block.sealer'),
              <span data-testid="block-sealer" data-address={b.sealer}>
                {b.sealerMember ? (
                  <Link to={`/member/${b.sealerMember.address}`} data-testid="block-sealer-member">
                    {memberName(b.sealerMember, f.lang)}
                  </Link>
                ) : null}
                {b.sealerLabel ? <span className="muted"> {t('validators:block.node', { label: b.sealerLabel })} </span> : null}
                <AddressLabel address={b.sealer} copy />
              </span>,
              'sealer',
            ],
            [t('block.miner'), <AddressLabel address={b.miner} name={memberName(b.minerMember, f.lang)} copy />, 'miner'],
            [t('block.gasUsed'), `${f.number(b.gasUsed)} / ${f.number(b.gasLimit)}`, 'gas'],
            b.baseFeePerGas != null && [t('block.baseFee'), `${f.gwei(b.baseFeePerGas)} ${t('unit.gwei')}`, 'basefee'],
            [t('block.size'), t('unit.bytes', { size: f.number(b.size) }), 'size'],
            [
              t('block.confirmations'),
              <>
                {f.number(b.confirmations)}{' '}
                <span className={`badge${b.finalized ? ' badge-ok' : ''}`}>{b.finalized ? t('block.finalized') : t('block.pending')}</span>
              </>,
              'confirmations',
            ],
          ]}
        />
      </Card>
      <Card title={t('block.transactions')} testId="block-txs">
        {(b.txCount > 0 || filter.active) && <TxFilterBar filter={filter} list={{ block: b.number }} />}
        {b.transactions.edges.length === 0 ? (
          <EmptyState title={filter.active ? t('filters.noMatch') : t('block.noTxs')} />
        ) : (
          <TxTable txs={b.transactions.edges.map((e) => e.node)} hideBlock />
        )}
        <Pagination pageInfo={b.transactions.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
