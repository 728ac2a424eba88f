// The patents table of /patents and of a member's page: application no., title (in the active
// language), filing date, [member,] transaction.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { objectsToCsv } from '../lib/csv';
import { bilingual, memberName } from '../lib/names';
import type { PatentRow } from '../resources';
import { TxLink } from './TxLink';
import { urls } from '../../lib/urls';

type Patent = Pick<PatentRow, 'txHash' | 'applicationNo' | 'title' | 'filedAt'> & Partial<Pick<PatentRow, 'member'>>;
type PatentRecord = Pick<PatentRow, 'txHash' | 'blockNumber' | 'applicationNo' | 'title' | 'date'> & Partial<Pick<PatentRow, 'member'>>;

/** The same patents as CSV; with `memberLang`, the member columns too (named in that language). */
export function patentsCsv(patents: PatentRecord[], memberLang?: string): string {
  const rows = patents.map((p) => ({ ...p, memberName: memberName(p.member ?? null, memberLang ?? 'en'), memberAddress: p.member?.address ?? '' }));
  return objectsToCsv(
    [
      { key: 'applicationNo', label: 'application_no' },
      { key: 'title', label: 'title' },
      { key: 'date', label: 'filed' },
      ...(memberLang === undefined
        ? []
        : ([
            { key: 'memberName', label: 'member' },
            { key: 'memberAddress', label: 'member_address' },
          ] as const)),
      { key: 'txHash', label: 'tx_hash' },
      { key: 'blockNumber', label: 'block' },
    ],
    rows,
  );
}

/** `showMember` adds the member column (the member's own page leaves it out). */
export function PatentsTable({ patents, showMember = false }: { patents: Patent[]; showMember?: boolean }) {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data stack">
        <thead>
          <tr>
            <th>{t('patents.applicationNo')}</th>
            <th>{t('patents.patentTitle')}</th>
            <th>{t('patents.filed')}</th>
            {showMember && <th>{t('patents.member')}</th>}
            <th>{t('evidence.tx')}</th>
          </tr>
        </thead>
        <tbody>
          {patents.map((p) => (
            <tr key={p.txHash + p.applicationNo} data-testid="patent-row">
              <td className="mono" data-label={t('patents.applicationNo')}>{p.applicationNo}</td>
              <td className="al-wrap" data-label={t('patents.patentTitle')} title={p.title}>{bilingual(p.title, lang)}</td>
              <td data-label={t('patents.filed')}>{f.date(p.filedAt)}</td>
              {showMember && (
                <td data-label={t('patents.member')}>{p.member ? <Link to={urls.member(p.member.address)}>{memberName(p.member, lang)}</Link> : '—'}</td>
              )}
              <td data-label={t('evidence.tx')}>
                <TxLink hash={p.txHash} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
