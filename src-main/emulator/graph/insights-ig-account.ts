/**
 * `GET /{ig-user-id}/insights` with Meta's 2026 rules: total_value required per metric,
 * follower_count rejects it, ≤ 30 days between since and until, demographics only as
 * lifetime/total_value with a breakdown, retired metrics fail the whole call.
 */
import { GraphError, paramError } from '../core/errors';
import { followersAt } from '../world/growth';
import { graphUrl } from '../core/paging';
import type { DemographicDimension } from '../world/demographics';
import { DAY_MS, formatGraphTime, insightsDayStart } from '../world/time';
import type { IgAccount } from '../world/types';
import { breakdownResults, daysIn, demographicsValue, seriesValue, windowTotal } from './insights-ig-values';
import { describe, metricList } from './insights-meta';
import { parseTimeParam } from './list';
import type { EdgeRequest, GraphCtx } from './render';

const TOTAL_VALUE_ONLY = [
  'views', 'accounts_engaged', 'total_interactions', 'likes', 'comments', 'shares', 'saves', 'replies', 'reposts',
  'profile_links_taps', 'follows_and_unfollows', 'profile_views',
];
const DEMOGRAPHICS = ['follower_demographics', 'engaged_audience_demographics', 'reached_audience_demographics'];
/** Every account metric currently accepted (listed in the "must be one of" error). */
export const ACCOUNT_METRICS: readonly string[] = ['reach', ...TOTAL_VALUE_ONLY, 'follower_count', 'online_followers', ...DEMOGRAPHICS];
const PERIODS = ['day', 'week', 'days_28', 'month', 'lifetime', 'total_over_range'];
const TIMEFRAMES = ['this_week', 'this_month'];
const DEMO_DIMS: readonly string[] = ['age', 'gender', 'city', 'country'];
const BREAKDOWNS: Record<string, readonly string[]> = {
  reach: ['follower_type', 'media_product_type'],
  views: ['follower_type', 'media_product_type'],
  total_interactions: ['media_product_type'],
  likes: ['media_product_type'],
  comments: ['media_product_type'],
  shares: ['media_product_type'],
  saves: ['media_product_type'],
  replies: ['media_product_type'],
  reposts: ['media_product_type'],
  follows_and_unfollows: ['follow_type'],
  profile_links_taps: ['contact_button_type'],
};
const MAX_WINDOW_S = 30 * 86_400;

function allowedPeriods(metric: string, totalValue: boolean): readonly string[] {
  if (DEMOGRAPHICS.includes(metric) || metric === 'online_followers') return ['lifetime'];
  if (metric === 'reach' && !totalValue) return ['day', 'week', 'days_28'];
  return ['day'];
}

function validate(metrics: string[], p: Record<string, string>): { totalValue: boolean; breakdown: string[] } {
  if (metrics.length === 0) throw paramError('The parameter metric is required');
  metrics.forEach((m, i) => {
    if (!ACCOUNT_METRICS.includes(m)) throw paramError(`metric[${i}] must be one of the following values: ${ACCOUNT_METRICS.join(', ')}`);
  });
  const period = p.period;
  if (!period) throw paramError('The parameter period is required');
  if (!PERIODS.includes(period)) throw paramError(`period must be one of the following values: ${PERIODS.join(', ')}`);
  const metricType = p.metric_type;
  if (metricType !== undefined && metricType !== 'time_series' && metricType !== 'total_value') {
    throw paramError('metric_type must be one of the following values: time_series, total_value');
  }
  const totalValue = metricType === 'total_value';
  if (totalValue && metrics.includes('follower_count')) throw paramError('follower_count does not support metric_type=total_value');
  const needTotal = metrics.filter((m) => TOTAL_VALUE_ONLY.includes(m) || DEMOGRAPHICS.includes(m));
  if (!totalValue && needTotal.length > 0) {
    throw paramError(`The following metrics (${needTotal.join(', ')}) should be specified with parameter metric_type=total_value`);
  }
  const badPeriod = metrics.filter((m) => !allowedPeriods(m, totalValue).includes(period));
  if (badPeriod.length > 0) throw paramError(`Incompatible period ${period} for the following metrics (${badPeriod.join(', ')})`);
  const breakdown = metricList(p.breakdown);
  const demo = metrics.filter((m) => DEMOGRAPHICS.includes(m));
  if (demo.length > 0) {
    if (breakdown.length === 0 || breakdown.some((b) => !DEMO_DIMS.includes(b))) {
      throw paramError(`The following metrics (${demo.join(', ')}) require a breakdown parameter: one or more of ${DEMO_DIMS.join(', ')}`);
    }
    const needsTimeframe = demo.some((m) => m !== 'follower_demographics');
    if ((p.timeframe !== undefined || needsTimeframe) && !TIMEFRAMES.includes(p.timeframe ?? '')) {
      throw paramError(`timeframe must be one of the following values: ${TIMEFRAMES.join(', ')}`);
    }
  } else if (breakdown.length > 0) {
    if (!totalValue) throw paramError('breakdown is only supported with metric_type=total_value');
    const unsupported = metrics.filter((m) => breakdown.some((b) => !(BREAKDOWNS[m] ?? []).includes(b)));
    if (unsupported.length > 0) throw paramError(`The following metrics (${unsupported.join(', ')}) do not support the breakdown(s): ${breakdown.join(', ')}`);
  }
  return { totalValue, breakdown };
}

/** Resolves since/until (ms) with Meta's defaults and the 30-day / 2-year limits. */
function window(ctx: GraphCtx, p: Record<string, string>, totalValue: boolean): { since: number; until: number } {
  const now = ctx.world.now;
  const sinceIn = parseTimeParam('since', p.since);
  const untilIn = parseTimeParam('until', p.until);
  const until = untilIn ?? now;
  const since = sinceIn ?? until - (totalValue ? 1 : 2) * DAY_MS;
  if (since >= until) throw paramError('The since parameter must be earlier than the until parameter');
  if (Math.floor(until / 1000) - Math.floor(since / 1000) > MAX_WINDOW_S) {
    throw paramError('There cannot be more than 30 days (2592000 s) between since and until');
  }
  if (since < now - 2 * 365 * DAY_MS - DAY_MS) throw paramError('Insights data is only available for the last 2 years');
  return { since, until: Math.min(until, now) };
}

/** The insights edge of an IG user. */
export function igAccountInsightsEdge(ctx: GraphCtx, account: IgAccount, req: EdgeRequest): Record<string, unknown> {
  const p = req.params;
  const metrics = metricList(p.metric);
  const { totalValue, breakdown } = validate(metrics, p);
  refuseUnder100Followers(ctx, account, metrics);
  const period = p.period as string;
  const entry = (name: string, body: Record<string, unknown>): Record<string, unknown> => ({
    name,
    period,
    ...body,
    ...describe(name),
    id: `${account.id}/insights/${name}/${period}`,
  });
  const world = ctx.world;
  if (metrics.some((m) => DEMOGRAPHICS.includes(m))) {
    const dims = breakdown as DemographicDimension[];
    return { data: metrics.map((m) => entry(m, { total_value: demographicsValue(world, account, m, dims, p.timeframe ?? 'this_month') })) };
  }
  const { since, until } = window(ctx, p, totalValue);
  const days = daysIn(since, until, world.now);
  if (totalValue) {
    return {
      data: metrics.map((m) => {
        const value = windowTotal(world, account, days, m);
        const total: Record<string, unknown> = { value };
        if (breakdown.length > 0) total.breakdowns = [breakdownResults(world, account, days, m, breakdown, value)];
        return entry(m, { total_value: total });
      }),
    };
  }
  const today = insightsDayStart(world.now);
  const data = metrics.map((m) => {
    // Daily series only report finished days; follower_count also only the last 30 of them.
    const finished = days.filter((d) => d < today);
    const series = m === 'follower_count' ? finished.filter((d) => d >= today - 30 * DAY_MS) : finished;
    return entry(m, { values: series.map((d) => ({ value: seriesValue(world, account, m, period, d), end_time: formatGraphTime(d + DAY_MS) })) });
  });
  const span = Math.floor(until / 1000) - Math.floor(since / 1000);
  const at = (s: number): Record<string, string> => ({ since: String(s), until: String(s + span) });
  const s0 = Math.floor(since / 1000);
  return { data, paging: { previous: graphUrl(req.loc, at(s0 - span)), next: graphUrl(req.loc, at(s0 + span)) } };
}

/** Metrics Meta withholds from accounts with fewer than 100 followers. */
const NEEDS_100_FOLLOWERS = new Set(['follower_count', 'online_followers', ...DEMOGRAPHICS]);

/**
 * "follower_count and online_followers metrics are not available on Instagram business or creator
 * accounts with fewer than 100 followers", and demographics need 100 followers too
 * (https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights/).
 * The docs do not say how the refusal looks; the harsher reading is an error that fails the call.
 */
function refuseUnder100Followers(ctx: GraphCtx, account: IgAccount, metrics: readonly string[]): void {
  const withheld = metrics.filter((m) => NEEDS_100_FOLLOWERS.has(m));
  if (withheld.length === 0 || followersAt(account, ctx.world.now) >= 100) return;
  throw new GraphError(400, 10, `(#10) Not enough followers: ${withheld.join(', ')} is available for accounts with at least 100 followers`, 'OAuthException');
}
