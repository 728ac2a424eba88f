// /members: every member, sortable and filterable on the client (the alliance has ~100).
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useAllPages } from '../../lib/pages';
import { useUrlState } from '../../lib/urlState';
import { columnsCsv, type Column } from '../lib/columns';
import { DataTable } from '../../components/DataTable';
import { memberName } from '../lib/names';
import type { MemberRow } from '../resources';
import { CsvButton } from '../components/Export';
import { ListState } from '../../components/states';
import '../alliance.css';
import { urls } from '../../lib/urls';

type SortKey = 'name' | 'country' | 'sector' | 'patentCount' | 'outputValue' | 'admittedAt';
const SORTS: SortKey[] = ['name', 'country', 'sector', 'patentCount', 'outputValue', 'admittedAt'];
/** The sortable columns (by CSV name) and the key each sorts by. */
const SORT_OF: Partial<Record<string, SortKey>> = {
  name: 'name', country: 'country', sector: 'sector', patents: 'patentCount', output_value_cny: 'outputValue', admitted: 'admittedAt',
};

export default function MembersPage() {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const [params, set] = useUrlState();
  const text = params.get('q') ?? '';
  const sector = params.get('sector') ?? '';
  const region = params.get('region') ?? '';
  const removed = params.get('removed') === '1';
  const sortRaw = params.get('sort') as SortKey | null;
  const sort: SortKey = sortRaw && SORTS.includes(sortRaw) ? sortRaw : 'name';
  const desc = params.get('dir') === 'desc';
  const q = useAllPages('members', { includeRemoved: true, orderBy: 'NAME' }, (d) => d.members, { staleTime: 30_000 });
  const all = q.data ?? [];
  const sectors = useMemo(() => [...new Set(all.map((m) => m.sector))].sort(), [all]);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const filtered = all.filter(
      (m) =>
        (removed || m.active) &&
        (!sector || m.sector === sector) &&
        (!region || m.region === region) &&
        (!needle || [m.name, m.country, m.sector, m.address].some((s) => s.toLowerCase().includes(needle))),
    );
    const val = (m: MemberRow): string | number => {
      switch (sort) {
        case 'name':
          return memberName(m, lang);
        case 'patentCount':
          return m.patentCount;
        case 'outputValue':
          return Number(m.outputValue);
        case 'admittedAt':
          return m.admittedAt;
        default:
          return m[sort];
      }
    };
    const coll = new Intl.Collator(lang);
    filtered.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : coll.compare(String(x), String(y));
      return desc ? -c : c;
    });
    return filtered;
  }, [all, text, sector, region, removed, sort, desc, lang]);

  const columns: Array<Column<MemberRow>> = [
    { csv: 'address', value: (m) => m.address },
    { csv: 'name', heading: t('members.name'), value: (m) => m.name, cell: (m) => <Link to={urls.member(m.address)}>{memberName(m, lang)}</Link> },
    { csv: 'country', heading: t('members.country'), value: (m) => m.country },
    { csv: 'sector', heading: t('members.sector'), value: (m) => m.sector, cell: (m) => t(`sector.${m.sector}`, { defaultValue: m.sector }) },
    { csv: 'region', value: (m) => m.region },
    { csv: 'patents', heading: t('members.patents'), value: (m) => m.patentCount, cell: (m) => f.number(m.patentCount), numeric: true },
    { csv: 'output_value_cny', heading: t('members.output'), value: (m) => m.outputValue, cell: (m) => f.cny(m.outputValue, true), numeric: true },
    { csv: 'admitted', heading: t('members.admitted'), value: (m) => new Date(m.admittedAt * 1000).toISOString().slice(0, 10), cell: (m) => f.date(m.admittedAt) },
    {
      csv: 'active', heading: t('members.status'), value: (m) => m.active,
      cell: (m) => <span className={`badge ${m.active ? 'badge-ok' : 'badge-bad'}`}>{m.active ? t('members.active') : t('members.removed')}</span>,
    },
  ];
  const csv = () => columnsCsv(columns, rows);

  return (
    <div className="al-page" data-testid="members-page">
      <div className="al-section-head">
        <h1>{t('members.title')}</h1>
        <CsvButton filename="members.csv" build={csv} testId="members-csv" />
      </div>
      <div className="al-filters">
        <label>
          {t('members.filter')}
          <input type="search" value={text} onChange={(e) => set('q', e.target.value || null)} data-testid="members-filter" />
        </label>
        <label>
          {t('members.sector')}
          <select value={sector} onChange={(e) => set('sector', e.target.value || null)}>
            <option value="">{t('members.all')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {t(`sector.${s}`, { defaultValue: s })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('members.region')}
          <select value={region} onChange={(e) => set('region', e.target.value || null)}>
            <option value="">{t('members.all')}</option>
            <option value="DOMESTIC">{t('chart.domestic')}</option>
            <option value="OVERSEAS">{t('chart.overseas')}</option>
          </select>
        </label>
        <label className="al-check">
          <input type="checkbox" checked={removed} onChange={(e) => set('removed', e.target.checked ? '1' : null)} /> {t('members.showRemoved')}
        </label>
      </div>
      <ListState query={q} items={q.data ? rows : undefined} empty={t('evidence.none')} skeletonRows={8}>
        {(items) => (
          <>
            <p className="muted" data-testid="members-count">
              {t('members.count', { count: f.number(items.length) })}
            </p>
            <DataTable
              columns={columns}
              rows={items}
              rowKey={(m) => m.address}
              rowProps={() => ({ 'data-testid': 'member-row' })}
              headingProps={(c) => {
                const key = SORT_OF[c.csv];
                return key ? { 'aria-sort': sort === key ? (desc ? 'descending' : 'ascending') : 'none' } : {};
              }}
              heading={(c) => {
                const key = SORT_OF[c.csv];
                if (!key) return c.heading;
                return (
                  <button
                    type="button"
                    className="al-sort"
                    title={t('members.sortBy', { column: c.heading })}
                    onClick={() => {
                      if (sort === key) set('dir', desc ? null : 'desc');
                      else set({ sort: key === 'name' ? null : key, dir: c.numeric ? 'desc' : null });
                    }}
                  >
                    {c.heading} {sort === key ? (desc ? '▼' : '▲') : ''}
                  </button>
                );
              }}
            />
          </>
        )}
      </ListState>
    </div>
  );
}
