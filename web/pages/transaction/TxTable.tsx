import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddressLabel, Hash } from '../../components/Hash';
import { NativeAmount } from '../../components/NativeAmount';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import type { TxSummary } from '../../lib/resources';
import { urls } from '../../lib/urls';

export function MethodBadge({ tx }: { tx: Pick<TxSummary, 'decodedCall' | 'methodId' | 'to' | 'contractAddress'> }) {
  const { t } = useTranslation('explorer');
  if (tx.decodedCall?.source === 'GUESS') {
    return <span className="badge" title={t('tx.guessedCall')} data-testid="method-guess">{tx.decodedCall.name}?</span>;
  }
  if (tx.decodedCall) return <span className="badge badge-brand">{tx.decodedCall.name}</span>;
  if (!tx.to) return <span className="badge">{t('tx.contractCreation')}</span>;
  if (tx.methodId) return <span className="badge mono">{tx.methodId}</span>;
  return <span className="badge">{t('tx.transfer')}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('explorer');
  return <span className={`badge ${status === 'SUCCESS' ? 'badge-ok' : 'badge-bad'}`}>{t(`tx.${status}`, status)}</span>;
}

/** Transactions as a table (stacked on narrow screens). `hideBlock` on a block's own page. */
export function TxTable({ txs, hideBlock }: { txs: TxSummary[]; hideBlock?: boolean }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="tx-table">
        <thead>
          <tr>
            <th>{t('table.hash')}</th>
            <th>{t('table.method')}</th>
            {!hideBlock && <th>{t('table.block')}</th>}
            <th>{t('table.age')}</th>
            <th>{t('table.from')}</th>
            <th>{t('table.to')}</th>
            <th className="num">{t('table.value')}</th>
          </tr>
        </thead>
        <tbody>
          {txs.map((tx) => (
            <tr key={tx.hash} data-testid="tx-row" data-hash={tx.hash}>
              <td data-label={t('table.hash')}>
                <Hash value={tx.hash} to={urls.tx(tx.hash)} copy={false} />
                {tx.status === 'FAILED' && <> <StatusBadge status={tx.status} /></>}
              </td>
              <td data-label={t('table.method')}>
                <MethodBadge tx={tx} />
              </td>
              {!hideBlock && (
                <td data-label={t('table.block')}>
                  <Link to={urls.block(tx.blockNumber)}>{tx.blockNumber}</Link>
                </td>
              )}
              <td data-label={t('table.age')} title={f.dateTime(tx.timestamp)}>
                {f.relative(tx.timestamp)}
              </td>
              <td data-label={t('table.from')}>
                <AddressLabel address={tx.from} name={memberName(tx.fromMember, f.lang)} />
              </td>
              <td data-label={t('table.to')}>
                {tx.to ? (
                  <AddressLabel address={tx.to} name={memberName(tx.toMember, f.lang)} />
                ) : tx.contractAddress ? (
                  <AddressLabel address={tx.contractAddress} />
                ) : (
                  '—'
                )}
              </td>
              <td data-label={t('table.value')} className="num">
                <NativeAmount wei={tx.value} maxDecimals={6} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
