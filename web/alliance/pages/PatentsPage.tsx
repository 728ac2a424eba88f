// /patents: patent applications, filterable by member and filing date (kept in the URL).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { fetchResource, resourceKey } from '../../lib/hooks';
import { fetchAllPages, useAllPages } from '../../lib/pages';
import { useUrlState } from '../../lib/urlState';
import { memberName } from '../lib/names';
import { CsvButton } from '../components/Export';
import { PatentsTable, patentsCsv } from '../components/PatentsTable';
import { ListState } from '../../components/states';
import '../alliance.css';

const toUnix = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) / 1000 : null);

export default function PatentsPage() {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const [params, set] = useUrlState();
  const member = params.get('member') || null;
  const from = params.get('from');
  const to = params.get('to');
  const vars = { member, from: toUnix(from), to: toUnix(to) };
  const members = useAllPages('memberOptions', {}, (d) => d.members, { staleTime: 60_000 });
  const q = useInfiniteQuery({
    queryKey: [...resourceKey('patents', vars), 'pages'],
    queryFn: ({ pageParam, signal }) => fetchResource('patents', { ...vars, first: 50, after: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.patents.pageInfo.hasNextPage ? last.patents.pageInfo.endCursor : null),
  });
  const rows = q.data?.pages.flatMap((p) => p.patents.edges.map((e) => e.node)) ?? [];
  const total = q.data?.pages[0]?.patents.totalCount;
  const sortedMembers = [...(members.data ?? [])].sort((a, b) => new Intl.Collator(lang).compare(memberName(a, lang), memberName(b, lang)));
  return (
    <div className="al-page" data-testid="patents-page">
      <div className="al-section-head">
        <h1>{t('patents.title')}</h1>
        <CsvButton
          filename="patents.csv"
          build={async () => patentsCsv(await fetchAllPages('patents', vars, (d) => d.patents), lang)}
        />
      </div>
      <div className="al-filters">
        <label>
          {t('patents.member')}
          <select value={member ?? ''} onChange={(e) => set('member', e.target.value || null)} data-testid="patents-member">
            <option value="">{t('patents.anyMember')}</option>
            {sortedMembers.map((m) => (
              <option key={m.address} value={m.address}>
                {memberName(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('patents.from')}
          <input type="date" value={from ?? ''} onChange={(e) => set('from', e.target.value || null)} data-testid="patents-from" />
        </label>
        <label>
          {t('patents.to')}
          <input type="date" value={to ?? ''} onChange={(e) => set('to', e.target.value || null)} data-testid="patents-to" />
        </label>
      </div>
      {total !== undefined && (
        <p className="muted" data-testid="patents-count" data-value={total}>
          {t('patents.count', { count: f.number(total) })}
        </p>
      )}
      <ListState query={q} items={q.data ? rows : undefined} empty={t('evidence.none')} skeletonRows={8}>
        {(patents) => <PatentsTable patents={patents} showMember />}
      </ListState>
      {q.hasNextPage && (
        <button type="button" className="btn" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
