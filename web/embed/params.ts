// Embed URL options, shared by the embed page (which reads them) and the app's Embed dialog
// (which writes them). Pure: no DOM.
import { isKpiId, type KpiId } from '../alliance/lib/kpi';
import type { ChainStatsMetric, Interval } from '../generated/graphql';
import { urls } from '../lib/urls';

export const EMBED_VIEWS = ['cumulative', 'quarterly', 'member', 'sector', 'region', 'pipeline'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];
export const EMBED_RANGES = ['period', '5y', '3y', '1y', '6m'] as const;
export type EmbedRange = (typeof EMBED_RANGES)[number];
/** Every ChainStatsMetric of schema.graphql, in display order. */
const STATS_METRICS = ['TRANSACTIONS', 'BLOCKS', 'AVG_BLOCK_TIME', 'GAS_USED', 'ACTIVE_ACCOUNTS'] as const satisfies readonly ChainStatsMetric[];
export type StatsMetric = ChainStatsMetric;
/** The intervals the embed dialog offers (DAY is accepted from a URL too). */
export const EMBED_INTERVALS = ['WEEK', 'MONTH', 'QUARTER'] as const satisfies readonly Interval[];
export type EmbedInterval = Interval;

export interface EmbedOptions {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
  range: EmbedRange;
  interval: EmbedInterval;
  view: EmbedView;
  period?: string;
}

export type EmbedTarget = { kind: 'kpi'; kpi: KpiId } | { kind: 'stats'; metric: StatsMetric } | { kind: 'unknown'; name: string };

export function parseEmbedPath(pathname: string): EmbedTarget {
  const m = /^\/embed\/(kpi|stats)\/([^/?#]+)\/?$/.exec(pathname);
  if (!m) return { kind: 'unknown', name: pathname };
  const name = decodeURIComponent(m[2]!).toUpperCase();
  if (m[1] === 'kpi' && isKpiId(name)) return { kind: 'kpi', kpi: name };
  if (m[1] === 'stats' && (STATS_METRICS as readonly string[]).includes(name)) return { kind: 'stats', metric: name as StatsMetric };
  return { kind: 'unknown', name: decodeURIComponent(m[2]!) };
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseEmbedOptions(search: string, fallbackLang: 'zh-CN' | 'en', fallbackTheme: 'light' | 'dark'): EmbedOptions {
  const q = new URLSearchParams(search);
  const langRaw = (q.get('lang') ?? '').toLowerCase();
  const lang = langRaw.startsWith('zh') ? 'zh-CN' : langRaw.startsWith('en') ? 'en' : fallbackLang;
  return {
    lang,
    theme: pick(q.get('theme'), ['light', 'dark'] as const, fallbackTheme),
    range: pick(q.get('range'), EMBED_RANGES, 'period'),
    interval: pick(q.get('interval'), [...EMBED_INTERVALS, 'DAY'] as const, 'MONTH'),
    view: pick(q.get('view'), EMBED_VIEWS, 'cumulative'),
    period: q.get('period') || undefined,
  };
}

/** Path + query of an embed, e.g. /embed/kpi/PATENTS?lang=zh-CN&theme=light&range=period. */
export function embedPath(target: { kind: 'kpi'; kpi: KpiId } | { kind: 'stats'; metric: StatsMetric }, o: Partial<EmbedOptions>): string {
  const q = { lang: o.lang, theme: o.theme, range: o.range, interval: o.interval, view: o.view !== 'cumulative' ? o.view : undefined, period: o.period };
  return target.kind === 'kpi' ? urls.embedKpi(target.kpi, q) : urls.embedStats(target.metric, q);
}

/** The iframe snippet the Embed dialog hands out. */
export function iframeSnippet(origin: string, path: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(origin + path)}" title="${esc(title)}" loading="lazy" style="width:100%;border:0" height="${height}"></iframe>`;
}

/** Seconds a range covers, or null for the whole plan period. */
export function rangeSeconds(range: EmbedRange): number | null {
  const day = 86_400;
  switch (range) {
    case '5y':
      return Math.round(5 * 365.2425 * day);
    case '3y':
      return Math.round(3 * 365.2425 * day);
    case '1y':
      return Math.round(365.2425 * day);
    case '6m':
      return Math.round(182.62 * day);
    default:
      return null;
  }
}

/** Keep the points whose bucket ends after `asOf - range`. */
export function clipToRange<T extends { to: number }>(points: readonly T[], range: EmbedRange, asOf: number): T[] {
  const span = rangeSeconds(range);
  if (span === null) return [...points];
  const cutoff = asOf - span;
  return points.filter((p) => p.to > cutoff);
}
