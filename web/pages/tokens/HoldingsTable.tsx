// Token balances as a table: an address's holdings (one row per token, per id for ERC-1155)
// or a token's holders ranked, each with its share of the supply.
import { useTranslation } from 'react-i18next';
import { AddressLabel } from '../../components/Hash';
import { useFormat } from '../../lib/format';
import { TokenName } from './TokenName';
import { TokenAmount } from './TransfersTable';
import type { Holding } from './resources';

/** `by: 'token'` lists what one address holds; `by: 'holder'` lists one token's holders, largest first. */
export function HoldingsTable({ rows, by }: { rows: Holding[]; by: 'token' | 'holder' }) {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid={by === 'token' ? 'holdings-table' : 'holders-table'}>
        <thead>
          <tr>
            <th>{by === 'token' ? t('col.token') : t('col.holder')}</th>
            {by === 'token' && <th>{t('col.type')}</th>}
            <th>{t('col.tokenId')}</th>
            <th className="num">{t('col.balance')}</th>
            <th className="num">{t('col.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr
              key={`${h.address}-${h.token.address}-${h.tokenId ?? ''}`}
              data-testid={by === 'token' ? 'holding-row' : 'holder-row'}
              data-holder={h.address}
              data-token={h.token.address}
              data-token-id={h.tokenId ?? ''}
              data-balance={h.balance}
            >
              <td data-label={by === 'token' ? t('col.token') : t('col.holder')}>
                {by === 'token' ? <TokenName token={h.token} /> : <AddressLabel address={h.address} copy />}
              </td>
              {by === 'token' && <td data-label={t('col.type')}>{t(`type.${h.token.type}`)}</td>}
              <td data-label={t('col.tokenId')}>
                <span className="mono wrap-any">{h.tokenId ?? '—'}</span>
              </td>
              <td data-label={t('col.balance')} className="num">
                <TokenAmount value={h.balance} token={h.token} />
              </td>
              <td data-label={t('col.share')} className="num" data-testid="holding-share" data-value={h.share ?? ''}>
                {h.share == null ? '—' : f.percent(h.share, h.share > 0 && h.share < 0.001 ? 4 : 2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
