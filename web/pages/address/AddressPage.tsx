import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { Hash } from '../../components/Hash';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useResource, useStatus } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import { localName } from '../../lib/names';
import { TxTable } from '../transaction/TxTable';
import { TxFilterBar, useTxFilter } from '../../components/TxFilterBar';
import { urls } from '../../lib/urls';
import { NativeAmount, useNativeCoin } from '../../components/NativeAmount';
import { Skeleton } from '../../components/states';
import { Tabs, useTab } from '../../components/Tabs';
import { balanceSeries } from '../../lib/tokens';
import { PagedList } from '../tokens/PagedList';
import { TransfersTable } from '../tokens/TransfersTable';
import { InternalTable, InternalUnavailable } from '../tokens/InternalTable';
import { HoldingsTable } from '../tokens/HoldingsTable';
import { TokenName } from '../tokens/TokenName';
import { holdingsCsv, internalCsv, transfersCsv } from '../tokens/csv';
import '../tokens/resources';

const AreaTrend = lazy(() => import('../../components/AreaTrend'));
// The Contract tab is its own chunk (source viewer, ABI, read calls, verify form), loaded
// only when a contract's tab is opened.
const ContractTab = lazy(() => import('./contract/ContractTab'));
const TABS = ['txs', 'internal', 'transfers', 'holdings', 'contract'] as const;
type Tab = (typeof TABS)[number];
/** An account's tabs: every one but Contract. */
const ACCOUNT_TABS = TABS.filter((id) => id !== 'contract');

/** The balance, with where it comes from when that is not the index's own sum. */
function AccountBalance({ account }: { account: { balance: string | null; balanceSource: string | null; balanceBlock: number | null } }) {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  const status = useStatus();
  if (account.balance === null) {
    return (
      <span data-testid="address-balance" data-state="not-indexed">
        <strong>{t('address.notIndexed')}</strong> <span className="muted small">{t('address.notIndexedNote')}</span>
      </span>
    );
  }
  return (
    <>
      <NativeAmount wei={account.balance} testId="address-balance" />
      {account.balanceSource === 'GENESIS' && <span className="badge" data-testid="balance-genesis">{t('address.genesis')}</span>}
      {account.balanceSource === 'NODE' && (
        <span className="muted small" data-testid="balance-node"> {t('address.fromNode', { block: f.number(status.data?.status.indexedHead ?? 0) })}</span>
      )}
    </>
  );
}

/** The native balance after each block that touched the address (the newest 100 changes). */
function BalanceHistory({ address }: { address: string }) {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  const coin = useNativeCoin();
  const q = useResource('balanceHistory', { address, first: 100 });
  const records = q.data?.account?.balanceHistory.edges.map((e) => e.node);
  const decimals = coin?.decimals ?? 18;
  // Say so when the chart reaches back before the block from which history is exact.
  const exactFrom = q.data?.status.balancesExactFrom;
  const oldest = records?.length ? Math.min(...records.map((r) => r.blockNumber)) : undefined;
  const partial = oldest === undefined ? null : exactFrom === null ? t('address.chartNotExact') : exactFrom !== undefined && oldest < exactFrom ? t('address.chartPartial', { block: f.number(exactFrom) }) : null;
  return (
    <Card title={t('address.chart')} testId="balance-chart" actions={coin && <span className="muted">{coin.symbol}</span>}>
      {q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !records ? (
        <Skeleton height={220} width="100%" />
      ) : records.length === 0 ? (
        <EmptyState title={t('address.chartEmpty')} />
      ) : (
        <>
          <div className="chart-box chart-box-short" data-points={records.length}>
            <Suspense fallback={<Skeleton height={220} width="100%" />}>
              <AreaTrend
                points={balanceSeries(records, decimals)}
                x="time"
                timeAxis
                step
                yWidth={56}
                // Significant digits, not fraction digits: a balance below one coin keeps its scale.
                formatValue={(v) => f.number(v, { notation: 'compact', maximumSignificantDigits: 3 })}
                formatDate={(s) => f.date(s)}
                name={coin?.symbol ?? ''}
              />
            </Suspense>
          </div>
          <p className="muted small">{t('address.chartNote')}</p>
          {partial && <p className="muted small" data-testid="balance-partial">{partial}</p>}
        </>
      )}
    </Card>
  );
}

/**
 * The tabs of an address, the selected one `?tab=` in the URL: its activity, and for a
 * contract the Contract tab (whose own Code / Read contract views are `?view=`).
 */
function AddressTabs({ address, isContract, txs }: { address: string; isContract: boolean; txs: ReactNode }) {
  const { t } = useTranslation('tokens');
  const ids = isContract ? TABS : ACCOUNT_TABS;
  const [tab, select] = useTab<Tab>(ids, 'tab', ['view']);
  const coin = useNativeCoin();
  const decimals = coin?.decimals ?? 18;
  const file = (what: string) => `${address}-${what}.csv`;
  return (
    <Card testId="address-tabs">
      <Tabs tabs={ids.map((id) => ({ id, label: t(`address.tabs.${id}`) }))} selected={tab} onSelect={select} label={t('address.tabsLabel')} idPrefix="address">
        {tab === 'txs' ? (
          txs
        ) : tab === 'internal' ? (
          <PagedList
            name="accountInternal"
            vars={{ address }}
            pick={(d) => (d.account ? d.account.internalTransactions : undefined)}
            empty={t('address.noInternal')}
            whenNull={<InternalUnavailable />}
            csv={{ filename: file('internal'), build: (rows) => internalCsv(rows, decimals) }}
          >
            {(rows) => <InternalTable calls={rows} />}
          </PagedList>
        ) : tab === 'transfers' ? (
          <PagedList
            name="accountTransfers"
            vars={{ address }}
            pick={(d) => d.account?.tokenTransfers}
            empty={t('address.noTransfers')}
            csv={{ filename: file('token-transfers'), build: transfersCsv }}
          >
            {(rows) => <TransfersTable transfers={rows} />}
          </PagedList>
        ) : tab === 'contract' ? (
          <Suspense fallback={<SkeletonRows rows={6} />}>
            <ContractTab address={address} />
          </Suspense>
        ) : (
          <PagedList
            name="accountHoldings"
            vars={{ address }}
            pick={(d) => d.account?.tokenBalances}
            empty={t('address.noHoldings')}
            csv={{ filename: file('tokens'), build: holdingsCsv }}
          >
            {(rows) => <HoldingsTable rows={rows} by="token" />}
          </PagedList>
        )}
      </Tabs>
    </Card>
  );
}

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
  const { t: tt } = useTranslation('tokens');
  const cursor = useCursor();
  const [tab] = useTab<Tab>(TABS);
  const valid = /^0x[0-9a-fA-F]{40}$/.test(raw);
  const address = raw.toLowerCase();
  const filter = useTxFilter({ address: true });
  const q = useResource('account', { address, first: 25, after: tab === 'txs' ? cursor.after : null, filter: filter.arg }, { enabled: valid });
  const bal = useResource('accountBalance', { address }, { enabled: valid });

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
  // The heading is the best name: the operator's label, the member's, then the token's, contract's or node's.
  const best = a.operatorLabel?.label ?? name ?? (a.label && a.labelSource ? localName({ label: a.label, source: a.labelSource }, f.lang) : null);

  return (
    <>
      <div className="page-head">
        <h1 data-testid="address-title" data-label-source={best ? (a.operatorLabel ? 'OPERATOR' : name ? 'MEMBER' : a.labelSource) : undefined}>
          {best ?? (a.isContract ? t('address.contract') : t('address.account'))}
        </h1>
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
            [
              tt('address.balance'),
              bal.data?.account ? (
                <AccountBalance account={bal.data.account} />
              ) : bal.error ? (
                <span className="muted">{t('common:state.error')}</span>
              ) : (
                <Skeleton width="8rem" />
              ),
              'balance',
            ],
            [t('address.type'), a.isContract ? t('address.contract') : t('address.eoa'), 'type'],
            a.operatorLabel && [
              t('address.label'),
              <span data-testid="operator-label">
                {a.operatorLabel.label}
                {a.operatorLabel.note && <span className="muted"> — {a.operatorLabel.note}</span>}{' '}
                {a.operatorLabel.link && (
                  <a href={a.operatorLabel.link} target="_blank" rel="noopener noreferrer nofollow">{t('address.labelLink')} ↗</a>
                )}
              </span>,
              'label',
            ],
            bal.data?.account?.token && [tt('col.token'), <TokenName token={bal.data.account.token} />, 'token'],
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
      <BalanceHistory address={address} />
      <AddressTabs
        address={address}
        isContract={a.isContract}
        txs={
          <div data-testid="address-txs">
            {(a.txCount > 0 || filter.active) && <TxFilterBar filter={filter} list={{ address }} />}
            {a.transactions.edges.length === 0 ? (
              <EmptyState title={filter.active ? t('filters.noMatch') : t('address.empty')} />
            ) : (
              <TxTable txs={a.transactions.edges.map((e) => e.node)} />
            )}
            <Pagination pageInfo={a.transactions.pageInfo} cursor={cursor} />
          </div>
        }
      />
    </>
  );
}
