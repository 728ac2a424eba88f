// The patents table of /patents and of a member's page: application no., title (in the active
// language), filing date, [member,] transaction.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../lib/format';
import { urls } from '../../lib/urls';
import { DataTable } from '../../components/DataTable';
import { columnsCsv, type Column } from '../lib/columns';
import { bilingual, memberName } from '../lib/names';
import type { PatentRow } from '../resources';
import { TxLink } from './TxLink';

type Patent = Pick<PatentRow, 'txHash' | 'blockNumber' | 'applicationNo' | 'title' | 'filedAt' | 'date'> & Partial<Pick<PatentRow, 'member'>>;

/** On-screen rendering; without it the columns serve the CSV only. */
interface Screen {
  t: TFunction<'alliance'>;
  f: ReturnType<typeof useFormat>;
  lang: string;
}

/** The patents table's columns; `memberLang` adds the member columns (named in that language). */
function patentColumns(screen: Screen | undefined, memberLang?: string): Array<Column<Patent>> {
  const t = screen?.t;
  const lang = screen?.lang ?? memberLang ?? 'en';
  return [
    { csv: 'application_no', heading: t?.('patents.applicationNo'), value: (p) => p.applicationNo, className: 'mono' },
    { csv: 'title', heading: t?.('patents.patentTitle'), value: (p) => p.title, cell: (p) => <span title={p.title}>{bilingual(p.title, lang)}</span>, className: 'al-wrap' },
    { csv: 'filed', heading: t?.('patents.filed'), value: (p) => p.date, cell: (p) => screen?.f.date(p.filedAt) },
    ...(memberLang === undefined
      ? []
      : ([
          {
            csv: 'member', heading: t?.('patents.member'), value: (p) => memberName(p.member ?? null, memberLang),
            cell: (p) => (p.member ? <Link to={urls.member(p.member.address)}>{memberName(p.member, lang)}</Link> : '—'),
          },
          { csv: 'member_address', value: (p) => p.member?.address ?? '' },
        ] satisfies Array<Column<Patent>>)),
    { csv: 'tx_hash', heading: t?.('evidence.tx'), value: (p) => p.txHash, cell: (p) => <TxLink hash={p.txHash} /> },
    { csv: 'block', value: (p) => p.blockNumber },
  ];
}

/** The same patents as CSV; with `memberLang`, the member columns too (named in that language). */
export function patentsCsv(patents: Patent[], memberLang?: string): string {
  return columnsCsv(patentColumns(undefined, memberLang), patents);
}

/** `showMember` adds the member column (the member's own page leaves it out). */
export function PatentsTable({ patents, showMember = false }: { patents: Patent[]; showMember?: boolean }) {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  return (
    <DataTable
      columns={patentColumns({ t, f, lang }, showMember ? lang : undefined)}
      rows={patents}
      rowKey={(p) => p.txHash + p.applicationNo}
      rowProps={() => ({ 'data-testid': 'patent-row' })}
    />
  );
}
