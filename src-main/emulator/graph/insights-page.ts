/** `GET /{page-id}/insights`: current (post-2025-11) Page metrics, ≤ 90 days per request. */
import { GraphError, paramError } from '../core/errors';
import { graphUrl } from '../core/paging';
import { pageDay, type PageDay } from '../world/daily-insights';
import { DAY_MS, formatGraphTime } from '../world/time';
import type { Page } from '../world/types';
import { daysIn, dedupe } from './insights-ig-values';
import { describe, metricList, requirePageToken } from './insights-meta';
import { parseTimeParam } from './list';
import type { EdgeRequest, GraphCtx } from './render';

const ROLLING = ['day', 'week', 'days_28'];
/** Current Page metrics and their periods; anything else (page_impressions*, page_fans*…) is invalid. */
const PAGE_METRICS: Record<string, readonly string[]> = {
  page_media_view: ROLLING,
  page_total_media_view_unique: ROLLING,
  page_post_engagements: ROLLING,
  page_total_actions: ROLLING,
  page_views_total: ROLLING,
  page_video_views: ROLLING,
  page_follows: ['day'],
  page_daily_follows: ['day'],
  page_daily_follows_unique: ['day'],
  page_daily_unfollows_unique: ['day'],
  page_fan_adds_by_paid_non_paid_unique: ['day'],
};
const MAX_WINDOW_S = 90 * 86_400;

function dayValue(day: PageDay, metric: string): number | Record<string, number> {
  switch (metric) {
    case 'page_daily_follows':
    case 'page_daily_follows_unique':
      return day.page_daily_follows;
    case 'page_daily_unfollows_unique':
      return day.page_daily_unfollows;
    case 'page_fan_adds_by_paid_non_paid_unique':
      return { total: day.page_daily_follows, paid: day.paid_follows, unpaid: day.page_daily_follows - day.paid_follows };
    default:
      return day[metric as keyof PageDay];
  }
}

function value(ctx: GraphCtx, page: Page, metric: string, period: string, dayStart: number): unknown {
  const span = period === 'week' ? 7 : period === 'days_28' ? 28 : 1;
  if (span === 1) return dayValue(pageDay(ctx.world, page, dayStart), metric);
  let sum = 0;
  for (let i = 0; i < span; i++) sum += dayValue(pageDay(ctx.world, page, dayStart - i * DAY_MS), metric) as number;
  return metric.endsWith('_unique') ? Math.round(sum * dedupe(span)) : sum;
}

/** The insights edge of a Page. */
export function pageInsightsEdge(ctx: GraphCtx, page: Page, req: EdgeRequest): Record<string, unknown> {
  requirePageToken(ctx);
  const p = req.params;
  const metrics = metricList(p.metric);
  if (metrics.length === 0) {
    throw new GraphError(400, 3001, 'Invalid query', 'OAuthException', {
      subcode: 1504028,
      userTitle: 'No Metric Specified',
      userMsg: 'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.',
    });
  }
  for (const m of metrics) if (!PAGE_METRICS[m]) throw paramError('The value must be a valid insights metric');
  const now = ctx.world.now;
  const untilIn = parseTimeParam('until', p.until);
  const until = untilIn ?? now;
  const since = parseTimeParam('since', p.since) ?? until - 2 * DAY_MS;
  if (since >= until) throw paramError('The since parameter must be earlier than the until parameter');
  if (Math.floor(until / 1000) - Math.floor(since / 1000) > MAX_WINDOW_S) {
    throw paramError('There cannot be more than 90 days (7776000 s) between since and until');
  }
  // Page insights report finished days only.
  const days = daysIn(since, Math.min(until, now), now).filter((d) => d + DAY_MS <= now);
  const data: unknown[] = [];
  for (const m of metrics) {
    const periods = p.period ? (PAGE_METRICS[m] ?? []).filter((x) => x === p.period) : (PAGE_METRICS[m] ?? []);
    for (const period of periods) {
      data.push({
        name: m,
        period,
        values: days.map((d) => ({ value: value(ctx, page, m, period, d), end_time: formatGraphTime(d + DAY_MS) })),
        ...describe(m),
        id: `${page.id}/insights/${m}/${period}`,
      });
    }
  }
  const span = Math.floor(until / 1000) - Math.floor(since / 1000);
  const s0 = Math.floor(since / 1000);
  const at = (s: number): Record<string, string> => ({ since: String(s), until: String(s + span) });
  return { data, paging: { previous: graphUrl(req.loc, at(s0 - span)), next: graphUrl(req.loc, at(s0 + span)) } };
}
