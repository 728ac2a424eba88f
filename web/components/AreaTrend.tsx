// The explorer's one recharts module, loaded on demand by the pages that draw a chart
// (/stats, the address page's balance history): one series as a filled area.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export default function AreaTrend({
  points,
  x,
  timeAxis = false,
  step = false,
  color = 'var(--chart-1)',
  yWidth = 48,
  formatValue,
  formatDate,
  name,
}: {
  points: readonly ({ value: number } & Record<string, unknown>)[];
  /** The field of each point on the x axis, in seconds. (Loaded through React.lazy, which drops type parameters.) */
  x: string;
  /** A proportional time axis (irregular points), rather than one slot per point. */
  timeAxis?: boolean;
  /** Hold each value until the next point (a balance), rather than a smooth curve. */
  step?: boolean;
  color?: string;
  yWidth?: number;
  formatValue: (v: number) => string;
  formatDate: (s: number) => string;
  name: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis
          dataKey={x}
          {...(timeAxis ? { type: 'number' as const, scale: 'time' as const, domain: ['dataMin', 'dataMax'] } : {})}
          tickFormatter={formatDate}
          stroke="var(--muted)"
          fontSize={11}
          minTickGap={timeAxis ? 32 : 24}
        />
        <YAxis tickFormatter={formatValue} stroke="var(--muted)" fontSize={11} width={yWidth} />
        <Tooltip
          labelFormatter={(v) => formatDate(Number(v))}
          formatter={(v) => [formatValue(Number(v)), name]}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        <Area type={step ? 'stepAfter' : 'monotone'} dataKey="value" name={name} stroke={color} fill={color} fillOpacity={0.18} strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
