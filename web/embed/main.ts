// /embed/kpi/:kpi and /embed/stats/:metric: one chart alone, for third-party pages.
//
// Deliberately no React, router, i18next or recharts: those alone exceed the embed's
// 120 KB gzip budget (react-dom + recharts ≈ 190 KB gzip). The chart is plain SVG
// (./svgChart.ts), strings come straight from the alliance locale JSON, numbers and dates
// go through Intl. No cookies and no storage: everything comes from the URL.
import { formatNumberish, formatAxis } from './format';
import { startResizeReporting } from './resize';
import { barChartSvg, DARK, LIGHT, legendHtml, lineChartSvg, escapeXml } from './svgChart';
import { clipToRange, parseEmbedOptions, parseEmbedPath, rangeSeconds, type EmbedOptions, type StatsMetric } from './params';
import { csvBlob } from '../alliance/lib/csv';
import { breakdownCsv, chainStatsCsv, pipelineCsv, quarterlyCsv, seriesCsv } from '../alliance/lib/chart-csv';
import type { KpiId } from '../alliance/lib/kpi';
import { kpiProjection, projectionText, statusBasisText } from '../alliance/lib/standing';
import { memberName } from '../alliance/lib/names';
import { allianceResources as R, type StatusInfo } from '../alliance/resources';
import type { Resource } from '../lib/registry';
import { urls } from '../lib/urls';

type Dict = Record<string, unknown>;
const locales = import.meta.glob<Dict>('../i18n/locales/*/alliance.json', { import: 'default' });

let dict: Dict = {};
function t(key: string, vars: Record<string, string | number> = {}): string {
  const v = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Dict)[k] : undefined), dict);
  const text = typeof v === 'string' ? v : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

async function gql<V, T>(resource: Resource<V, T>, variables: V): Promise<T> {
  const query = resource.document;
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`HTTP ${res.status}`);
  return body.data;
}

interface Rendered {
  title: string;
  svg: string;
  csv: string;
  csvName: string;
  legend?: string;
  status: StatusInfo;
  backLink: string;
  /** For a KPI: its status and one line saying where it stands (or ended). */
  kpiStatus?: { status: string; text: string };
}

const COLORS = { actual: '#c2410c', target: '#b3261e', plan: '#8a93a3', pace: '#7c3aed', bar: '#0b5cad' };
const STAGE_COLORS: Record<string, string> = { PILOT: '#f59e0b', IN_DEPTH: '#16a34a', RETIRED: '#9ca3af' };

function chartWidth(): number {
  return Math.max(280, Math.min(1200, document.documentElement.clientWidth - 24));
}

async function renderKpi(kpi: KpiId, o: EmbedOptions): Promise<Rendered> {
  const theme = o.theme === 'dark' ? DARK : LIGHT;
  const money = kpi === 'OUTPUT_VALUE';
  const fmt = (v: number) => formatAxis(o.lang, v, money);
  const kpiName = t(`kpi.${kpi}`);
  const backLink = urls.alliance({ lang: o.lang, period: o.period }, `kpi-${kpi}`);
  const width = chartWidth();
  const { status } = await gql(R.embedStatus, {});

  if (o.view === 'quarterly') {
    const d = await gql(R.quarterlyOutput, { period: o.period ?? null });
    const rows = clipToRange(d.alliance.quarterlyOutput, o.range, status.latestBlockTime ?? Date.now() / 1000);
    const title = t('chart.quarterly');
    return {
      title,
      status,
      backLink,
      csvName: 'output-value-per-quarter.csv',
      csv: quarterlyCsv(rows),
      svg: barChartSvg({ width, height: 280, title, theme, color: COLORS.bar, formatY: fmt, bars: rows.map((r) => ({ label: r.label, value: Number(r.amount) })) }),
    };
  }
  if (o.view === 'pipeline') {
    const d = await gql(R.scenarioPipeline, {});
    const title = t('chart.pipeline');
    const rows = d.alliance.scenarioPipeline;
    return {
      title,
      status,
      backLink,
      csvName: 'scenario-pipeline.csv',
      csv: pipelineCsv(rows),
      svg: barChartSvg({
        width,
        height: 0,
        horizontal: true,
        title,
        theme,
        color: COLORS.bar,
        formatY: (v) => formatNumberish(o.lang, v),
        bars: rows.map((r) => ({ label: t(`stage.${r.stage}`), value: r.count, color: STAGE_COLORS[r.stage] })),
      }),
    };
  }
  if (o.view === 'member' || o.view === 'sector' || o.view === 'region') {
    const by = o.view === 'member' ? 'MEMBER' : o.view === 'sector' ? 'SECTOR' : 'REGION';
    const d = await gql(R.kpiBreakdown, { id: kpi, period: o.period ?? null, by, limit: 10 });
    const slices = d.kpi?.breakdown ?? [];
    const title = t(o.view === 'member' ? 'chart.byMember' : o.view === 'sector' ? 'chart.bySector' : 'chart.byRegion', { kpi: kpiName });
    const label = (s: (typeof slices)[number]) =>
      s.isRest ? t('chart.restShort') : s.member ? memberName(s.member, o.lang) : by === 'REGION' ? t(`chart.${s.key === 'DOMESTIC' ? 'domestic' : 'overseas'}`) : by === 'SECTOR' && t(`sector.${s.key}`) !== `sector.${s.key}` ? t(`sector.${s.key}`) : s.label;
    return {
      title,
      status,
      backLink,
      csvName: `${kpi.toLowerCase()}-by-${o.view}.csv`,
      csv: breakdownCsv(slices.map((s) => ({ ...s, label: label(s) }))),
      svg: barChartSvg({ width, height: 0, horizontal: true, title, theme, color: COLORS.bar, formatY: fmt, bars: slices.map((s) => ({ label: label(s), value: Number(s.value), color: s.isRest ? '#9ca3af' : undefined })) }),
    };
  }
  const d = await gql(R.kpiSeries, { id: kpi, period: o.period ?? null, interval: o.interval });
  if (!d.kpi) throw new Error(t('embed.notFound', { name: kpi }));
  const k = d.kpi;
  const full = (v: bigint | number) =>
    new Intl.NumberFormat(o.lang, money ? { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 } : {}).format(v);
  const percent = (v: number) => new Intl.NumberFormat(o.lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const planDate = (s: number) => new Intl.DateTimeFormat(o.lang, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(s * 1000);
  const projection = kpiProjection(k);
  const words = { value: (v: bigint | number | string) => full(BigInt(v)), date: planDate, percent };
  const standing = `${projectionText(projection, t, words)} ${statusBasisText(k.status, projection, BigInt(k.target), t, words)}`;
  // An ended period's series stops at its end: a range counts back from there, not from today.
  const points = clipToRange(k.series, o.range, k.ended ? k.periodEnd : k.asOf);
  const title = t('chart.cumulative', { kpi: kpiName });
  const dateFmt = new Intl.DateTimeFormat(o.lang, o.interval === 'DAY' || o.interval === 'WEEK' ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    title,
    status,
    backLink,
    kpiStatus: { status: k.status, text: standing },
    csvName: `${kpi.toLowerCase()}-series-${o.interval.toLowerCase()}.csv`,
    legend: legendHtml([
      { name: t('chart.actual'), color: COLORS.actual },
      { name: t('chart.plan'), color: COLORS.plan, dash: true },
      { name: t('chart.target'), color: COLORS.target, dash: true },
    ]),
    csv: seriesCsv(points, k.target),
    svg: lineChartSvg({
      width,
      height: 280,
      title,
      theme,
      formatY: fmt,
      labels: points.map((p) => dateFmt.format(p.from * 1000)),
      reference: { value: Number(k.target), label: `${t('chart.target')} ${formatAxis(o.lang, Number(k.target), money)}`, color: COLORS.target },
      series: [
        { name: 'plan', color: COLORS.plan, dash: '4 4', width: 1.5, values: points.map((p) => p.expected) },
        { name: 'actual', color: COLORS.actual, values: points.map((p) => Number(p.value)) },
      ],
    }),
  };
}

async function renderStats(metric: StatsMetric, o: EmbedOptions): Promise<Rendered> {
  const theme = o.theme === 'dark' ? DARK : LIGHT;
  const interval = o.interval;
  let from: number | null = null;
  const span = rangeSeconds(o.range);
  if (span !== null) {
    const { status } = await gql(R.embedStatus, {});
    from = Math.floor((status.latestBlockTime ?? Date.now() / 1000) - span);
  } else {
    from = 0; // whole history
  }
  const d = await gql(R.embedChainStats, { metric, interval, from });
  const metricName = t(`embed.stats.${metric}`);
  const title = t('embed.perInterval', { metric: metricName, interval: t(`intervalUnit.${interval}`) });
  const dateFmt = new Intl.DateTimeFormat(o.lang, { year: 'numeric', month: 'short', ...(interval === 'DAY' || interval === 'WEEK' ? { day: 'numeric' } : {}), timeZone: 'UTC' });
  return {
    title,
    status: d.status,
    backLink: urls.stats({ lang: o.lang, interval }),
    csvName: `${metric.toLowerCase()}-${interval.toLowerCase()}.csv`,
    csv: chainStatsCsv(d.chainStats),
    svg: lineChartSvg({
      width: chartWidth(),
      height: 260,
      title,
      theme,
      formatY: (v) => formatAxis(o.lang, v, false),
      labels: d.chainStats.map((p) => dateFmt.format(p.from * 1000)),
      series: [{ name: metric, color: COLORS.actual, values: d.chainStats.map((p) => p.value) }],
    }),
  };
}

async function main() {
  const root = document.getElementById('embed-root')!;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const navLang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const o = parseEmbedOptions(location.search, navLang, prefersDark ? 'dark' : 'light');
  document.documentElement.lang = o.lang;
  document.documentElement.dataset.theme = o.theme;
  dict = (await locales[`../i18n/locales/${o.lang}/alliance.json`]?.()) ?? {};
  startResizeReporting();

  const target = parseEmbedPath(location.pathname);
  try {
    if (target.kind === 'unknown') throw new Error(t('embed.notFound', { name: target.name }));
    let r = await (target.kind === 'kpi' ? renderKpi(target.kpi, o) : renderStats(target.metric, o));
    draw(root, r, o);
    // Re-draw at the new width when the frame is resized (the SVG is laid out for a width).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWidth = document.documentElement.clientWidth;
    window.addEventListener('resize', () => {
      if (document.documentElement.clientWidth === lastWidth) return;
      lastWidth = document.documentElement.clientWidth;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        r = await (target.kind === 'kpi' ? renderKpi(target.kpi, o) : renderStats((target as { metric: StatsMetric }).metric, o));
        draw(root, r, o);
      }, 150);
    });
  } catch (err) {
    root.innerHTML = `<p class="error" role="alert">${escapeXml((err as Error).message)}</p>`;
    root.dataset.state = 'error';
  }
}

function draw(root: HTMLElement, r: Rendered, o: EmbedOptions) {
  const time = r.status.latestBlockTime
    ? new Intl.DateTimeFormat(o.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(r.status.latestBlockTime * 1000)
    : '—';
  const asOf = t('embed.asOf', { block: new Intl.NumberFormat(o.lang).format(r.status.indexedHead), time });
  const csvUrl = URL.createObjectURL(csvBlob(r.csv));
  root.innerHTML =
    `<figure class="embed" data-state="ready">` +
    `<figcaption><h1>${escapeXml(r.title)}</h1>` +
    (r.status.isDevnet ? `<span class="demo">${escapeXml(t('embed.simulated'))}</span>` : '') +
    `</figcaption>` +
    (r.kpiStatus
      ? `<p class="kpi-status" data-status="${escapeXml(r.kpiStatus.status)}"><strong>${escapeXml(t(`status.${r.kpiStatus.status}`))}</strong> · ${escapeXml(r.kpiStatus.text)}</p>`
      : '') +
    `<div class="chart">${r.svg}</div>` +
    (r.legend ?? '') +
    `<footer><span class="asof">${escapeXml(asOf)}</span>` +
    `<a href="${escapeXml(r.backLink)}" target="_blank" rel="noopener">${escapeXml(t('embed.open'))}</a>` +
    `<a class="csv" href="${csvUrl}" download="${escapeXml(r.csvName)}">${escapeXml(t('embed.csv'))}</a>` +
    `</footer></figure>`;
  root.dataset.state = 'ready';
}

void main();
