// /members: every member, sortable and filterable on the client (the alliance has ~100).
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useAllPages } from '../../lib/pages';
import { useUrlState } from '../../lib/urlState';
import { objectsToCsv } from '../lib/csv';
import { memberName } from '../lib/names';
import type { MemberRow } from '../resources';
import { CsvButton } from '../components/Export';
import { SkeletonRows } from '../../components/states';
import '../alliance.css';
import { urls } from '../../lib/urls';

type SortKey = 'name' | 'country' | 'sector' | 'patentCount' | 'outputValue' | 'admittedAt';
const SORTS: SortKey[] = ['name', 'country', 'sector', 'patentCount', 'outputValue', 'admittedAt'];

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

  const header = (key: SortKey, label: string, num = false) => (
    <th className={num ? 'num' : undefined} aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="al-sort"
        title={t('members.sortBy', { column: label })}
        onClick={() => {
          if (sort === key) set('dir', desc ? null : 'desc');
          else set({ sort: key === 'name' ? null : key, dir: num ? 'desc' : null });
        }}
      >
        {label} {sort === key ? (desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  const csv = () =>
    objectsToCsv(
      [
        { key: 'address', label: 'address' },
        { key: 'name', label: 'name' },
        { key: 'country', label: 'country' },
        { key: 'sector', label: 'sector' },
        { key: 'region', label: 'region' },
        { key: 'patentCount', label: 'patents' },
        { key: 'outputValue', label: 'output_value_cny' },
        { key: 'admittedDate', label: 'admitted' },
        { key: 'active', label: 'active' },
      ],
      rows.map((m) => ({ ...m, admittedDate: new Date(m.admittedAt * 1000).toISOString().slice(0, 10) })),
    );

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
      {q.isPending && <SkeletonRows rows={8} />}
      {q.isError && <p role="alert">{t('common.error', { message: q.error.message })}</p>}
      {q.data && (
        <>
          <p className="muted" data-testid="members-count">
            {t('members.count', { count: f.number(rows.length) })}
          </p>
          <div className="table-wrap">
            <table className="data stack">
              <thead>
                <tr>
                  {header('name', t('members.name'))}
                  {header('country', t('members.country'))}
                  {header('sector', t('members.sector'))}
                  {header('patentCount', t('members.patents'), true)}
                  {header('outputValue', t('members.output'), true)}
                  {header('admittedAt', t('members.admitted'))}
                  <th>{t('members.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.address} data-testid="member-row">
                    <td data-label={t('members.name')}>
                      <Link to={urls.member(m.address)}>{memberName(m, lang)}</Link>
                    </td>
                    <td data-label={t('members.country')}>{m.country}</td>
                    <td data-label={t('members.sector')}>{t(`sector.${m.sector}`, { defaultValue: m.sector })}</td>
                    <td className="num" data-label={t('members.patents')}>
                      {f.number(m.patentCount)}
                    </td>
                    <td className="num" data-label={t('members.output')}>
                      {f.cny(m.outputValue, true)}
                    </td>
                    <td data-label={t('members.admitted')}>{f.date(m.admittedAt)}</td>
                    <td data-label={t('members.status')}>
                      <span className={`badge ${m.active ? 'badge-ok' : 'badge-bad'}`}>{m.active ? t('members.active') : t('members.removed')}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
