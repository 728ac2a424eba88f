// Loaded only on chart routes: the one explorer module that imports recharts.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatPoint } from '../../lib/resources';

export default function StatsChart({
  points,
  color,
  formatValue,
  formatDate,
  name,
}: {
  points: StatPoint[];
  color: string;
  formatValue: (v: number) => string;
  formatDate: (s: number) => string;
  name: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="from" tickFormatter={formatDate} stroke="var(--muted)" fontSize={11} minTickGap={24} />
        <YAxis tickFormatter={formatValue} stroke="var(--muted)" fontSize={11} width={48} />
        <Tooltip
          labelFormatter={(v) => formatDate(Number(v))}
          formatter={(v) => [formatValue(Number(v)), name]}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        <Area type="monotone" dataKey="value" name={name} stroke={color} fill={color} fillOpacity={0.18} strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
