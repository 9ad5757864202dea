import type { AnalyticsOverview } from '../../../src-preload/contract';
import { formatDay } from '../../lib/format';

export const METRICS = ['reach', 'views', 'interactions'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  reach: 'Reach',
  views: 'Views',
  interactions: 'Interactions',
};

export interface ChartPoint {
  readonly day: string;
  readonly label: string;
  readonly reach: number | null;
  readonly views: number | null;
  readonly interactions: number | null;
}

const chartCache = new WeakMap<AnalyticsOverview, readonly ChartPoint[]>();

/**
 * The daily series shaped for the chart, frozen and cached per overview object, so the chart
 * gets the very same array until new figures arrive (no re-render churn, no accidental mutation).
 */
export function selectChartSeries(overview: AnalyticsOverview): readonly ChartPoint[] {
  const cached = chartCache.get(overview);
  if (cached) return cached;
  const points = Object.freeze(
    overview.series.map((point) =>
      Object.freeze({
        day: point.day,
        label: formatDay(point.day),
        reach: point.reach,
        views: point.views,
        interactions: point.interactions,
      }),
    ),
  );
  chartCache.set(overview, points);
  return points;
}

/** True when there is anything real to show; an empty store must never look like zeros. */
export function hasAnalyticsData(overview: AnalyticsOverview | null): overview is AnalyticsOverview {
  if (!overview) return false;
  const { totals } = overview;
  if (totals.posts > 0 || totals.reach > 0 || totals.views > 0 || totals.interactions > 0) return true;
  if (overview.topPosts.length > 0) return true;
  return overview.series.some((point) => METRICS.some((metric) => (point[metric] ?? 0) !== 0));
}
