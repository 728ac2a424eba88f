// Two plan periods side by side: one KPI, one chart, both plans on the same axes (cumulative
// figure against time elapsed since each plan began), and the figures at the elapsed time
// both have reached. Its own lazy chunk (recharts).
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { toCsv } from '../lib/csv';
import { alignByElapsed, compareAtSameElapsed, type PeriodSeries } from '../lib/compare';
import { formatDuration, KPI_IDS, isKpiId, type KpiId } from '../lib/kpi';
import type { SeriesKpi } from '../resources';
import { planDateFormat } from '../lib/planDate';
import { ChartBox, ChartCard, PngButton, PrintingProvider, useChartColors } from './ChartCard';
import { CsvButton } from './Export';
import { KpiSelect } from './KpiSelect';

const YEAR = 365.2425 * 86_400;

type Period = { id: string; start: number; end: number };

function toPeriodSeries(k: SeriesKpi): PeriodSeries {
  return {
    periodStart: k.periodStart,
    periodEnd: k.periodEnd,
    figureAt: k.ended ? k.periodEnd : k.asOf,
    points: k.series.map((p) => ({ to: p.to, value: Number(p.value) })),
  };
}

export default function PeriodCompare({ a, b, kpi: kpiParam, onKpi }: { a: Period; b: Period; kpi: string | null; onKpi(v: string | null): void }) {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  const colors = useChartColors();
  const kpi: KpiId = isKpiId(kpiParam) ? kpiParam : 'PATENTS';
  const money = kpi === 'OUTPUT_VALUE';
  const qa = useResource('kpiSeries', { id: kpi, period: a.id, interval: 'MONTH' });
  const qb = useResource('kpiSeries', { id: kpi, period: b.id, interval: 'MONTH' });
  const ka = qa.data?.kpi;
  const kb = qb.data?.kpi;
  const planDate = planDateFormat(f.lang);
  const label = (p: Period) => t('compare.planLabel', { start: planDate(p.start), end: planDate(p.end) });
  const value = (v: number) => (money ? f.cny(Math.round(v)) : f.number(Math.round(v)));
  const tick = (v: number) => (money ? f.cny(v, true) : f.compact(v));
  const sa = ka ? toPeriodSeries(ka) : null;
  const sb = kb ? toPeriodSeries(kb) : null;
  const rows = sa && sb ? alignByElapsed(sa, sb) : [];
  const same = sa && sb ? compareAtSameElapsed(sa, sb) : null;
  const length = Math.max(a.end - a.start, b.end - b.start);
  const title = t('compare.title', { kpi: t(`kpi.${kpi}`) });
  const error = qa.error ?? qb.error;
  return (
    <PrintingProvider>
      <KpiSelect className="al-compare-head" label={t('compare.kpi')} value={kpi} options={KPI_IDS} onChange={onKpi} testId="compare-kpi" />
      <ChartCard
        title={title}
        testId="compare-chart"
        actions={(body) => (
          <>
            <CsvButton
              filename={`${kpi.toLowerCase()}-compare-plans.csv`}
              testId="csv-compare"
              build={() => toCsv(['elapsed_days', `${a.id}`, `${b.id}`], rows.map((r) => [Math.round(r.elapsed / 86_400), r.a ?? '', r.b ?? '']))}
            />
            <PngButton filename={`${kpi.toLowerCase()}-compare-plans.png`} target={body} />
          </>
        )}
      >
        {!ka || !kb ? (
          <div className="al-chart-placeholder" role={error ? 'alert' : 'status'}>{error ? t('common.error', { message: (error as Error).message }) : t('chart.loading')}</div>
        ) : (
          <>
            {same && (
              <p className="al-compare-summary" data-testid="compare-summary" data-elapsed={same.elapsed} data-a={same.a} data-b={same.b}>
                {t('compare.summary', {
                  elapsed: formatDuration(same.elapsed, f.lang),
                  a: label(a),
                  valueA: value(same.a),
                  b: label(b),
                  valueB: value(same.b),
                })}{' '}
                {same.change !== null && t('compare.change', { change: f.number(same.change, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }) })}
              </p>
            )}
            <ChartBox height={260}>
              <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
                <CartesianGrid stroke={colors.grid} vertical={false} />
                <XAxis
                  dataKey="elapsed"
                  type="number"
                  domain={[0, length]}
                  ticks={Array.from({ length: Math.floor(length / YEAR) + 1 }, (_, i) => i * YEAR)}
                  tickFormatter={(s: number) => t('compare.yearTick', { n: Math.round(s / YEAR) })}
                  tick={{ fill: colors.muted, fontSize: 11 }}
                />
                <YAxis tickFormatter={tick} tick={{ fill: colors.muted, fontSize: 11 }} width={64} allowDecimals={false} />
                <Tooltip
                  labelFormatter={(s) => formatDuration(Number(s), f.lang)}
                  formatter={(v) => value(Number(v))}
                  contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <ReferenceLine y={Number(ka.target)} ifOverflow="extendDomain" stroke={colors.muted} strokeDasharray="6 4" />
                <ReferenceLine y={Number(kb.target)} ifOverflow="extendDomain" stroke={colors.bad} strokeDasharray="6 4" />
                <Line type="monotone" dataKey="a" name={label(a)} stroke={colors.c2} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} />
                <Line type="monotone" dataKey="b" name={label(b)} stroke={colors.c1} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
              </LineChart>
            </ChartBox>
            <p className="muted al-hint">{t('compare.targets', { a: label(a), targetA: value(Number(ka.target)), b: label(b), targetB: value(Number(kb.target)) })}</p>
          </>
        )}
      </ChartCard>
    </PrintingProvider>
  );
}
