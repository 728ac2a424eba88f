// Token transfers as a table (stacked on narrow screens): amounts scaled by the token's
// decimals, ids for NFTs, mints and burns named.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddressLabel, Hash } from '../../components/Hash';
import { useFormat } from '../../lib/format';
import { formatTokenAmount, tokenLabel } from '../../lib/tokens';
import { TokenName } from './TokenName';
import type { TokenRef, TokenTransfer } from './resources';
import { urls } from '../../lib/urls';

const ZERO = '0x0000000000000000000000000000000000000000';

/** A token amount in its unit: scaled by decimals (raw when unknown), with the symbol. */
export function TokenAmount({ value, token }: { value: string; token: TokenRef }) {
  const f = useFormat();
  const decimals = token.type === 'ERC20' ? token.decimals : 0;
  const symbol = tokenLabel(token).symbol;
  return (
    <span className="wrap-any" data-testid="token-amount" data-value={value}>
      {formatTokenAmount(f.lang, value, decimals)}
      {symbol && token.type === 'ERC20' && <span className="unit"> {symbol}</span>}
    </span>
  );
}

function Party({ address }: { address: string }) {
  const { t } = useTranslation('tokens');
  if (address === ZERO) return <span className="badge">{t('transfers.mint')}</span>;
  return <AddressLabel address={address} />;
}

export function TransfersTable({ transfers, showToken = true, showTx = true }: { transfers: TokenTransfer[]; showToken?: boolean; showTx?: boolean }) {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="transfers-table">
        <thead>
          <tr>
            {showTx && <th>{t('col.tx')}</th>}
            <th>{t('col.age')}</th>
            <th>{t('col.from')}</th>
            <th>{t('col.to')}</th>
            {showToken && <th>{t('col.token')}</th>}
            <th>{t('col.tokenId')}</th>
            <th className="num">{t('col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((x) => (
            <tr
              key={`${x.transactionHash}-${x.logIndex}-${x.batchIndex}`}
              data-testid="transfer-row"
              data-tx={x.transactionHash}
              data-token={x.token.address}
              data-from={x.from}
              data-to={x.to}
              data-value={x.value}
              data-token-id={x.tokenId ?? ''}
            >
              {showTx && (
                <td data-label={t('col.tx')}>
                  <Hash value={x.transactionHash} to={urls.tx(x.transactionHash)} copy={false} />
                </td>
              )}
              <td data-label={t('col.age')} title={f.dateTime(x.timestamp)}>
                <Link to={urls.block(x.blockNumber)}>{f.relative(x.timestamp)}</Link>
              </td>
              <td data-label={t('col.from')}>
                <Party address={x.from} />
              </td>
              <td data-label={t('col.to')}>
                {x.to === ZERO ? <span className="badge">{t('transfers.burn')}</span> : <Party address={x.to} />}
              </td>
              {showToken && (
                <td data-label={t('col.token')}>
                  <TokenName token={x.token} /> <span className="badge">{t(`type.${x.type}`)}</span>
                </td>
              )}
              <td data-label={t('col.tokenId')}>
                {x.tokenId == null ? '—' : <Link to={urls.tokenInstance(x.token.address, x.tokenId)} className="mono wrap-any">{x.tokenId}</Link>}
              </td>
              <td data-label={t('col.amount')} className="num">
                <TokenAmount value={x.value} token={x.token} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
