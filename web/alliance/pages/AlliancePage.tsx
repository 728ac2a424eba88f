// /alliance: the officials' dashboard. KPI cards first (fast), charts lazy-loaded below.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { useUrlState } from '../../lib/urlState';
import type { DashboardData } from '../resources';
import { KpiCard } from '../components/KpiCard';
import { EvidenceDialog, type EvidenceRequest } from '../components/Evidence';
import { ErrorState, SkeletonRows } from '../../components/states';
import { planDateFormat } from '../lib/planDate';
import { choosePeriod } from '../lib/periods';
import { YearOverYear } from '../components/YearOverYear';
import { AuditNote } from '../components/AuditNote';
import '../alliance.css';

const AllianceCharts = lazy(() => import('../components/AllianceCharts'));
const PeriodCompare = lazy(() => import('../components/PeriodCompare'));
export const INTERVALS = ['WEEK', 'MONTH', 'QUARTER'] as const;

export function SourceLine({ status, registry }: { status: DashboardData['status']; registry: string | null }) {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  return (
    <div className="al-source" data-testid="data-source">
      <p>
        {t('source.onChain', {
          registry: registry ?? t('source.noRegistry'),
          block: f.number(status.indexedHead),
          time: status.latestBlockTime ? f.dateTime(status.latestBlockTime) : '—',
        })}
      </p>
      {status.isDevnet && (
        <p className="al-simulated" data-testid="simulated-note">
          {t('source.simulated', { chainId: status.chainId })}
        </p>
      )}
    </div>
  );
}

export default function AlliancePage() {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  const [params, setParam] = useUrlState();
  const planDate = planDateFormat(f.lang);
  const period = params.get('period') || undefined;
  const intervalRaw = params.get('interval');
  const interval = (INTERVALS as readonly string[]).includes(intervalRaw ?? '') ? (intervalRaw as (typeof INTERVALS)[number]) : 'MONTH';
  const q = useResource('dashboard', { period: period ?? null }, { refetchInterval: 30_000 });
  const [evidence, setEvidence] = useState<EvidenceRequest | null>(null);
  const d = q.data;
  const periods = d?.alliance.periods ?? [];
  const { shown, inForce } = choosePeriod(periods, d?.alliance.currentPeriod ?? null, period);
  const periodId = shown?.id;
  const compared = periods.find((p) => p.id === params.get('compare') && p.id !== periodId);
  const pair = shown && compared ? [compared, shown].sort((x, y) => x.start - y.start) : null;
  const range = (p: { start: number; end: number }) => t('page.periodOption', { start: planDate(p.start), end: planDate(p.end) });

  return (
    <div className="al-page" data-testid="alliance-page">
      <div className="al-print-head print-only">
        <strong>{t('page.report')}</strong>
        <span>{t('page.printedOn', { date: f.dateTime(Date.now() / 1000) })}</span>
      </div>
      <header className="al-page-head">
        <div>
          <h1>{t('page.title')}</h1>
          {d && <p className="muted">{t('page.subtitle', { alliance: t('page.allianceName') })}</p>}
        </div>
        <div className="al-controls no-print">
          <label>
            {t('page.period')}
            <select value={periodId ?? ''} onChange={(e) => setParam('period', e.target.value || null)} data-testid="period-select">
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === d?.alliance.currentPeriod?.id ? t('page.inForce', { range: range(p) }) : range(p)}
                </option>
              ))}
            </select>
          </label>
          {periods.length > 1 && (
            <label>
              {t('page.compareWith')}
              <select value={compared?.id ?? ''} onChange={(e) => setParam('compare', e.target.value || null)} data-testid="compare-select">
                <option value="">{t('page.compareNone')}</option>
                {periods
                  .filter((p) => p.id !== periodId)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {range(p)}
                    </option>
                  ))}
              </select>
            </label>
          )}
          <label>
            {t('page.interval')}
            <select value={interval} onChange={(e) => setParam('interval', e.target.value === 'MONTH' ? null : e.target.value)} data-testid="interval-select">
              {INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {t(`interval.${i}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('page.print')}
          </button>
        </div>
      </header>
      {d && <SourceLine status={d.status} registry={d.alliance.registry} />}
      {d && !inForce && shown && (
        <p className="al-no-plan" role="status" data-testid="no-plan">
          {t('page.noPlanInForce', { date: d.status.latestBlockTime ? f.date(d.status.latestBlockTime) : '—', start: planDate(shown.start), end: planDate(shown.end) })}
        </p>
      )}
      {q.isError && !d && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {!d && !q.isError && <SkeletonRows rows={6} />}
      {d && (
        <section className="al-kpis" aria-label={t('page.title')}>
          {d.kpis.map((k) => (
            <KpiCard key={k.id} kpi={k} onEvidence={() => setEvidence({ kind: 'kpi', kpi: k.id, period: periodId, label: t(`kpi.${k.id}`), countedOnly: true })} />
          ))}
        </section>
      )}
      {d?.alliance.registry && <AuditNote status={d.status} registry={d.alliance.registry} period={periodId} />}
      {pair && (
        <Suspense fallback={<p className="muted">{t('chart.loading')}</p>}>
          <PeriodCompare a={pair[0]!} b={pair[1]!} kpi={params.get('ckpi')} onKpi={(v) => setParam('ckpi', v)} />
        </Suspense>
      )}
      {d && (
        <Suspense fallback={<p className="muted">{t('chart.loading')}</p>}>
          <AllianceCharts kpis={d.kpis} period={periodId} interval={interval} breakdownKpi={params.get('bkpi')} onBreakdownKpi={(v) => setParam('bkpi', v)} onEvidence={setEvidence} />
        </Suspense>
      )}
      {d && <YearOverYear />}
      {evidence && <EvidenceDialog req={evidence} onClose={() => setEvidence(null)} />}
    </div>
  );
}
