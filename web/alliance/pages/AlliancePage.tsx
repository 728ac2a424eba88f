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
import '../alliance.css';

const AllianceCharts = lazy(() => import('../components/AllianceCharts'));
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

/** Plan periods are Chongqing calendar dates (China Standard Time), whatever the viewer's zone. */
export function planDateFormat(lang: string) {
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (s: number) => fmt.format(s * 1000);
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
  const periodId = period ?? d?.kpis[0]?.period ?? d?.alliance.currentPeriod?.id;

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
              {(d?.alliance.periods ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {planDate(p.start)} – {planDate(p.end)}
                </option>
              ))}
            </select>
          </label>
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
      {q.isError && !d && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {!d && !q.isError && <SkeletonRows rows={6} />}
      {d && (
        <section className="al-kpis" aria-label={t('page.title')}>
          {d.kpis.map((k) => (
            <KpiCard key={k.id} kpi={k} onEvidence={() => setEvidence({ kind: 'kpi', kpi: k.id, period: periodId, label: t(`kpi.${k.id}`), countedOnly: true })} />
          ))}
        </section>
      )}
      {d && (
        <Suspense fallback={<p className="muted">{t('chart.loading')}</p>}>
          <AllianceCharts kpis={d.kpis} period={periodId} interval={interval} breakdownKpi={params.get('bkpi')} onBreakdownKpi={(v) => setParam('bkpi', v)} onEvidence={setEvidence} />
        </Suspense>
      )}
      {evidence && <EvidenceDialog req={evidence} onClose={() => setEvidence(null)} />}
    </div>
  );
}
