// One KPI card: current vs target, progress bar with the expected-pace marker, status chip,
// time elapsed / remaining, and the projection at the current pace; once the period has
// ended, the final figure and when the target was reached or by how much it was missed.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { planTime, projectedAtEnd } from '../../../rules/kpi';
import { formatDuration } from '../lib/kpi';
import { kpiProjection, projectionText as projectionLine, statusBasisText } from '../lib/standing';
import { planDateFormat } from '../lib/planDate';
import type { DashboardData } from '../resources';

type Kpi = DashboardData['kpis'][number];

export function formatKpiValue(f: ReturnType<typeof useFormat>, id: Kpi['id'], v: string | number): string {
  return id === 'OUTPUT_VALUE' ? f.cny(v) : f.number(v);
}

export function KpiCard({ kpi, onEvidence }: { kpi: Kpi; onEvidence(): void }) {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const planDate = planDateFormat(lang);
  const progress = kpi.progress;
  const time = planTime(kpi.periodStart, kpi.periodEnd, kpi.asOf);
  const projection = kpiProjection(kpi);
  const standing = { value: (v: bigint | number | string) => formatKpiValue(f, kpi.id, v.toString()), date: f.date, percent: f.percent };
  const tr = (key: string, vars?: Record<string, string | number>) => t(key, vars);
  const projectionText = projectionLine(projection, tr, standing);
  const basisText = statusBasisText(kpi.status, projection, BigInt(kpi.target), tr, standing);
  const fill = Math.min(1, Math.max(0, progress));
  const marker = Math.min(1, Math.max(0, kpi.expectedProgress));
  return (
    <article className={`al-kpi al-status-${kpi.status}`} id={`kpi-${kpi.id}`} data-testid={`kpi-card-${kpi.id}`}>
      <header className="al-kpi-head">
        <h2 title={t(`kpiHint.${kpi.id}`)}>{t(`kpi.${kpi.id}`)}</h2>
        <span className={`al-chip al-chip-${kpi.status}`} data-testid={`kpi-status-${kpi.id}`} data-value={kpi.status}>
          <span aria-hidden="true" className="al-chip-dot" />
          {t(`status.${kpi.status}`)}
        </span>
      </header>
      <button type="button" className="al-kpi-value" onClick={onEvidence} title={t('card.showEvidence')} data-testid={`kpi-value-${kpi.id}`} data-value={kpi.current}>
        {formatKpiValue(f, kpi.id, kpi.current)}
      </button>
      <div className="al-kpi-target">{t('card.ofTarget', { target: formatKpiValue(f, kpi.id, kpi.target) })}</div>
      <div
        className="al-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill * 100)}
        aria-label={t('card.progress', { percent: f.percent(progress) })}
      >
        <div className="al-bar-fill" style={{ width: `${fill * 100}%` }} />
        <div className="al-bar-marker" style={{ left: `${marker * 100}%` }} title={t('card.expectedMarker')} />
      </div>
      <div className="al-kpi-line">
        <strong>{t('card.progress', { percent: f.percent(progress) })}</strong>
      </div>
      <div className="al-kpi-line muted" data-testid={`kpi-when-${kpi.id}`}>
        {time.ended ? t('card.figureAtEnd', { date: planDate(kpi.periodEnd) }) : t('card.expected', { percent: f.percent(kpi.expectedProgress) })}
      </div>
      <dl className="al-kpi-time">
        <div>
          <dt>{t('card.elapsed')}</dt>
          <dd>{formatDuration(time.elapsed, lang)}</dd>
        </div>
        <div>
          <dt>{t('card.remaining')}</dt>
          <dd>{time.ended ? t('card.ended') : formatDuration(time.remaining, lang)}</dd>
        </div>
      </dl>
      <div className="al-kpi-line muted">{t('card.periodRange', { start: planDate(kpi.periodStart), end: planDate(kpi.periodEnd) })}</div>
      <p className="al-kpi-projection" data-testid={`kpi-projection-${kpi.id}`} data-value={projectedAtEnd(projection)?.toString()}>
        {projectionText}
      </p>
      <p className="al-kpi-basis muted" data-testid={`kpi-basis-${kpi.id}`}>
        {basisText}
      </p>
      <button type="button" className="btn btn-ghost btn-sm al-kpi-evidence no-print" onClick={onEvidence} data-testid={`kpi-evidence-${kpi.id}`} title={t('card.showEvidence')}>
        {t('card.evidenceShort')}
      </button>
    </article>
  );
}
