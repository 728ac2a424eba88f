// The evidence panel: the on-chain records behind a figure or a chart point, each with its
// member, date, transaction and block, linking to the transaction page.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { fetchResource } from '../../lib/hooks';
import type { KpiId } from '../lib/kpi';
import { columnsCsv, type Column } from '../lib/columns';
import { DataTable } from '../../components/DataTable';
import { CsvButton } from './Export';
import { bilingual, memberName } from '../lib/names';
import type { EvidenceNode } from '../resources';
import type { Region } from '../../generated/graphql';
import { urls } from '../../lib/urls';
import { ErrorState } from '../../components/states';

export type EvidenceRequest =
  | {
      kind: 'kpi';
      kpi: KpiId;
      period?: string;
      label: string;
      from?: number;
      to?: number;
      member?: string;
      sector?: string;
      region?: Region;
      countedOnly: boolean;
    }
  | { kind: 'quarter'; quarter: number; label: string };

interface Row {
  counted: boolean;
  node: EvidenceNode;
}
interface Page {
  total: number;
  rows: Row[];
  next: string | null;
}

async function loadPage(req: EvidenceRequest, countedOnly: boolean, after: string | null, signal?: AbortSignal): Promise<Page> {
  if (req.kind === 'quarter') {
    const d = await fetchResource('quarterReports', { period: req.quarter, first: 100, after }, signal);
    const c = d.outputReports;
    return { total: c.totalCount, rows: c.edges.map((e) => ({ counted: !e.node.superseded, node: e.node })), next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null };
  }
  const vars = { id: req.kpi, period: req.period ?? null, from: req.from ?? null, to: req.to ?? null, member: req.member ?? null, sector: req.sector ?? null, region: req.region ?? null, countedOnly, first: 100, after };
  const d = await fetchResource('kpiEvidence', vars, signal);
  const c = d.kpi?.evidence;
  if (!c) return { total: 0, rows: [], next: null };
  return { total: c.totalCount, rows: c.edges.map((e) => ({ counted: e.counted, node: e.node })), next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null };
}

export function EvidenceDialog({ req, onClose }: { req: EvidenceRequest; onClose(): void }) {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const ref = useRef<HTMLDialogElement>(null);
  const [countedOnly, setCountedOnly] = useState(req.kind === 'kpi' ? req.countedOnly : false);
  const q = useInfiniteQuery({
    queryKey: [req.kind === 'quarter' ? 'quarterReports' : 'kpiEvidence', req, countedOnly, 'pages'],
    queryFn: ({ pageParam, signal }) => loadPage(req, countedOnly, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = q.data?.pages[0]?.total;
  const lang = i18n.language;

  const describe = (n: EvidenceNode): string => {
    switch (n.__typename) {
      case 'Patent':
        return t('evidence.patent', { no: n.applicationNo, title: bilingual(n.title ?? '', lang) });
      case 'OutputReport':
        return t('evidence.report', { period: n.periodLabel, amount: f.cny(n.amount ?? '0') });
      case 'ScenarioStageChange': {
        const name = n.scenario ? (lang.startsWith('zh') ? n.scenario.nameZh : n.scenario.nameEn) || n.scenario.name : '';
        return n.isLaunch
          ? t('evidence.launch', { scenario: name, stage: t(`stage.${n.stage}`) })
          : t('evidence.stage', { scenario: name, from: n.previousStage ? t(`stage.${n.previousStage}`) : '—', to: t(`stage.${n.stage}`) });
      }
      case 'MembershipChange':
        return n.kind === 'REMOVED' ? t('evidence.removed') : t('evidence.admitted', { name: memberName(n.member, lang) });
      default:
        return '';
    }
  };

  const columns: Array<Column<Row>> = [
    { csv: 'date', heading: t('evidence.date'), value: (r) => r.node.date, cell: (r) => f.date(r.node.time), className: 'al-nowrap' },
    {
      csv: 'member', heading: t('evidence.member'), value: (r) => memberName(r.node.member, lang),
      cell: (r) => (r.node.member ? <Link to={urls.member(r.node.member.address)}>{memberName(r.node.member, lang)}</Link> : '—'),
    },
    { csv: 'member_address', value: (r) => r.node.member?.address ?? '' },
    {
      csv: 'record', heading: t('evidence.detail'), value: (r) => describe(r.node),
      cell: (r) => (
        <>
          {describe(r.node)}
          {!r.counted && <span className="badge al-badge-muted">{r.node.__typename === 'OutputReport' && r.node.superseded ? t('evidence.superseded') : t('evidence.notCounted')}</span>}
        </>
      ),
    },
    { csv: 'counted', value: (r) => r.counted },
    {
      csv: 'tx_hash', heading: t('evidence.tx'), value: (r) => r.node.txHash, className: 'mono',
      cell: (r) => (
        <Link to={urls.tx(r.node.txHash)} title={r.node.txHash}>
          {r.node.txHash.slice(0, 10)}…{r.node.txHash.slice(-6)}
        </Link>
      ),
    },
    { csv: 'block', heading: t('evidence.block'), value: (r) => r.node.blockNumber, cell: (r) => <Link to={urls.block(r.node.blockNumber)}>{f.number(r.node.blockNumber)}</Link> },
  ];

  const csv = async () => {
    const all: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await loadPage(req, countedOnly, after);
      all.push(...p.rows);
      if (!p.next) break;
      after = p.next;
    }
    return columnsCsv(columns, all);
  };

  return (
    <dialog ref={ref} className="al-dialog" onClose={onClose} aria-labelledby="evidence-title" data-testid="evidence-dialog">
      <header className="al-dialog-head">
        <h2 id="evidence-title">{t('evidence.title', { label: req.label })}</h2>
        <div className="al-actions">
          <CsvButton filename="evidence.csv" build={csv} testId="evidence-csv" />
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()} data-testid="evidence-close">
            {t('evidence.close')}
          </button>
        </div>
      </header>
      {req.kind === 'kpi' && (
        <p className="al-evidence-files" data-testid="evidence-files">
          <a href={urls.evidenceFile(req.kpi, 'json', { period: req.period })} download data-testid="evidence-file-json">
            {t('evidence.fileJson')}
          </a>
          <a href={urls.evidenceFile(req.kpi, 'csv', { period: req.period })} download data-testid="evidence-file-csv">
            {t('evidence.fileCsv')}
          </a>
          <span className="muted">{t('evidence.fileHint')}</span>
        </p>
      )}
      {req.kind === 'kpi' && req.from !== undefined && req.to !== undefined && (
        <p className="muted" data-testid="evidence-bucket" data-from={req.from} data-to={req.to}>
          {t('evidence.bucket', { from: f.date(req.from), to: f.date(req.to) })}
        </p>
      )}
      <p>
        {total === undefined ? (
          t('common.loading')
        ) : (
          <>
            {(() => {
              const [before, after] = t(countedOnly ? 'evidence.summary' : 'evidence.summaryAll', { count: '\u0000' }).split('\u0000');
              return (
                <>
                  {before}
                  <strong data-testid="evidence-count" data-value={total}>
                    {f.number(total)}
                  </strong>
                  {after}
                </>
              );
            })()}
          </>
        )}
      </p>
      {req.kind === 'kpi' && (
        <label className="al-check">
          <input type="checkbox" checked={!countedOnly} onChange={(e) => setCountedOnly(!e.target.checked)} /> {t('evidence.showAll')}
        </label>
      )}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.node.txHash}:${r.node.logIndex}`}
        rowProps={(r) => ({ className: r.counted ? '' : 'al-not-counted', 'data-testid': 'evidence-row' })}
        className="data al-evidence-table"
      />
      {total === 0 && <p className="muted">{t('evidence.none')}</p>}
      {q.hasNextPage && (
        <button type="button" className="btn" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('evidence.loadMore')}
        </button>
      )}
    </dialog>
  );
}
