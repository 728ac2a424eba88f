// /accounts — addresses ranked by native balance at the indexed head.
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { AddressLabel } from '../../components/Hash';
import { NativeAmount } from '../../components/NativeAmount';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import { PagedList } from '../tokens/PagedList';
import '../tokens/resources';

export default function AccountsPage() {
  const { t } = useTranslation(['tokens', 'explorer']);
  const f = useFormat();
  return (
    <>
      <div className="page-head">
        <h1>{t('accounts.title')}</h1>
        <span className="muted">{t('accounts.subtitle')}</span>
      </div>
      <Card testId="accounts">
        <PagedList name="topAccounts" vars={{}} pick={(d) => d.topAccounts} empty={t('accounts.empty')}>
          {(rows) => (
            <div className="table-wrap">
              <table className="data stack" data-testid="accounts-table">
                <thead>
                  <tr>
                    <th>{t('col.address')}</th>
                    <th>{t('col.type')}</th>
                    <th className="num">{t('col.txCount')}</th>
                    <th className="num">{t('col.balance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.address} data-testid="account-row" data-address={a.address} data-balance={a.balance}>
                      <td data-label={t('col.address')}>
                        <AddressLabel address={a.address} name={memberName(a.member, f.lang)} copy />
                      </td>
                      <td data-label={t('col.type')}>{a.isContract ? t('explorer:address.contract') : t('explorer:address.eoa')}</td>
                      <td data-label={t('col.txCount')} className="num">
                        {f.number(a.txCount)}
                      </td>
                      <td data-label={t('col.balance')} className="num">
                        {a.balance !== null && <NativeAmount wei={a.balance} maxDecimals={4} />}
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
