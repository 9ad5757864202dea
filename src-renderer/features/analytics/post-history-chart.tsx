import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PostDetail } from '../../../src-preload/contract';
import { formatDateTime, formatFullNumber } from '../../lib/format';
import { useCssColors } from '../../lib/use-css-colors';
import { axisTicks } from './axis-ticks';
import { downsample } from './downsample';

const COLOR_VARS = ['chart-1', 'chart-2', 'chart-grid', 'text-muted', 'surface', 'border', 'text'] as const;

/** A post's lifetime views and reach as read at each sync (Meta keeps no history of them, we do). */
export default function PostHistoryChart({ history }: { history: PostDetail['history'] }) {
  const colors = useCssColors(COLOR_VARS);
  const points = useMemo(() => downsample(history, (h) => h.views), [history]);
  const axis = useMemo(() => axisTicks(points.flatMap((p) => [p.views, p.reach])), [points]);
  // Young posts have all their reads within days: show hours then, or every tick says the same date.
  const span = history.length > 1 ? history.at(-1)!.at - history[0]!.at : 0;
  const day = new Intl.DateTimeFormat(undefined, span < 4 * 86_400_000 ? { weekday: 'short', hour: 'numeric' } : { month: 'short', day: 'numeric' });
  return (
    <div className="chart" role="img" aria-label="Views and reach of this post over time">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors['chart-grid']} vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => day.format(new Date(v))} tick={{ fill: colors['text-muted'], fontSize: 12 }} minTickGap={24} />
          <YAxis ticks={axis.ticks} domain={[0, axis.ticks.at(-1) ?? 'auto']} tickFormatter={axis.format} tick={{ fill: colors['text-muted'], fontSize: 12 }} width={56} axisLine={false} tickLine={false} />
          <Tooltip labelFormatter={(v) => formatDateTime(Number(v))} formatter={(v, n) => [formatFullNumber(typeof v === 'number' ? v : null), n]}
            contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.text }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="views" name="Views" stroke={colors['chart-1']} dot={false} isAnimationActive={false} strokeWidth={2} />
          <Line dataKey="reach" name="Reach" stroke={colors['chart-2']} dot={false} isAnimationActive={false} strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
