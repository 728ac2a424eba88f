import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { AddressLabel, CopyButton, Hash } from '../../components/Hash';
import { EmptyState, ErrorState, Skeleton, SkeletonRows } from '../../components/states';
import { NativeAmount } from '../../components/NativeAmount';
import { useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import type { Log } from '../../lib/resources';
import type { TransactionQuery } from '../../generated/graphql';
import { MethodBadge, StatusBadge } from './TxTable';
import { urls } from '../../lib/urls';
import { TransfersTable } from '../tokens/TransfersTable';
import { InternalTable, InternalUnavailable } from '../tokens/InternalTable';
import { Tabs, useTab } from '../../components/Tabs';
import { Args } from './Args';
import { useRegistryName } from './registry-name';
import { StateTab } from './StateTab';
import { TraceTab } from './TraceTab';
import '../tokens/resources';
import './resources';

/** Its token transfers (amounts by decimals) and internal calls; "unavailable" when the node cannot trace. */
function TxMovements({ hash }: { hash: string }) {
  const { t } = useTranslation('tokens');
  const q = useResource('txTransfers', { hash }, { placeholderData: undefined });
  const tx = q.data?.transaction;
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!tx) return <SkeletonRows rows={4} />;
  const calls = tx.internalTransactions;
  return (
    <>
      <Card title={t('transfers.title', { count: tx.tokenTransfers.length })} testId="tx-token-transfers">
        {tx.tokenTransfers.length === 0 ? <EmptyState title={t('transfers.none')} /> : <TransfersTable transfers={tx.tokenTransfers} showTx={false} />}
      </Card>
      <Card title={calls ? t('internal.title', { count: calls.length }) : t('internal.titleAddress')} testId="tx-internal">
        {calls == null ? <InternalUnavailable /> : calls.length === 0 ? <EmptyState title={t('internal.none')} /> : <InternalTable calls={calls} showTx={false} />}
      </Card>
    </>
  );
}

const isHash = (s: string) => /^0x[0-9a-fA-F]{64}$/.test(s);

/** Where a decoding came from: the registry, a verified contract's ABI, or a guess. */
const SOURCE_LABEL = { REGISTRY: 'tx.registryCall', VERIFIED: 'tx.verifiedCall', GUESS: 'tx.guessedCall' } as const;

function DecodedBadge({ d }: { d: NonNullable<Log['decoded']> }) {
  const { t } = useTranslation('explorer');
  if (d.source === 'GUESS') return <span className="badge" title={t('tx.guessedCall')}>{d.name}? <small>({t('tx.guess')})</small></span>;
  return <span className="badge badge-brand" title={d.signature ?? undefined}>{d.name}</span>;
}

function LogView({ log }: { log: Log }) {
  const { t } = useTranslation('explorer');
  return (
    <div className="log" data-testid="log">
      <p>
        <strong>{t('tx.log', { index: log.logIndex })}</strong>{' '}
        {log.decoded ? <DecodedBadge d={log.decoded} /> : <span className="badge">{t('tx.unknownEvent')}</span>}
      </p>
      <KeyValue
        rows={[
          [t('tx.address'), <Hash value={log.address} to={urls.address(log.address)} full />],
          log.decoded && [t('tx.decodedEvent'), <Args args={log.decoded.args} />],
          [
            t('tx.topics'),
            <ol className="mono topics">
              {log.topics.map((tp, i) => (
                <li key={i}>
                  <span className="hash hash-full">
                    <span>{tp}</span>
                  </span>
                </li>
              ))}
            </ol>,
          ],
          log.data !== '0x' && [t('tx.data'), <pre className="raw mono">{log.data}</pre>],
        ]}
      />
    </div>
  );
}

/** The one-line summary, written by the API in the page's language. */
function SummaryLine({ hash }: { hash: string }) {
  const { t, i18n } = useTranslation('trace');
  const q = useResource('txSummaryLine', { hash, lang: i18n.language === 'zh-CN' ? 'ZH_CN' : 'EN' }, { placeholderData: undefined });
  const line = q.data?.transaction?.summary;
  if (q.isPending) return <p className="tx-summary"><Skeleton width="60%" /></p>;
  return (
    <p className={`tx-summary${line ? '' : ' muted'}`} data-testid="tx-summary" aria-label={t('summary.label')}>
      {/* The API quotes method names in backticks: shown as code. */}
      {line ? line.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part)) : t('summary.unavailable')}
    </p>
  );
}

const TABS = ['overview', 'trace', 'state'] as const;

export default function TransactionPage() {
  const { hash = '' } = useParams();
  const { t } = useTranslation('explorer');
  const valid = isHash(hash);
  const q = useResource('transaction', { hash: hash.toLowerCase() }, { enabled: valid, placeholderData: undefined });
  const { t: tt } = useTranslation('trace');
  const [tab, select] = useTab(TABS);

  if (!valid || (q.data && !q.data.transaction)) {
    return (
      <EmptyState title={t('tx.notFound')}>
        <p className="error-detail">{t('tx.notFoundText', { hash })}</p>
        <Link to="/txs">{t('txs.title')}</Link>
      </EmptyState>
    );
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const tx = q.data?.transaction;
  if (!tx) return <SkeletonRows rows={12} />;

  return (
    <>
      <div className="page-head">
        <h1>{t('tx.title')}</h1>
        <StatusBadge status={tx.status} />
        <MethodBadge tx={tx} />
      </div>
      <SummaryLine hash={tx.hash} />
      <Tabs tabs={TABS.map((id) => ({ id, label: tt(`tabs.${id}`) }))} selected={tab} onSelect={select} label={tt('tabs.label')} idPrefix="tx">
        {tab === 'trace' ? <TraceTab hash={tx.hash} /> : tab === 'state' ? <StateTab hash={tx.hash} /> : <Overview tx={tx} />}
      </Tabs>
    </>
  );
}

type TxData = NonNullable<TransactionQuery['transaction']>;

/** The Overview tab: the transaction's fields, its decoded call, token and internal movements, and logs. */
function Overview({ tx }: { tx: TxData }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const registryName = useRegistryName();
  const label = (addr: string, m: Parameters<typeof memberName>[0]) => memberName(m, f.lang) ?? registryName(addr);
  return (
    <>
      <Card title={t('tx.overview')}>
        <KeyValue
          rows={[
            [t('tx.hash'), <Hash value={tx.hash} full testId="tx-hash" />, 'hash'],
            [t('tx.status'), <span data-testid="tx-status" data-value={tx.status}><StatusBadge status={tx.status} /></span>, 'status'],
            [
              t('tx.block'),
              <>
                <Link to={urls.block(tx.blockNumber)} data-testid="tx-block">
                  {tx.blockNumber}
                </Link>{' '}
                <span className="muted">({t('tx.confirmations', { count: tx.block.confirmations })})</span>
              </>,
              'block',
            ],
            [
              t('tx.timestamp'),
              <span data-value={tx.timestamp}>
                {f.dateTime(tx.timestamp)} <span className="muted">({f.relative(tx.timestamp)})</span>
              </span>,
              'timestamp',
            ],
            [
              t('tx.from'),
              <span data-testid="tx-from" data-value={tx.from}>
                <AddressLabel address={tx.from} name={label(tx.from, tx.fromMember)} copy />
                {label(tx.from, tx.fromMember) && <span className="muted mono"> {tx.from}</span>}
              </span>,
              'from',
            ],
            [
              tx.to ? t('tx.to') : t('tx.created'),
              tx.to ? (
                <span data-testid="tx-to" data-value={tx.to}>
                  <AddressLabel address={tx.to} name={label(tx.to, tx.toMember)} copy />
                  {label(tx.to, tx.toMember) && <span className="muted mono"> {tx.to}</span>}
                </span>
              ) : tx.contractAddress ? (
                <Hash value={tx.contractAddress} to={urls.address(tx.contractAddress)} full testId="tx-created" />
              ) : (
                '—'
              ),
              'to',
            ],
            [
              t('tx.value'),
              <NativeAmount wei={tx.value} testId="tx-value" />,
              'value',
            ],
            [
              t('tx.fee'),
              <NativeAmount wei={tx.fee} testId="tx-fee" />,
              'fee',
            ],
          ]}
        />
      </Card>
      <Card title={t('tx.method')} testId="tx-method">
        {tx.decodedCall ? (
          <>
            <p>
              {t(SOURCE_LABEL[tx.decodedCall.source])}: <code data-testid="method-name">{tx.decodedCall.signature ?? tx.decodedCall.name}</code>
            </p>
            <Args args={tx.decodedCall.args} />
          </>
        ) : null}
        <details open={!tx.decodedCall && tx.input !== '0x'}>
          <summary>
            {t('tx.input')} <CopyButton value={tx.input} />
          </summary>
          <pre className="raw mono" data-testid="tx-input">
            {tx.input}
          </pre>
        </details>
      </Card>
      <Card title={t('tx.details')}>
        <KeyValue
          rows={[
            [t('tx.gasUsed'), `${f.number(tx.gasUsed)} / ${f.number(tx.gas)}`],
            [t('tx.gasPrice'), `${f.gwei(tx.effectiveGasPrice)} ${t('unit.gwei')}`],
            [t('tx.nonce'), f.number(tx.nonce)],
            [t('tx.position'), f.number(tx.index)],
            [t('tx.type'), String(tx.type)],
          ]}
        />
      </Card>
      <TxMovements hash={tx.hash} />
      <Card title={t('tx.logs', { count: tx.logs.length })} testId="tx-logs">
        {tx.logs.length === 0 ? <EmptyState title={t('tx.noLogs')} /> : tx.logs.map((l) => <LogView key={l.logIndex} log={l} />)}
      </Card>
    </>
  );
}
