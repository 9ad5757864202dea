import { parseInsightsResponse } from '../meta/insights';
import type { MetricSnapshot } from '../store/repositories/posts';

/** A post's metrics by name: a number, or a map for per-type metrics (reactions by type). */
export type MetricValues = Record<string, number | Record<string, number>>;

/** Each metric of an insights response as one value: its total, else its newest point. */
export function insightValues(insights: unknown): MetricValues {
  const values: MetricValues = {};
  for (const metric of parseInsightsResponse(insights).metrics) {
    const value = metric.total ?? metric.values.at(-1)?.value;
    if (value !== undefined && value !== null) values[metric.name] = value;
  }
  return values;
}

const MEDIA_COLUMNS: Record<string, keyof Omit<MetricSnapshot, 'extra'>> = {
  views: 'views',
  reach: 'reach',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saved: 'saves',
  total_interactions: 'totalInteractions',
};

const PAGE_POST_COLUMNS: Record<string, keyof Omit<MetricSnapshot, 'extra'>> = {
  post_media_view: 'views',
  post_total_media_view_unique: 'reach',
};

/**
 * Lifetime metrics → a snapshot row: chart metrics go to their columns, other numbers to
 * `extra`. Page posts count likes as the sum of reactions by type.
 */
export function toSnapshot(values: MetricValues, kind: 'ig-media' | 'page-post'): MetricSnapshot {
  const columns = kind === 'ig-media' ? MEDIA_COLUMNS : PAGE_POST_COLUMNS;
  const snapshot: MetricSnapshot = { extra: {} };
  for (const [name, value] of Object.entries(values)) {
    if (kind === 'page-post' && name === 'post_reactions_by_type_total' && typeof value === 'object') {
      snapshot.likes = Object.values(value).reduce((a, b) => a + b, 0);
      continue;
    }
    if (typeof value !== 'number') continue;
    const column = columns[name];
    if (column) snapshot[column] = value;
    else snapshot.extra![name] = value;
  }
  return snapshot;
}
