// /patents: patent applications, filterable by member and filing date (kept in the URL).
import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../lib/graphql';
import { useFormat } from '../../lib/format';
import { fetchAllPages } from '../data';
import { objectsToCsv } from '../lib/csv';
import { MEMBER_OPTIONS_QUERY, PATENTS_QUERY, bilingual, memberName, type MemberOptionsData, type MemberRef, type PatentRow, type PatentsData } from '../queries';
import { CsvButton } from '../components/Export';
import { SkeletonRows } from '../../components/states';
import '../alliance.css';

const toUnix = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) / 1000 : null);

export default function PatentsPage() {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const member = params.get('member') || null;
  const from = params.get('from');
  const to = params.get('to');
  const vars = { member, from: toUnix(from), to: toUnix(to) };
  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v) n.set(k, v);
        else n.delete(k);
        return n;
      },
      { replace: true },
    );
  const members = useQuery({
    queryKey: ['alliance', 'member-options'],
    queryFn: () => fetchAllPages<MemberRef, MemberOptionsData>(MEMBER_OPTIONS_QUERY, {}, (d) => d.members),
    staleTime: 60_000,
  });
  const q = useInfiniteQuery({
    queryKey: ['alliance', 'patents', vars],
    queryFn: ({ pageParam, signal }) => request<PatentsData, Record<string, unknown>>(PATENTS_QUERY, { ...vars, first: 50, after: pageParam }, signal),
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
          build={async () =>
            objectsToCsv(
              [
                { key: 'applicationNo', label: 'application_no' },
                { key: 'title', label: 'title' },
                { key: 'date', label: 'filed' },
                { key: 'memberName', label: 'member' },
                { key: 'memberAddress', label: 'member_address' },
                { key: 'txHash', label: 'tx_hash' },
                { key: 'blockNumber', label: 'block' },
              ],
              (await fetchAllPages<PatentRow, PatentsData>(PATENTS_QUERY, vars, (d) => d.patents)).map((p) => ({
                ...p,
                memberName: memberName(p.member, lang),
                memberAddress: p.member?.address ?? '',
              })),
            )
          }
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
      {q.isPending && <SkeletonRows rows={8} />}
      {q.isError && <p role="alert">{t('common.error', { message: q.error.message })}</p>}
      {total !== undefined && (
        <p className="muted" data-testid="patents-count" data-value={total}>
          {t('patents.count', { count: f.number(total) })}
        </p>
      )}
      <div className="table-wrap">
        <table className="data stack">
          <thead>
            <tr>
              <th>{t('patents.applicationNo')}</th>
              <th>{t('patents.patentTitle')}</th>
              <th>{t('patents.filed')}</th>
              <th>{t('patents.member')}</th>
              <th>{t('evidence.tx')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.txHash + p.applicationNo} data-testid="patent-row">
                <td className="mono" data-label={t('patents.applicationNo')}>{p.applicationNo}</td>
                <td className="al-wrap" data-label={t('patents.patentTitle')} title={p.title}>{bilingual(p.title, lang)}</td>
                <td data-label={t('patents.filed')}>{f.date(p.filedAt)}</td>
                <td data-label={t('patents.member')}>{p.member ? <Link to={`/member/${p.member.address}`}>{memberName(p.member, lang)}</Link> : '—'}</td>
                <td data-label={t('evidence.tx')}>
                  <Link className="mono" to={`/tx/${p.txHash}`} title={p.txHash}>
                    {p.txHash.slice(0, 10)}…{p.txHash.slice(-6)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.hasNextPage && (
        <button type="button" className="btn" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
