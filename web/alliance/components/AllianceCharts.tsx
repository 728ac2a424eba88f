// The dashboard's charts (recharts; this module is its own lazy chunk). Every chart has CSV,
// PNG and Embed; every point or bar opens its evidence.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { breakdownCsv, pipelineCsv, quarterlyCsv, seriesCsv } from '../lib/chart-csv';
import { fileSlug } from '../lib/download';
import { isKpiId, KPI_IDS, withGuideLines, type KpiId } from '../lib/kpi';
import { memberName } from '../lib/names';
import type { BreakdownBy, DashboardData } from '../resources';
import type { Region } from '../../generated/graphql';
import { ChartBox, ChartCard, PngButton, PrintingProvider, useChartColors } from './ChartCard';
import { CsvButton } from './Export';
import { EmbedButton } from './EmbedDialog';
import { KpiSelect } from './KpiSelect';
import type { EvidenceRequest } from './Evidence';
import { urls } from '../../lib/urls';

type Props = {
  kpis: DashboardData['kpis'];
  period?: string;
  interval: 'WEEK' | 'MONTH' | 'QUARTER';
  breakdownKpi: string | null;
  onBreakdownKpi(v: string | null): void;
  onEvidence(req: EvidenceRequest): void;
};

type ClickState = { activeTooltipIndex?: number | string | null } | null | undefined;
const clickedIndex = (s: ClickState): number | null => {
  const i = s?.activeTooltipIndex;
  return i === null || i === undefined || i === '' ? null : Number(i);
};

function useAxis(kpi: KpiId) {
  const f = useFormat();
  const money = kpi === 'OUTPUT_VALUE';
  return {
    tick: (v: number) => (money ? f.cny(v, true) : f.compact(v)),
    full: (v: number | string) => (money ? f.cny(v) : f.number(v)),
  };
}

function CumulativeChart({ kpi, period, interval, onEvidence }: { kpi: DashboardData['kpis'][number]; period?: string; interval: Props['interval']; onEvidence: Props['onEvidence'] }) {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const colors = useChartColors();
  const axis = useAxis(kpi.id);
  const q = useResource('kpiSeries', { id: kpi.id, period: period ?? null, interval });
  const k = q.data?.kpi;
  const dateFmt = new Intl.DateTimeFormat(i18n.language, interval === 'WEEK' ? { dateStyle: 'medium', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const rows = k
    ? withGuideLines(
        k.series.map((p) => ({ t: p.to, value: Number(p.value) })),
        { target: Number(k.target), periodStart: k.periodStart, periodEnd: k.periodEnd, now: k.asOf, current: Number(k.current), startLevel: Number(k.startLevel) },
      ).map((r, i) => ({ ...r, label: dateFmt.format(k.series[i]!.from * 1000), expected: k.series[i]!.expected, point: k.series[i]! }))
    : [];
  const title = t('chart.cumulative', { kpi: t(`kpi.${kpi.id}`) });
  const slug = fileSlug(kpi.id, 'cumulative', interval);
  return (
    <ChartCard
      title={title}
      testId={`chart-cumulative-${kpi.id}`}
      hint={t('chart.clickHint')}
      actions={(body) => (
        <>
          <CsvButton
            filename={`${slug}.csv`}
            testId={`csv-cumulative-${kpi.id}`}
            build={() =>
              seriesCsv(k?.series ?? [], k?.target ?? '')
            }
          />
          <PngButton filename={`${slug}.png`} target={body} />
          <EmbedButton kpi={kpi.id} view="cumulative" title={title} period={period} interval={interval} />
        </>
      )}
    >
      {!k ? (
        <div className="al-chart-placeholder">{q.isError ? q.error.message : t('chart.loading')}</div>
      ) : (
        <ChartBox height={240}>
          <ComposedChart
            data={rows}
            margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
            onClick={(s: ClickState) => {
              const i = clickedIndex(s);
              const p = i === null ? undefined : rows[i]?.point;
              if (p) onEvidence({ kind: 'kpi', kpi: kpi.id, period, label: `${t(`kpi.${kpi.id}`)} · ${rows[i!]!.label}`, from: p.from, to: p.to, countedOnly: false });
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid stroke={colors.grid} vertical={false} />
            <XAxis dataKey="label" tick={{ fill: colors.muted, fontSize: 11 }} minTickGap={24} />
            <YAxis tickFormatter={axis.tick} tick={{ fill: colors.muted, fontSize: 11 }} width={64} allowDecimals={false} />
            <Tooltip formatter={(v) => axis.full(Math.round(Number(v)))} contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={Number(k.target)} ifOverflow="extendDomain" stroke={colors.bad} strokeDasharray="6 4" label={{ value: `${t('chart.target')} ${axis.tick(Number(k.target))}`, fill: colors.bad, fontSize: 11, position: 'insideTopRight' }} />
            <Line type="monotone" dataKey="expected" name={t('chart.plan')} stroke={colors.muted} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Line type="linear" dataKey="pace" name={t('chart.pace')} stroke={colors.c4} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="value" name={t('chart.actual')} stroke={colors.c1} strokeWidth={2} dot={false} activeDot={{ r: 5 }} isAnimationActive={false} />
          </ComposedChart>
        </ChartBox>
      )}
      {k && <p className="visually-hidden">{f.number(k.series.length)}</p>}
    </ChartCard>
  );
}

function QuarterlyChart({ period, onEvidence }: { period?: string; onEvidence: Props['onEvidence'] }) {
  const { t } = useTranslation('alliance');
  const colors = useChartColors();
  const axis = useAxis('OUTPUT_VALUE');
  const q = useResource('quarterlyOutput', { period: period ?? null });
  const rows = (q.data?.alliance.quarterlyOutput ?? []).map((r) => ({ ...r, value: Number(r.amount) }));
  const title = t('chart.quarterly');
  return (
    <ChartCard
      title={title}
      testId="chart-quarterly"
      hint={t('chart.clickHint')}
      actions={(body) => (
        <>
          <CsvButton filename="output-value-per-quarter.csv" build={() => quarterlyCsv(rows)} />
          <PngButton filename="output-value-per-quarter.png" target={body} />
          <EmbedButton kpi="OUTPUT_VALUE" view="quarterly" title={title} period={period} />
        </>
      )}
    >
      {rows.length === 0 ? (
        <div className="al-chart-placeholder">{q.isPending ? t('chart.loading') : t('chart.empty')}</div>
      ) : (
        <ChartBox height={220}>
          <BarChart
            data={rows}
            margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
            onClick={(s: ClickState) => {
              const i = clickedIndex(s);
              const r = i === null ? undefined : rows[i];
              if (r) onEvidence({ kind: 'quarter', quarter: r.quarter, label: `${t('kpi.OUTPUT_VALUE')} · ${r.label}` });
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid stroke={colors.grid} vertical={false} />
            <XAxis dataKey="label" tick={{ fill: colors.muted, fontSize: 11 }} minTickGap={16} />
            <YAxis tickFormatter={axis.tick} tick={{ fill: colors.muted, fontSize: 11 }} width={64} />
            <Tooltip formatter={(v) => axis.full(Math.round(Number(v)))} contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }} />
            <Bar dataKey="value" name={t('kpi.OUTPUT_VALUE')} fill={colors.c2} isAnimationActive={false} />
          </BarChart>
        </ChartBox>
      )}
    </ChartCard>
  );
}

function BreakdownChart({ kpi, by, period, onEvidence }: { kpi: KpiId; by: BreakdownBy; period?: string; onEvidence: Props['onEvidence'] }) {
  const { t, i18n } = useTranslation('alliance');
  const colors = useChartColors();
  const f = useFormat();
  const axis = useAxis(kpi);
  const q = useResource('kpiBreakdown', { id: kpi, period: period ?? null, by, limit: 10 });
  const slices = q.data?.kpi?.breakdown ?? [];
  const label = (s: (typeof slices)[number]) =>
    s.isRest ? t('chart.restShort') : s.member ? memberName(s.member, i18n.language) : by === 'REGION' ? t(s.key === 'DOMESTIC' ? 'chart.domestic' : 'chart.overseas') : by === 'SECTOR' ? t(`sector.${s.key}`, { defaultValue: s.label }) : s.label;
  const rows = slices.map((s) => ({ ...s, name: label(s), v: Number(s.value) }));
  const view = by === 'MEMBER' ? 'member' : by === 'SECTOR' ? 'sector' : 'region';
  const title = t(by === 'MEMBER' ? 'chart.byMember' : by === 'SECTOR' ? 'chart.bySector' : 'chart.byRegion', { kpi: t(`kpi.${kpi}`) });
  const slug = fileSlug(kpi, 'by', view);
  const palette = [colors.c1, colors.c2, colors.c3, colors.c4];
  const height = Math.max(120, rows.length * 26 + 24);
  return (
    <ChartCard
      title={title}
      testId={`chart-breakdown-${view}`}
      className={by === 'MEMBER' ? 'al-wide' : undefined}
      actions={(body) => (
        <>
          <CsvButton filename={`${slug}.csv`} build={() => breakdownCsv(rows.map((r) => ({ ...r, label: r.name })))} />
          <PngButton filename={`${slug}.png`} target={body} />
          <EmbedButton kpi={kpi} view={view} title={title} period={period} />
        </>
      )}
    >
      {rows.length === 0 ? (
        <div className="al-chart-placeholder">{q.isPending ? t('chart.loading') : t('chart.empty')}</div>
      ) : (
        <ChartBox height={height}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
            onClick={(s: ClickState) => {
              const i = clickedIndex(s);
              const r = i === null ? undefined : rows[i];
              if (!r || r.isRest) return;
              const filter = by === 'MEMBER' ? { member: r.key } : by === 'SECTOR' ? { sector: r.key } : { region: r.key as Region };
              onEvidence({ kind: 'kpi', kpi, period, label: `${t(`kpi.${kpi}`)} · ${r.name}`, countedOnly: true, ...filter });
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid stroke={colors.grid} horizontal={false} />
            <XAxis type="number" tickFormatter={axis.tick} tick={{ fill: colors.muted, fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={by === 'MEMBER' ? 170 : 110} tick={{ fill: colors.text, fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v, _n, item) => `${axis.full(v as number)} (${f.percent((item?.payload as { share: number }).share)})`} contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }} />
            <Bar dataKey="v" name={t('chart.value')} isAnimationActive={false} label={{ position: 'right', fill: colors.muted, fontSize: 11, formatter: (v: unknown) => axis.tick(Number(v)) }}>
              {rows.map((r, i) => (
                <Cell key={r.key} fill={r.isRest ? colors.muted : palette[by === 'MEMBER' ? 0 : i % palette.length]} />
              ))}
            </Bar>
          </BarChart>
        </ChartBox>
      )}
    </ChartCard>
  );
}

function PipelineChart() {
  const { t } = useTranslation('alliance');
  const navigate = useNavigate();
  const colors = useChartColors();
  const q = useResource('scenarioPipeline', {});
  const rows = (q.data?.alliance.scenarioPipeline ?? []).map((r) => ({ ...r, name: t(`stage.${r.stage}`) }));
  const title = t('chart.pipeline');
  const stageColor = { PILOT: colors.c4, IN_DEPTH: colors.c3, RETIRED: colors.muted } as const;
  return (
    <ChartCard
      title={title}
      testId="chart-pipeline"
      actions={(body) => (
        <>
          <CsvButton filename="scenario-pipeline.csv" build={() => pipelineCsv(rows)} />
          <PngButton filename="scenario-pipeline.png" target={body} />
          <EmbedButton kpi="SCENARIOS" view="pipeline" title={title} />
        </>
      )}
    >
      {rows.length === 0 ? (
        <div className="al-chart-placeholder">{q.isPending ? t('chart.loading') : t('chart.empty')}</div>
      ) : (
        <ChartBox height={140}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
            onClick={(s: ClickState) => {
              const i = clickedIndex(s);
              const r = i === null ? undefined : rows[i];
              if (r) navigate(urls.scenarios({ stage: r.stage }));
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid stroke={colors.grid} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: colors.muted, fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={90} tick={{ fill: colors.text, fontSize: 12 }} />
            <Tooltip contentStyle={{ background: colors.surface, borderColor: colors.grid, color: colors.text }} />
            <Bar dataKey="count" name={t('chart.count')} isAnimationActive={false} label={{ position: 'right', fill: colors.text, fontSize: 12 }}>
              {rows.map((r) => (
                <Cell key={r.stage} fill={stageColor[r.stage]} />
              ))}
            </Bar>
          </BarChart>
        </ChartBox>
      )}
    </ChartCard>
  );
}

export default function AllianceCharts({ kpis, period, interval, breakdownKpi, onBreakdownKpi, onEvidence }: Props) {
  const { t } = useTranslation('alliance');
  const bkpi: KpiId = isKpiId(breakdownKpi) && breakdownKpi !== 'MEMBERS' ? breakdownKpi : 'PATENTS';
  return (
    <PrintingProvider>
      <section className="al-charts al-grid-2" aria-label={t('chart.actual')}>
        {kpis.map((k) => (
          <CumulativeChart key={k.id} kpi={k} period={period} interval={interval} onEvidence={onEvidence} />
        ))}
      </section>
      <section className="al-charts al-grid-2">
        <QuarterlyChart period={period} onEvidence={onEvidence} />
        <PipelineChart />
      </section>
      <KpiSelect className="al-breakdown-head" label={t('chart.breakdownOf')} value={bkpi} options={KPI_IDS.filter((k) => k !== 'MEMBERS')} onChange={onBreakdownKpi} testId="breakdown-kpi-select" />
      <section className="al-charts al-grid-2">
        <BreakdownChart kpi={bkpi} by="MEMBER" period={period} onEvidence={onEvidence} />
        <BreakdownChart kpi={bkpi} by="SECTOR" period={period} onEvidence={onEvidence} />
        <BreakdownChart kpi={bkpi} by="REGION" period={period} onEvidence={onEvidence} />
      </section>
    </PrintingProvider>
  );
}
