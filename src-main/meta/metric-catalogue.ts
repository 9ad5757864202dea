/**
 * Which insights metrics to request, per product and media type, for Graph v25 (meta-api.md §2.3,
 * §2.4, §3). One retired metric fails the whole call, so lists are explicit, filtered against the
 * retirement table, and against metrics the sync saw Meta reject at run time.
 */
import { isRetiredMetric, type MetricScope } from './metric-retirements';

export { RETIRED_METRICS, isRetiredMetric, retiredMetricInfo, type MetricScope, type RetiredMetric } from './metric-retirements';

/** Graph version these lists were checked against. */
export const CATALOGUE_VERSION = 'v25.0';

/** `media_product_type` values. */
export type IgProductType = 'FEED' | 'REELS' | 'STORY' | 'AD';
/** `media_type` values. */
export type IgMediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
/** Which login flavour (and host) the account uses. */
export type IgLoginFlavour = 'facebook' | 'instagram';

const FEED = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts'];

/** Current media metrics by product type (carousels are FEED media with their own key). */
export const MEDIA_METRICS: Readonly<Record<'FEED' | 'CAROUSEL_ALBUM' | 'REELS' | 'STORY', readonly string[]>> = {
  FEED,
  // Album totals; children of an album have no insights at all.
  CAROUSEL_ALBUM: FEED,
  REELS: ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'reposts', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time'],
  STORY: ['views', 'reach', 'replies', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'navigation'],
};

/** Ad-inclusive totals, only on graph.facebook.com (Facebook Login). */
export const FACEBOOK_LOGIN_ONLY_MEDIA_METRICS: readonly string[] = ['total_likes', 'total_comments', 'total_views'];

/** Reported by third parties only (~Dec 2025); opt-in so an unconfirmed name cannot break every Reels call. */
export const UNVERIFIED_MEDIA_METRICS: Readonly<Record<string, readonly string[]>> = { REELS: ['reels_skip_rate'] };

/** Breakdown to request with a media metric. */
export const MEDIA_METRIC_BREAKDOWNS: Readonly<Record<string, string>> = { navigation: 'story_navigation_action_type' };

/** Units for metrics that are not plain counts. */
export const METRIC_UNITS: Readonly<Record<string, 'ms' | 'fraction'>> = {
  ig_reels_avg_watch_time: 'ms',
  ig_reels_video_view_total_time: 'ms',
  reels_skip_rate: 'fraction',
};

/** Options for `metricsFor`. */
export interface MetricsForOptions {
  /** Metrics Meta rejected at run time (the sync adds to this and retries without them). */
  retired?: ReadonlySet<string>;
  /** Default 'facebook'. Instagram Login has no story insights and no ad-inclusive totals. */
  login?: IgLoginFlavour;
  includeUnverified?: boolean;
}

/** Media insight metrics to request for one media object. */
export function metricsFor(productType: IgProductType | string, mediaType: IgMediaType | string, opts: MetricsForOptions = {}): string[] {
  const login = opts.login ?? 'facebook';
  let base: readonly string[];
  if (productType === 'STORY') {
    if (login !== 'facebook') return [];
    base = MEDIA_METRICS.STORY;
  } else if (productType === 'REELS') base = MEDIA_METRICS.REELS;
  else if (productType === 'FEED') base = mediaType === 'CAROUSEL_ALBUM' ? MEDIA_METRICS.CAROUSEL_ALBUM : MEDIA_METRICS.FEED;
  // AD media and unknown future product types have no organic insights we can rely on.
  else return [];
  const list = [...base];
  if (login === 'facebook') list.push(...FACEBOOK_LOGIN_ONLY_MEDIA_METRICS);
  if (opts.includeUnverified) list.push(...(UNVERIFIED_MEDIA_METRICS[productType] ?? []));
  return filterCurrent(list, 'ig-media', opts.retired);
}

/** How an account metric must be requested. */
export interface AccountMetricSpec {
  /** `either` = both accepted (reach); `time_series` metrics reject total_value (follower_count). */
  metricType: 'total_value' | 'time_series' | 'either';
  period: 'day' | 'lifetime';
  breakdowns: readonly string[];
}

const tv = (breakdowns: string[] = []): AccountMetricSpec => ({ metricType: 'total_value', period: 'day', breakdowns });

/** Current IG account insight metrics and their required parameters. */
export const ACCOUNT_METRICS: Readonly<Record<string, AccountMetricSpec>> = {
  reach: { metricType: 'either', period: 'day', breakdowns: ['follower_type', 'media_product_type'] },
  views: tv(['follower_type', 'media_product_type']),
  accounts_engaged: tv(),
  total_interactions: tv(['media_product_type']),
  likes: tv(['media_product_type']),
  comments: tv(['media_product_type']),
  shares: tv(['media_product_type']),
  saves: tv(['media_product_type']),
  replies: tv(),
  reposts: tv(),
  profile_links_taps: tv(['contact_button_type']),
  follows_and_unfollows: tv(['follow_type']),
  profile_views: tv(),
  // Last 30 days excluding today, accounts with ≥ 100 followers.
  follower_count: { metricType: 'time_series', period: 'day', breakdowns: [] },
  online_followers: { metricType: 'time_series', period: 'lifetime', breakdowns: [] },
};

/** One account-insights call: metrics that share `metric_type` and `period`. */
export interface AccountInsightsRequest {
  metric: string[];
  metric_type: 'total_value' | 'time_series';
  period: 'day' | 'lifetime';
}

/**
 * Groups account metrics into calls with compatible parameters. `either` metrics go with
 * total_value because unique metrics (reach) are not additive across days.
 */
export function accountInsightRequests(metrics: readonly string[] = Object.keys(ACCOUNT_METRICS), retired?: ReadonlySet<string>): AccountInsightsRequest[] {
  const groups = new Map<string, AccountInsightsRequest>();
  for (const name of filterCurrent(metrics, 'ig-account', retired)) {
    const spec = ACCOUNT_METRICS[name];
    if (!spec) continue;
    const metricType = spec.metricType === 'time_series' ? 'time_series' : 'total_value';
    const key = `${metricType}/${spec.period}`;
    const group = groups.get(key) ?? { metric: [], metric_type: metricType, period: spec.period };
    group.metric.push(name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Demographic metrics (period=lifetime, metric_type=total_value, breakdown required). */
export const DEMOGRAPHIC_METRICS = ['follower_demographics', 'engaged_audience_demographics', 'reached_audience_demographics'] as const;
/** Demographic breakdowns; combinable as e.g. `age,gender`. */
export const DEMOGRAPHIC_BREAKDOWNS = ['age', 'gender', 'city', 'country'] as const;
/** Timeframes still accepted (last_14/30/90_days and prev_month were removed 2024-08-19). */
export const DEMOGRAPHIC_TIMEFRAMES = ['this_week', 'this_month'] as const;

/** Query parameters for one demographics call. */
export function demographicsParams(
  metric: (typeof DEMOGRAPHIC_METRICS)[number],
  breakdown: readonly (typeof DEMOGRAPHIC_BREAKDOWNS)[number][],
  timeframe: (typeof DEMOGRAPHIC_TIMEFRAMES)[number] = 'this_month',
): Record<string, string> {
  return { metric, period: 'lifetime', metric_type: 'total_value', breakdown: breakdown.join(','), timeframe };
}

/** Current Page metrics (names after the 2025-11-15 removals). */
export const PAGE_METRICS: readonly string[] = [
  'page_media_view',
  'page_total_media_view_unique',
  'page_post_engagements',
  'page_total_actions',
  'page_follows',
  'page_daily_follows',
  'page_views_total',
  'page_video_views',
];

/** Current Page post metrics. FB Reels have no `/insights`; use `/{video-id}/video_insights`. */
export const PAGE_POST_METRICS: readonly string[] = ['post_media_view', 'post_total_media_view_unique', 'post_clicks', 'post_reactions_by_type_total'];

/** Periods accepted by Page insights. */
export const PAGE_PERIODS = ['day', 'week', 'days_28'] as const;

/** Page metrics to request, minus retired and run-time-rejected ones. */
export function pageMetricsFor(scope: 'page' | 'page-post', retired?: ReadonlySet<string>): string[] {
  return filterCurrent(scope === 'page' ? PAGE_METRICS : PAGE_POST_METRICS, scope, retired);
}

function filterCurrent(list: readonly string[], scope: MetricScope, retired?: ReadonlySet<string>): string[] {
  return [...new Set(list)].filter((m) => !isRetiredMetric(m, scope) && !retired?.has(m));
}

const DAY_S = 86_400;

/** One `since`/`until` window (unix seconds for the query, ms for callers). */
export interface InsightWindow {
  since: number;
  until: number;
  sinceMs: number;
  untilMs: number;
}

/**
 * Splits a range into windows Meta accepts: `until - since` ≤ 30 days for Instagram accounts,
 * ≤ 90 days for Pages. Windows are contiguous and cover the whole range.
 */
export function accountInsightWindows(sinceMs: number, untilMs: number, opts: { target?: 'instagram' | 'page' } = {}): InsightWindow[] {
  const maxSpan = (opts.target === 'page' ? 90 : 30) * DAY_S;
  const since = Math.floor(sinceMs / 1000);
  const until = Math.floor(untilMs / 1000);
  const windows: InsightWindow[] = [];
  for (let start = since; start < until; start += maxSpan) {
    const end = Math.min(start + maxSpan, until);
    windows.push({ since: start, until: end, sinceMs: start * 1000, untilMs: end * 1000 });
  }
  return windows;
}
