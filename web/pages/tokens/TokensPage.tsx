// /tokens — every token seen on the chain, most holders first, filterable by standard (?type=).
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Hash } from '../../components/Hash';
import { useUrlState } from '../../lib/urlState';
import { useFormat } from '../../lib/format';
import { PagedList } from './PagedList';
import { TokenName } from './TokenName';
import { TokenAmount } from './TransfersTable';
import type { TokenType } from './resources';
import './resources';
import { urls } from '../../lib/urls';

const TYPES: TokenType[] = ['ERC20', 'ERC721', 'ERC1155'];

export default function TokensPage() {
  const { t } = useTranslation('tokens');
  const f = useFormat();
  const [params, setParam] = useUrlState();
  const type = TYPES.find((x) => x === params.get('type')) ?? null;
  return (
    <>
      <div className="page-head">
        <h1>{t('tokens.title')}</h1>
        <span className="muted">{t('tokens.subtitle')}</span>
      </div>
      <Card
        testId="tokens"
        actions={
          <label className="theme-select">
            <span className="visually-hidden">{t('tokens.filter')}</span>
            <select value={type ?? ''} onChange={(e) => setParam({ type: e.target.value || null, after: null })} data-testid="tokens-type">
              <option value="">{t('type.all')}</option>
              {TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`type.${x}`)}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <PagedList name="tokens" vars={{ type }} pick={(d) => d.tokens} empty={t('tokens.empty')}>
          {(rows) => (
            <div className="table-wrap">
              <table className="data stack" data-testid="tokens-table">
                <thead>
                  <tr>
                    <th>{t('col.token')}</th>
                    <th>{t('col.type')}</th>
                    <th>{t('col.address')}</th>
                    <th className="num">{t('col.holders')}</th>
                    <th className="num">{t('col.transfers')}</th>
                    <th className="num">{t('col.supply')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((tok) => (
                    <tr key={tok.address} data-testid="token-row" data-address={tok.address} data-holders={tok.holderCount}>
                      <td data-label={t('col.token')}>
                        <TokenName token={tok} />
                      </td>
                      <td data-label={t('col.type')}>{t(`type.${tok.type}`)}</td>
                      <td data-label={t('col.address')}>
                        <Hash value={tok.address} to={urls.address(tok.address)} copy={false} />
                      </td>
                      <td data-label={t('col.holders')} className="num">
                        {f.number(tok.holderCount)}
                      </td>
                      <td data-label={t('col.transfers')} className="num">
                        {f.number(tok.transferCount)}
                      </td>
                      <td data-label={t('col.supply')} className="num">
                        {tok.totalSupply == null ? <span className="muted">{t('token.supplyUnknown')}</span> : <TokenAmount value={tok.totalSupply} token={tok} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
      </Card>
    </>
  );
}
