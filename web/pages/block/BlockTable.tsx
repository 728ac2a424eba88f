import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AddressLabel, Hash } from '../../components/Hash';
import { memberName } from '../../lib/members';
import { useFormat } from '../../lib/format';
import type { BlockSummary } from '../../lib/resources';
import { urls } from '../../lib/urls';

export function BlockTable({ blocks }: { blocks: BlockSummary[] }) {
  const { t } = useTranslation(['explorer', 'validators']);
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="block-table">
        <thead>
          <tr>
            <th>{t('table.block')}</th>
            <th>{t('table.hash')}</th>
            <th>{t('table.age')}</th>
            <th className="num">{t('table.txs')}</th>
            <th className="num">{t('table.gasUsed')}</th>
            <th>{t('validators:block.sealer')}</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => (
            <tr key={b.hash} data-testid="block-row" data-number={b.number}>
              <td data-label={t('table.block')}>
                <Link to={urls.block(b.number)}>{f.number(b.number)}</Link>
              </td>
              <td data-label={t('table.hash')}>
                <Hash value={b.hash} to={urls.block(b.hash)} copy={false} />
              </td>
              <td data-label={t('table.age')} title={f.dateTime(b.timestamp)}>
                {f.relative(b.timestamp)}
              </td>
              <td data-label={t('table.txs')} className="num">
                {f.number(b.txCount)}
              </td>
              <td data-label={t('table.gasUsed')} className="num">
                {f.number(b.gasUsed)}
              </td>
              <td data-label={t('validators:block.sealer')} data-testid="block-sealer">
                {b.sealerMember ? <Link to={urls.member(b.sealerMember.address)}>{memberName(b.sealerMember, f.lang)}</Link> : null}
                <AddressLabel address={b.sealer} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
