// Internal transactions (calls made by contracts) as a table. A null list means the node
// could not trace: that is said, never shown as an empty list.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddressLabel, Hash } from '../../components/Hash';
import { NativeAmount } from '../../components/NativeAmount';
import { useFormat } from '../../lib/format';
import type { InternalTx } from './resources';
import { urls } from '../../lib/urls';

export function InternalUnavailable() {
  const { t } = useTranslation('tokens');
  return (
    <div className="empty-state" role="note" data-testid="internal-unavailable">
      <p className="empty-title">{t('internal.unavailable')}</p>
    </div>
  );
}

export function InternalTable({ calls, showTx = true }: { calls: InternalTx[]; showTx?: boolean }) {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="internal-table">
        <thead>
          <tr>
            {showTx && <th>{t('col.tx')}</th>}
            {showTx && <th>{t('col.age')}</th>}
            <th>{t('col.callType')}</th>
            <th>{t('col.from')}</th>
            <th>{t('col.to')}</th>
            <th className="num">{t('col.value')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr
              key={`${c.transactionHash}-${c.index}`}
              data-testid="internal-row"
              data-tx={c.transactionHash}
              data-from={c.from}
              data-to={c.to ?? ''}
              data-value={c.value}
              data-call-type={c.callType}
            >
              {showTx && (
                <td data-label={t('col.tx')}>
                  <Hash value={c.transactionHash} to={urls.tx(c.transactionHash)} copy={false} />
                </td>
              )}
              {showTx && (
                <td data-label={t('col.age')} title={f.dateTime(c.timestamp)}>
                  <Link to={urls.block(c.blockNumber)}>{f.relative(c.timestamp)}</Link>
                </td>
              )}
              <td data-label={t('col.callType')}>
                <span className="badge mono" style={{ marginInlineStart: `${Math.min(c.depth - 1, 4) * 0.5}rem` }}>
                  {c.callType.toLowerCase()}
                </span>
                {c.error && (
                  <>
                    {' '}
                    <span className="badge badge-bad" title={c.error}>
                      {t('internal.failed')}
                    </span>
                  </>
                )}
              </td>
              <td data-label={t('col.from')}>
                <AddressLabel address={c.from} />
              </td>
              <td data-label={t('col.to')}>{c.to ? <AddressLabel address={c.to} /> : '—'}</td>
              <td data-label={t('col.value')} className="num">
                <NativeAmount wei={c.value} maxDecimals={6} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
