// A member's page: the sealing nodes it registered on chain.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { Hash } from '../../components/Hash';
import { ListState } from '../../components/states';
import { useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import './resources';

export function MemberNodes({ address }: { address: string }) {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const q = useResource('memberNodes', { address });
  return (
    <Card title={t('member.nodes')} testId="member-nodes">
      <ListState query={q} items={q.data ? (q.data.member?.nodes ?? []) : undefined} empty={t('member.empty')} skeletonRows={2}>
        {(nodes) => (
          <div className="table-wrap">
            <table className="data stack">
              <thead>
                <tr>
                  <th>{t('col.node')}</th>
                  <th>{t('member.registered')}</th>
                  <th className="num">{t('member.sealed')}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((n) => (
                  <tr key={n.address} data-testid="member-node">
                    <td data-label={t('col.node')}>
                      <div>
                        {n.label ?? '—'} {n.deregisteredBlock != null && <span className="badge">{t('retired')}</span>}
                      </div>
                      <Hash value={n.address} to={`/address/${n.address}`} copy={false} />
                    </td>
                    <td data-label={t('member.registered')}>
                      <Link to={`/block/${n.registeredBlock}`}>{f.date(n.registeredAt)}</Link>
                    </td>
                    <td data-label={t('member.sealed')} className="num">
                      <Link to="/validators">{f.number(n.blocksSealed)}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
    </Card>
  );
}
