// /member/:address: a member's profile, its patents, its output reports (corrections
// marked) and the scenarios it leads.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { columnsCsv, type Column } from '../lib/columns';
import { DataTable } from '../../components/DataTable';
import { memberName } from '../lib/names';
import { CsvButton } from '../components/Export';
import { PatentsTable, patentsCsv } from '../components/PatentsTable';
import { TxLink } from '../components/TxLink';
import { Card, KeyValue } from '../../components/Card';
import { Hash } from '../../components/Hash';
import { ErrorState, SkeletonRows } from '../../components/states';
import '../alliance.css';
import { urls } from '../../lib/urls';

export default function MemberPage() {
  const { address = '' } = useParams();
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const q = useResource('member', { address });
  if (q.isPending) return <SkeletonRows rows={8} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data.member;
  if (!m) return <p data-testid="member-not-found">{t('member.notFound')}</p>;
  const patents = m.patents.edges.map((e) => e.node);
  const reports = m.reports.edges.map((e) => e.node);
  const reportColumns: Array<Column<(typeof reports)[number]>> = [
    { csv: 'quarter', heading: t('member.period'), value: (r) => r.period, cell: (r) => r.periodLabel },
    { csv: 'amount_cny', heading: t('member.amount'), value: (r) => r.amount, cell: (r) => f.cny(r.amount), numeric: true },
    { csv: 'reported', heading: t('evidence.date'), value: (r) => r.date, cell: (r) => f.date(r.at) },
    {
      csv: 'superseded', heading: t('members.status'), value: (r) => r.superseded, className: 'al-keep',
      cell: (r) => (
        <>
          {r.superseded && <span className="badge badge-bad" title={t('member.correctedBy')}>{t('member.corrected')}</span>}
          {r.previous && <span className="badge badge-brand">{t('member.correction', { amount: f.cny(r.previous.amount) })}</span>}
        </>
      ),
    },
    { csv: 'tx_hash', heading: t('evidence.tx'), value: (r) => r.txHash, cell: (r) => <TxLink hash={r.txHash} />, className: 'al-keep' },
    { csv: 'block', value: (r) => r.blockNumber },
  ];
  return (
    <div className="al-page" data-testid="member-page">
      <h1>{memberName(m, lang)}</h1>
      <p className="muted">{lang.startsWith('zh') ? m.nameEn : m.nameZh}</p>
      <Card>
        <KeyValue
          rows={[
            [t('member.address'), <Hash value={m.address} to={urls.address(m.address)} full />],
            [t('members.country'), `${m.country} · ${m.domestic ? t('chart.domestic') : t('chart.overseas')}`],
            [t('members.sector'), t(`sector.${m.sector}`, { defaultValue: m.sector })],
            [t('members.admitted'), <>{f.date(m.admittedAt)} · <TxLink hash={m.admittedTxHash} /></>],
            [t('members.status'), m.active ? t('members.active') : `${t('members.removed')} ${m.removedAt ? f.date(m.removedAt) : ''}`],
            [t('members.patents'), f.number(m.patentCount)],
            [t('members.output'), f.cny(m.outputValue)],
          ]}
        />
      </Card>

      <Card
        title={t('member.patents', { count: f.number(m.patentCount) })}
        actions={
          <CsvButton
            filename={`patents-${m.address}.csv`}
            build={() => patentsCsv(patents)}
          />
        }
      >
        <PatentsTable patents={patents} />
        {m.patents.pageInfo.hasNextPage && (
          <p>
            <Link to={urls.patents({ member: m.address })}>{t('common.more')}</Link>
          </p>
        )}
      </Card>

      <Card
        title={t('member.reports', { count: f.number(reports.length) })}
        actions={
          <CsvButton
            filename={`output-reports-${m.address}.csv`}
            build={() => columnsCsv(reportColumns, reports)}
          />
        }
      >
        <DataTable
          columns={reportColumns}
          rows={reports}
          rowKey={(r) => r.txHash + r.period}
          rowProps={(r) => ({ className: r.superseded ? 'al-corrected' : '', 'data-superseded': r.superseded })}
          testId="member-reports"
        />
      </Card>

      <Card title={t('member.scenarios', { count: f.number(m.scenarios.length) })}>
        {m.scenarios.length === 0 && <p className="muted">{t('evidence.none')}</p>}
        <ul>
          {m.scenarios.map((s) => (
            <li key={s.id}>
              <Link to={`/scenarios#scenario-${s.id}`}>{(lang.startsWith('zh') ? s.nameZh : s.nameEn) || s.name}</Link> ·{' '}
              <span className={`al-stage al-stage-${s.stage}`}>{t(`stage.${s.stage}`)}</span> · {f.date(s.launchedAt)}
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t('member.history')}>
        <ul>
          {m.history.map((h) => (
            <li key={h.txHash}>
              {f.date(h.at)} · {h.kind === 'ADMITTED' ? t('evidence.admitted', { name: h.name ?? '' }) : t('evidence.removed')} · <TxLink hash={h.txHash} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
