import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { Hash } from '../../components/Hash';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import { TxTable } from '../transaction/TxTable';
import { urls } from '../../lib/urls';

// The contract tab loads with its own chunk, only for contracts.
const ContractCard = lazy(() => import('./contract/ContractCard'));

function countryName(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export default function AddressPage() {
  const { address: raw = '' } = useParams();
  // Sector names live with the alliance strings (the embeds read them there too).
  const { t } = useTranslation(['explorer', 'alliance']);
  const f = useFormat();
  const cursor = useCursor();
  const valid = /^0x[0-9a-fA-F]{40}$/.test(raw);
  const address = raw.toLowerCase();
  const q = useResource('account', { address, first: 25, after: cursor.after }, { enabled: valid });

  if (!valid) {
    return (
      <EmptyState title={t('address.invalid')}>
        <p className="error-detail">{t('address.invalidText', { address: raw })}</p>
      </EmptyState>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data?.account;
  if (!a || a.address !== address) return <SkeletonRows rows={10} />;
  const m = a.member;
  const name = memberName(m, f.lang);

  return (
    <>
      <div className="page-head">
        <h1 data-testid="address-title">{name ?? (a.isContract ? t('address.contract') : t('address.account'))}</h1>
        <span className="badge">{a.isContract ? t('address.contract') : t('address.eoa')}</span>
        {m && (
          <span className={`badge ${m.active ? 'badge-ok' : 'badge-bad'}`} data-testid="member-badge">
            {m.active ? t('address.memberStatusActive') : t('address.memberStatusRemoved')}
          </span>
        )}
      </div>
      <Card title={t('address.title')}>
        <KeyValue
          rows={[
            [t('address.title'), <Hash value={a.address} full testId="address-value" />, 'address'],
            [t('address.type'), a.isContract ? t('address.contract') : t('address.eoa'), 'type'],
            m && [
              t('address.member'),
              <>
                <span data-testid="member-name">{name}</span>{' '}
                <Link to={urls.member(a.address)} data-testid="member-profile">
                  {t('address.profile')} →
                </Link>
              </>,
              'member',
            ],
            m && [t('address.country'), countryName(m.country, f.lang)],
            m && [t('address.sector'), t(`alliance:sector.${m.sector}`, { defaultValue: m.sector }), 'sector'],
            m && [t('address.admitted'), f.date(m.admittedAt)],
            m && m.removedAt != null && [t('address.removed'), f.date(m.removedAt)],
            m && [t('address.patents'), f.number(m.patentCount)],
            m && [t('address.outputValue'), f.cny(m.outputValue)],
            [t('address.txCount'), <span data-testid="address-txcount">{f.number(a.txCount)}</span>, 'txcount'],
            [
              t('address.firstSeen'),
              a.firstSeenBlock != null ? <Link to={urls.block(a.firstSeenBlock)}>{a.firstSeenBlock}</Link> : t('address.never'),
            ],
            !!a.creationTx && [t('address.creationTx'), <Hash value={a.creationTx} to={urls.tx(a.creationTx)} full />],
          ]}
        />
      </Card>
      {a.isContract && (
        <Suspense fallback={<SkeletonRows rows={3} />}>
          <ContractCard address={address} />
        </Suspense>
      )}
      <Card title={t('address.history')} testId="address-txs">
        {a.transactions.edges.length === 0 ? (
          <EmptyState title={t('address.empty')} />
        ) : (
          <TxTable txs={a.transactions.edges.map((e) => e.node)} />
        )}
        <Pagination pageInfo={a.transactions.pageInfo} cursor={cursor} />
      </Card>
    </>
  );
}
