import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountOverview, Figure, StatedPeriod } from '../../../src-preload/contract';
import { formatDay, formatFullNumber } from '../../lib/format';
import { useCssColors } from '../../lib/use-css-colors';
import { axisTicks } from './axis-ticks';
import { downsample } from './downsample';

const COLOR_VARS = ['chart-1', 'chart-grid', 'text-muted', 'surface', 'border', 'text'] as const;

interface Point {
  day: string;
  label: string;
  current: number | null;
  previous: number | null;
}

const cache = new WeakMap<Figure, Point[]>();

/** Days of the period with this figure and the same position of the previous period, shaped once per figure. */
export function chartPoints(days: readonly string[], figure: Figure): Point[] {
  const hit = cache.get(figure);
  if (hit) return hit;
  const points = days.map((day, i) => ({ day, label: formatDay(day), current: figure.series?.current[i] ?? null, previous: figure.series?.previous[i] ?? null }));
  const reduced = Object.freeze(downsample(points, (p) => p.current)) as Point[];
  cache.set(figure, reduced);
  return reduced;
}

/** Daily chart of one figure: the period solid, the previous period as a faint line; today marked partial. */
export default function FigureChart({ account, figure, period }: { account: AccountOverview; figure: Figure; period: StatedPeriod }) {
  const colors = useCssColors(COLOR_VARS);
  const points = useMemo(() => chartPoints(account.days, figure), [account.days, figure]);
  const axis = useMemo(() => axisTicks(points.flatMap((p) => [p.current, p.previous])), [points]);
  const weekly = account.bucketDays > 1;
  const todayLabel = period.includesToday && !weekly ? formatDay(period.today) : null;
  return (
    <div className="chart" role="img" aria-label={`${weekly ? 'Weekly' : 'Daily'} ${figure.label.toLowerCase()}, ${period.label}, with ${period.previousLabel} as a faint line`} data-chart={figure.id}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors['chart-grid']} vertical={false} />
          <XAxis dataKey="label" tick={{ fill: colors['text-muted'], fontSize: 12 }} tickLine={false} axisLine={{ stroke: colors.border }} minTickGap={24} />
          <YAxis ticks={axis.ticks} domain={[0, axis.ticks.at(-1) ?? 'auto']} tickFormatter={axis.format} tick={{ fill: colors['text-muted'], fontSize: 12 }} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            separator=": "
            formatter={(value, name) => [formatFullNumber(typeof value === 'number' ? value : null), name]}
            labelFormatter={(_label, payload) => {
              const day = (payload?.[0]?.payload as Point | undefined)?.day;
              if (!day) return '';
              if (weekly) return `Week from ${formatDay(day, true)} (sum of ${account.bucketDays} days)`;
              return `${formatDay(day, true)}${day === period.today ? ' (today, partial)' : ''}`;
            }}
            contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.text }}
            labelStyle={{ color: colors.text }}
          />
          <Legend wrapperStyle={{ color: colors['text-muted'], fontSize: 12 }} />
          <Line type="monotone" dataKey="previous" name={`Previous period (${period.previousLabel})`} stroke={colors['text-muted']} strokeOpacity={0.45} strokeDasharray="4 3" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line type="monotone" dataKey="current" name={`${figure.label} (${period.label})`} stroke={colors['chart-1']} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          {todayLabel && <ReferenceLine x={todayLabel} stroke={colors['text-muted']} strokeDasharray="2 2" label={{ value: 'Today (partial)', fill: colors['text-muted'], fontSize: 11, position: 'insideTopRight' }} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
