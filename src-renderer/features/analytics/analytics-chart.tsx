import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatFullNumber } from '../../lib/format';
import { useCssColors } from '../../lib/use-css-colors';
import { axisTicks } from './axis-ticks';
import { METRICS, METRIC_LABELS, type ChartPoint, type Metric } from './analytics-selectors';

const COLOR_VARS = ['chart-1', 'chart-fill', 'chart-grid', 'text-muted', 'surface', 'border', 'text'] as const;

/** One metric at a time: reach, views and interactions live on very different scales. */
export function AnalyticsChart({ points }: { points: readonly ChartPoint[] }) {
  const [metric, setMetric] = useState<Metric>('reach');
  const colors = useCssColors(COLOR_VARS);
  const axis = useMemo(() => axisTicks(points.map((point) => point[metric])), [points, metric]);

  return (
    <section className="panel" aria-labelledby="daily-chart-title" data-chart-metric={metric}>
      <div className="panel__header">
        <h2 id="daily-chart-title">Daily {METRIC_LABELS[metric].toLowerCase()}</h2>
        <div className="segmented" role="group" aria-label="Metric shown in the chart">
          {METRICS.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={option === metric}
              onClick={() => setMetric(option)}
            >
              {METRIC_LABELS[option]}
            </button>
          ))}
        </div>
      </div>
      <div className="chart" role="img" aria-label={`Line chart of daily ${METRIC_LABELS[metric].toLowerCase()}`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points as ChartPoint[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={colors['chart-grid']} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: colors['text-muted'], fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: colors.border }}
              minTickGap={24}
            />
            <YAxis
              ticks={axis.ticks}
              domain={[0, axis.ticks.at(-1) ?? 'auto']}
              tickFormatter={axis.format}
              tick={{ fill: colors['text-muted'], fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={56}
            />
            <Tooltip
              separator=": "
              formatter={(value) => [formatFullNumber(typeof value === 'number' ? value : null), METRIC_LABELS[metric]]}
              labelFormatter={(_label, payload) => {
                const day = (payload?.[0]?.payload as ChartPoint | undefined)?.day;
                return day ? formatDay(day, true) : '';
              }}
              contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.text }}
              labelStyle={{ color: colors.text }}
            />
            <Area
              type="monotone"
              dataKey={metric}
              name={METRIC_LABELS[metric]}
              stroke={colors['chart-1']}
              strokeWidth={2}
              fill={colors['chart-fill']}
              isAnimationActive={false}
              connectNulls={false}
              dot={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
