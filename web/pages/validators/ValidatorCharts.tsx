// /stats: the spread of block times and blocks per validator by month. Loaded with the stats
// page, the one explorer route that pulls in recharts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useLiveResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import './resources';

const BLOCKS = 1000;
const MONTHS = 12;
/** Validators drawn apart in the per-validator chart; the rest are summed as "others". */
const TOP = 8;
const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#64748b'];

function duration(lang: string, seconds: number): string {
  const [value, unit] = seconds >= 3600 ? [seconds / 3600, 'hour'] : seconds >= 60 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(value);
}

export default function ValidatorCharts() {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const q = useLiveResource('validatorCharts', { blocks: BLOCKS, buckets: MONTHS });
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <SkeletonRows rows={8} />;
  const { blockTimeDistribution: hist, blocksPerValidator: series } = q.data;

  const label = (b: (typeof hist)[number]) =>
    b.maxSeconds == null
      ? t('stats.over', { min: duration(f.lang, b.minSeconds) })
      : b.minSeconds === 0
        ? t('stats.under', { max: duration(f.lang, b.maxSeconds) })
        : t('stats.range', { min: duration(f.lang, b.minSeconds), max: duration(f.lang, b.maxSeconds) });
  const histData = hist.map((b) => ({ label: label(b), count: b.count }));
  const total = hist.reduce((s, b) => s + b.count, 0);

  const ranked = [...series].sort((a, b) => b.points.reduce((s, p) => s + p.value, 0) - a.points.reduce((s, p) => s + p.value, 0));
  const shown = ranked.slice(0, TOP);
  const rest = ranked.slice(TOP);
  const names = shown.map((s) => memberName(s.member, f.lang) ?? s.nodeLabel ?? `${s.address.slice(0, 10)}…`);
  const months = series[0]?.points.map((p) => p.date) ?? [];
  const perMonth = months.map((date, i) => {
    const row: Record<string, string | number> = { date: date.slice(0, 7) };
    shown.forEach((s, k) => (row[names[k]!] = s.points[i]!.value));
    if (rest.length) row[t('others')] = rest.reduce((sum, s) => sum + s.points[i]!.value, 0);
    return row;
  });
  const keys = rest.length ? [...names, t('others')] : names;
  const tooltip = { contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' } };

  return (
    <>
      <Card title={t('stats.blockTimes')} actions={<span className="muted">{t('stats.blockTimesNote', { count: f.number(total + 1) })}</span>} testId="chart-block-times">
        {total === 0 ? (
          <EmptyState title={t('stats.empty')} />
        ) : (
          <div style={{ height: 240 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={histData} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
                <XAxis dataKey="label" stroke="var(--muted)" fontSize={11} interval="preserveStartEnd" />
                <YAxis tickFormatter={(v) => f.number(Number(v))} stroke="var(--muted)" fontSize={11} width={48} />
                <Tooltip formatter={(v) => [f.number(Number(v)), t('stats.blocks')]} {...tooltip} />
                <Bar dataKey="count" name={t('stats.blocks')} fill={COLORS[0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
      <Card title={t('stats.perValidator')} testId="chart-blocks-per-validator">
        {series.length === 0 ? (
          <EmptyState title={t('stats.empty')} />
        ) : (
          <div style={{ height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={perMonth} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
                <XAxis dataKey="date" stroke="var(--muted)" fontSize={11} minTickGap={16} />
                <YAxis tickFormatter={(v) => f.number(Number(v))} stroke="var(--muted)" fontSize={11} width={40} />
                <Tooltip formatter={(v, name) => [f.number(Number(v)), String(name)]} {...tooltip} />
                <Legend wrapperStyle={{ fontSize: 11 }} />
                {keys.map((k, i) => (
                  <Bar key={k} dataKey={k} stackId="v" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
    </>
  );
}
