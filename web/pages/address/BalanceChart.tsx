// Loaded only on the address page, on demand: the balance-history step chart (recharts).
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { balanceSeries } from '../../lib/tokens';

export default function BalanceChart({
  points,
  formatValue,
  formatDate,
  name,
}: {
  points: ReturnType<typeof balanceSeries>;
  formatValue: (v: number) => string;
  formatDate: (s: number) => string;
  name: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatDate} stroke="var(--muted)" fontSize={11} minTickGap={32} />
        <YAxis tickFormatter={formatValue} stroke="var(--muted)" fontSize={11} width={56} />
        <Tooltip
          labelFormatter={(v) => formatDate(Number(v))}
          formatter={(v) => [formatValue(Number(v)), name]}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        <Area type="stepAfter" dataKey="value" name={name} stroke="var(--chart-1)" fill="var(--chart-1)" fillOpacity={0.18} strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
