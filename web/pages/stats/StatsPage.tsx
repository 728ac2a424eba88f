import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { EmptyState, ErrorState, Skeleton, SkeletonRows } from '../../components/states';
import { useResource, useStatus } from '../../lib/hooks';
import { useUrlState } from '../../lib/urlState';
import { useFormat } from '../../lib/format';
import type { ChainStatsMetric, Interval } from '../../lib/resources';
import ValidatorCharts from '../validators/ValidatorCharts';

const AreaTrend = lazy(() => import('../../components/AreaTrend'));

const INTERVALS: Interval[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER'];
const RANGES = { '30d': 30, '90d': 90, '1y': 365, all: null } as const;
type Range = keyof typeof RANGES;
const METRICS: { id: ChainStatsMetric; color: string }[] = [
  { id: 'TRANSACTIONS', color: 'var(--chart-1)' },
  { id: 'BLOCKS', color: 'var(--chart-2)' },
  { id: 'ACTIVE_ACCOUNTS', color: 'var(--chart-3)' },
  { id: 'AVG_BLOCK_TIME', color: 'var(--chart-4)' },
];

function pick<T extends string>(v: string | null, allowed: readonly T[], dflt: T): T {
  return allowed.includes(v as T) ? (v as T) : dflt;
}

function MetricChart({ metric, color, interval, from, to }: { metric: ChainStatsMetric; color: string; interval: Interval; from: number; to?: number }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const q = useResource('chainStats', { metric, interval, from, to });
  const points = q.data?.chainStats;
  const avg = metric === 'AVG_BLOCK_TIME';
  const total = points?.reduce((s, p) => s + p.value, 0) ?? 0;
  const nonEmpty = points?.filter((p) => p.value > 0) ?? [];
  const summary = avg
    ? t('stats.average', { value: f.number(nonEmpty.length ? nonEmpty.reduce((s, p) => s + p.value, 0) / nonEmpty.length : 0, { maximumFractionDigits: 1 }) })
    : t('stats.total', { value: f.number(total) });
  return (
    <Card title={t(`stats.metrics.${metric}`)} actions={points && <span className="muted">{summary}</span>} testId={`chart-${metric}`}>
      {q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !points ? (
        <Skeleton height={260} width="100%" />
      ) : points.length === 0 ? (
        <EmptyState title={t('stats.empty')} />
      ) : (
        <div className="chart-box">
          <Suspense fallback={<Skeleton height={260} width="100%" />}>
            <AreaTrend
              points={points}
              x="from"
              color={color}
              name={t(`stats.metrics.${metric}`)}
              formatValue={(v) => (avg ? f.number(v, { maximumFractionDigits: 1 }) : f.compact(v))}
              formatDate={(s) => f.date(s)}
            />
          </Suspense>
        </div>
      )}
    </Card>
  );
}

export default function StatsPage() {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const [params, set] = useUrlState();
  const interval = pick(params.get('interval'), INTERVALS, 'DAY');
  const range = pick(params.get('range'), Object.keys(RANGES) as Range[], '90d');
  const status = useStatus();
  const now = status.data?.status.latestBlockTime;

  // "Now" is the latest indexed block's time (the devnet's history is simulated), so the
  // window is the same for everyone sharing the URL at that height.
  const days = RANGES[range];
  const from = now == null ? undefined : days == null ? 0 : Math.floor(now / 86_400) * 86_400 - days * 86_400;

  return (
    <>
      <div className="page-head">
        <h1>{t('stats.title')}</h1>
        {now != null && <span className="muted">{t('stats.asOf', { time: f.dateTime(now) })}</span>}
      </div>
      <div className="controls" style={{ marginBottom: '1rem' }}>
        <label>
          {t('stats.interval')}
          <select value={interval} onChange={(e) => set('interval', e.target.value)} data-testid="stats-interval">
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {t(`stats.intervals.${i}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stats.range')}
          <select value={range} onChange={(e) => set('range', e.target.value)} data-testid="stats-range">
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <option key={r} value={r}>
                {t(`stats.ranges.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status.error && !status.data ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : from == null ? (
        <SkeletonRows rows={8} />
      ) : (
        <div className="grid-2">
          {METRICS.map((m) => (
            <MetricChart key={m.id} metric={m.id} color={m.color} interval={interval} from={from} />
          ))}
        </div>
      )}
      <div className="grid-2">
        <ValidatorCharts />
      </div>
    </>
  );
}
