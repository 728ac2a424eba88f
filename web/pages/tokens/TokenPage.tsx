// /token/:address — what the token is (type, supply, holders, transfers, with anything it
// reported that could not be read plainly marked), then its holders with their share of
// supply, its transfers, and for NFTs the inventory of token ids.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { AddressLabel, Hash } from '../../components/Hash';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { Tabs, useTab } from '../../components/Tabs';
import { useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { tokenLabel } from '../../lib/tokens';
import { PagedList } from './PagedList';
import { HoldingsTable } from './HoldingsTable';
import { TransfersTable, TokenAmount } from './TransfersTable';
import { TokenProblems } from './TokenName';
import { NftImage } from './NftImage';
import { holdingsCsv, transfersCsv } from './csv';
import './resources';
import { urls } from '../../lib/urls';

const TABS = ['holders', 'transfers', 'inventory'] as const;
type Tab = (typeof TABS)[number];

export default function TokenPage() {
  const { address: raw = '' } = useParams();
  const { t } = useTranslation('tokens');
  const f = useFormat();
  const valid = /^0x[0-9a-fA-F]{40}$/.test(raw);
  const address = raw.toLowerCase();
  const q = useResource('token', { address }, { enabled: valid, placeholderData: undefined });
  const [tab, select] = useTab<Tab>(TABS);

  if (!valid || (q.data && !q.data.token)) {
    return (
      <EmptyState title={valid ? t('token.notFound') : t('token.invalid')}>
        <p className="error-detail">{t('token.notFoundText', { address: raw })}</p>
        <Link to="/tokens">{t('tokens.title')}</Link>
      </EmptyState>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const tok = q.data?.token;
  if (!tok) return <SkeletonRows rows={10} />;
  const label = tokenLabel(tok);
  const tabs: readonly Tab[] = tok.type === 'ERC20' ? TABS.filter((x) => x !== 'inventory') : TABS;
  const shown = tabs.includes(tab) ? tab : 'holders';

  return (
    <>
      <div className="page-head">
        <h1 data-testid="token-title" title={tok.name ?? undefined}>
          {label.name}
          {label.symbol && <span className="muted"> ({label.symbol})</span>}
        </h1>
        <span className="badge badge-brand" data-testid="token-type" data-value={tok.type}>
          {t(`type.${tok.type}`)}
        </span>
      </div>
      <TokenProblems token={tok} />
      <Card title={t('token.overview')}>
        <KeyValue
          rows={[
            [t('token.contract'), <Hash value={tok.address} to={urls.address(tok.address)} full testId="token-address" />, 'contract'],
            [t('token.name'), tok.name == null ? <span className="muted">{t('token.unknown')}</span> : <span className="wrap-any" title={tok.name}>{label.name}</span>, 'name'],
            [t('token.symbol'), label.symbol ?? <span className="muted">{t('token.unknown')}</span>, 'symbol'],
            tok.type === 'ERC20' && [t('token.decimals'), tok.decimals == null ? <span className="muted">{t('token.unknown')}</span> : f.number(tok.decimals), 'decimals'],
            [
              t('col.supply'),
              tok.totalSupply == null ? (
                <span className="muted" data-testid="token-supply" data-value="">{t('token.supplyUnknown')}</span>
              ) : (
                <span data-testid="token-supply" data-value={tok.totalSupply}>
                  <TokenAmount value={tok.totalSupply} token={tok} />
                </span>
              ),
              'supply',
            ],
            [t('col.holders'), <span data-testid="token-holders" data-value={tok.holderCount}>{f.number(tok.holderCount)}</span>, 'holders'],
            [t('col.transfers'), <span data-testid="token-transfers" data-value={tok.transferCount}>{f.number(tok.transferCount)}</span>, 'transfers'],
            [t('col.block'), <Link to={urls.block(tok.firstSeenBlock)}>{tok.firstSeenBlock}</Link>],
          ]}
        />
      </Card>
      <Card testId="token-tabs">
        <Tabs tabs={tabs.map((id) => ({ id, label: t(`token.${id}`) }))} selected={shown} onSelect={select} label={t('token.tabsLabel')} idPrefix="token">
          {shown === 'holders' ? (
            <PagedList
              name="tokenHolders"
              vars={{ address }}
              pick={(d) => d.token?.holders}
              empty={t('token.noHolders')}
              csv={{ filename: `${address}-holders.csv`, build: holdingsCsv }}
            >
              {(rows) => <HoldingsTable rows={rows} by="holder" />}
            </PagedList>
          ) : shown === 'transfers' ? (
            <PagedList
              name="tokenTransfers"
              vars={{ address }}
              pick={(d) => d.token?.transfers}
              empty={t('token.noTransfers')}
              csv={{ filename: `${address}-transfers.csv`, build: transfersCsv }}
            >
              {(rows) => <TransfersTable transfers={rows} showToken={false} />}
            </PagedList>
          ) : (
            <PagedList name="tokenInventory" vars={{ address }} pick={(d) => d.token?.inventory} empty={t('token.noInventory')}>
              {(rows) => (
                <ul className="inventory" data-testid="inventory">
                  {rows.map((r) => (
                    <li key={r.tokenId} className="inventory-item" data-testid="inventory-item" data-token-id={r.tokenId} data-owner={r.owner ?? ''}>
                      <Link to={urls.tokenInstance(address, r.tokenId)} className="inventory-link">
                        <NftImage src={r.metadata?.image} alt={r.metadata?.name ?? `#${r.tokenId}`} size="thumb" status={r.metadataStatus} />
                        <span className="inventory-id mono wrap-any">#{r.tokenId}</span>
                        {r.metadata?.name && <span className="wrap-any" data-testid="inventory-name">{r.metadata.name}</span>}
                      </Link>
                      {r.owner ? (
                        <span>
                          <span className="muted">{t('col.owner')}: </span>
                          <AddressLabel address={r.owner} />
                        </span>
                      ) : (
                        <Link to={`?tab=holders`} className="muted">{t('token.holders')}</Link>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </PagedList>
          )}
        </Tabs>
      </Card>
    </>
  );
}
