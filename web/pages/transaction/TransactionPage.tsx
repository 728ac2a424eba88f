import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { AddressLabel, CopyButton, Hash } from '../../components/Hash';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { NativeAmount } from '../../components/NativeAmount';
import { useResource, useStatus } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import type { DecodedArg, Log } from '../../lib/resources';
import { MethodBadge, StatusBadge } from './TxTable';
import { TransfersTable } from '../tokens/TransfersTable';
import { InternalTable, InternalUnavailable } from '../tokens/InternalTable';
import '../tokens/resources';

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
import { urls } from '../../lib/urls';

const isHash = (s: string) => /^0x[0-9a-fA-F]{64}$/.test(s);
const isAddress = (s: string) => /^0x[0-9a-fA-F]{40}$/.test(s);

/** A bytes32 that is right-padded printable ASCII (KPI keys, patent numbers), as text. */
function bytes32Text(v: string): string | undefined {
  if (!/^0x[0-9a-f]{64}$/i.test(v)) return undefined;
  const hex = v.slice(2).replace(/(00)+$/, '');
  if (!hex) return undefined;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return undefined;
    out += String.fromCharCode(c);
  }
  return out;
}

const TIME_ARGS = new Set(['at', 'filedAt', 'periodStart', 'periodEnd']);

/** One decoded argument, made readable: addresses link, padded ASCII shows as text, times as dates, yuan as ¥. */
function ArgValue({ name, value }: DecodedArg) {
  const f = useFormat();
  if (isAddress(value)) return <Hash value={value.toLowerCase()} to={urls.address(value.toLowerCase())} full />;
  const text = bytes32Text(value);
  if (text) return <><strong>{text}</strong> <span className="hash hash-full muted"><span>{value}</span></span></>;
  if (/^\d+$/.test(value) && TIME_ARGS.has(name)) return <>{f.dateTime(Number(value))} <span className="muted mono">({value})</span></>;
  if (/^\d+$/.test(value) && name === 'amountCny') return <>{f.cny(value)}</>;
  if (/^0x[0-9a-f]*$/i.test(value)) return <span className="hash hash-full"><span>{value}</span></span>;
  return <>{value}</>;
}

/** Decoded arguments in ABI order. */
function Args({ args }: { args: DecodedArg[] }) {
  return (
    <dl className="kv args" data-testid="decoded-args">
      {args.map((a) => (
        <div className="kv-row" key={a.name}>
          <dt className="mono">{a.name}</dt>
          <dd data-arg={a.name} data-value={a.value}>
            <ArgValue {...a} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function LogView({ log }: { log: Log }) {
  const { t } = useTranslation('explorer');
  return (
    <div className="log" data-testid="log">
      <p>
        <strong>{t('tx.log', { index: log.logIndex })}</strong>{' '}
        {log.decoded ? <span className="badge badge-brand">{log.decoded.name}</span> : <span className="badge">{t('tx.unknownEvent')}</span>}
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

export default function TransactionPage() {
  const { hash = '' } = useParams();
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const valid = isHash(hash);
  const registry = useStatus().data?.status.registry ?? undefined;
  const label = (addr: string, m: Parameters<typeof memberName>[0]) => memberName(m, f.lang) ?? (addr === registry ? t('tx.registry') : undefined);
  const q = useResource('transaction', { hash: hash.toLowerCase() }, { enabled: valid, placeholderData: undefined });

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
              {t('tx.registryCall')}: <code data-testid="method-name">{tx.decodedCall.name}</code>
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
