// /token/:address/:tokenId — one NFT: its image and attributes from its metadata (fetched by
// the server and served through /media), its owner (ERC-721) or holders (ERC-1155), and its
// transfers. The metadata can be fetched again (rate-limited on the server).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Card, KeyValue } from '../../components/Card';
import { AddressLabel } from '../../components/Hash';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { tokenLabel } from '../../lib/tokens';
import { urls } from '../../lib/urls';
import { PagedList } from './PagedList';
import { HoldingsTable } from './HoldingsTable';
import { TransfersTable } from './TransfersTable';
import { NftImage } from './NftImage';
import { transfersCsv } from './csv';
import './resources';

/** While the server is still fetching the metadata, ask again this often. */
const PENDING_POLL_MS = 2000;

function RefreshButton({ address, tokenId }: { address: string; tokenId: string }) {
  const { t } = useTranslation('tokens');
  const client = useQueryClient();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'limited' | 'failed'>('idle');
  const refresh = async () => {
    setState('busy');
    try {
      const res = await fetch(`/metadata/${address}/${tokenId}/refresh`, { method: 'POST' });
      setState(res.ok ? 'done' : res.status === 429 ? 'limited' : 'failed');
      if (res.ok) await client.invalidateQueries({ queryKey: ['tokenInstance'] });
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="refresh">
      <button type="button" className="btn" onClick={() => void refresh()} disabled={state === 'busy'} data-testid="metadata-refresh">
        {state === 'busy' ? t('instance.refreshing') : t('instance.refresh')}
      </button>
      {state !== 'idle' && state !== 'busy' && <span className="muted small" role="status"> {t(`instance.refresh_${state}`)}</span>}
    </span>
  );
}

export default function InstancePage() {
  const { address: raw = '', tokenId: rawId = '' } = useParams();
  const { t } = useTranslation('tokens');
  const f = useFormat();
  const valid = /^0x[0-9a-fA-F]{40}$/.test(raw) && /^\d{1,78}$/.test(rawId);
  const address = raw.toLowerCase();
  const tokenId = valid ? BigInt(rawId).toString() : rawId;
  const q = useResource('tokenInstance', { address, tokenId }, {
    enabled: valid,
    placeholderData: undefined,
    refetchInterval: (query) => (query.state.data?.token?.instance?.metadataStatus === 'PENDING' ? PENDING_POLL_MS : false),
  });

  const tok = q.data?.token;
  const inst = tok?.instance;
  if (!valid || (q.data && (!tok || !inst))) {
    return (
      <EmptyState title={valid ? t('instance.notFound') : t('instance.invalid')}>
        <p className="error-detail">{t('instance.notFoundText', { address: raw, tokenId: rawId })}</p>
        {valid && <Link to={urls.token(address)}>{t('token.title')}</Link>}
      </EmptyState>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!tok || !inst) return <SkeletonRows rows={10} />;
  const label = tokenLabel(tok);
  const md = inst.metadata;
  const title = md?.name || `${label.name} #${inst.tokenId}`;

  return (
    <>
      <div className="page-head">
        <h1 data-testid="instance-title" className="wrap-any">{title}</h1>
        <span className="badge badge-brand">{t(`type.${tok.type}`)}</span>
      </div>
      <div className="nft-layout">
        <Card testId="nft-image-card">
          <NftImage src={md?.image} alt={title} size="large" status={inst.metadataStatus} />
        </Card>
        <Card title={t('token.overview')}>
          <KeyValue
            rows={[
              [t('token.contract'), <Link to={urls.token(tok.address)} data-testid="instance-token">{label.name}{label.symbol ? ` (${label.symbol})` : ''}</Link>, 'contract'],
              [t('col.tokenId'), <span className="mono wrap-any" data-testid="instance-id">{inst.tokenId}</span>, 'id'],
              tok.type === 'ERC721' && [
                t('col.owner'),
                inst.owner ? <span data-testid="instance-owner"><AddressLabel address={inst.owner} copy /></span> : <span className="muted">{t('instance.noOwner')}</span>,
                'owner',
              ],
              md?.description ? [t('instance.description'), <span className="wrap-any" data-testid="instance-description">{md.description}</span>, 'description'] : null,
              [
                t('instance.metadata'),
                <span data-testid="metadata-status" data-value={inst.metadataStatus}>
                  {t(`instance.status.${inst.metadataStatus}`)}
                  {inst.metadataError && <span className="muted small wrap-any"> — {inst.metadataError}</span>}
                </span>,
                'status',
              ],
              inst.metadataUri ? [t('instance.uri'), <span className="mono small wrap-any" data-testid="metadata-uri">{inst.metadataUri.startsWith('data:') ? `${inst.metadataUri.slice(0, 48)}…` : inst.metadataUri}</span>, 'uri'] : null,
              inst.metadataFetchedAt != null && [t('instance.fetchedAt'), f.dateTime(inst.metadataFetchedAt), 'fetched'],
              [t('instance.refreshLabel'), <RefreshButton address={address} tokenId={inst.tokenId} />, 'refresh'],
            ]}
          />
        </Card>
      </div>
      <Card title={t('instance.attributes')} testId="nft-attributes">
        {!md ? (
          <p className="muted">{inst.metadataStatus === 'PENDING' ? t('instance.imagePending') : t('instance.noMetadata')}</p>
        ) : md.attributes.length === 0 ? (
          <p className="muted">{t('instance.noAttributes')}</p>
        ) : (
          <ul className="nft-attributes">
            {md.attributes.map((a, i) => (
              <li key={i} data-testid="nft-attribute">
                <span className="muted small">{a.traitType ?? t('instance.trait')}</span>
                <strong className="wrap-any">{a.displayType === 'number' && /^-?\d+(\.\d+)?$/.test(a.value) ? f.number(Number(a.value)) : a.value}</strong>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {tok.type === 'ERC1155' && (
        <Card title={t('token.holders')} testId="instance-holders">
          <PagedList name="tokenIdHolders" vars={{ address, tokenId: inst.tokenId }} pick={(d) => d.token?.holders} empty={t('token.noHolders')}>
            {(rows) => <HoldingsTable rows={rows} by="holder" />}
          </PagedList>
        </Card>
      )}
      <Card title={t('token.transfers')} testId="instance-transfers">
        <PagedList
          name="tokenIdTransfers"
          vars={{ address, tokenId: inst.tokenId }}
          pick={(d) => d.token?.transfers}
          empty={t('token.noTransfers')}
          csv={{ filename: `${address}-${inst.tokenId}-transfers.csv`, build: transfersCsv }}
        >
          {(rows) => <TransfersTable transfers={rows} showToken={false} />}
        </PagedList>
      </Card>
    </>
  );
}
