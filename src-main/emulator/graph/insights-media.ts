/** `GET /{media-id}/insights` (lifetime, per product type) and `GET /{post-id}/insights`. */
import { GraphError, paramError } from '../core/errors';
import { commentCountAt, mediaMetricsAt, postMetricsAt } from '../world/metrics';
import type { Media, PagePost } from '../world/types';
import { describe, metricList, requirePageToken } from './insights-meta';
import type { EdgeRequest, GraphCtx } from './render';

const FEED = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts'];
const REELS = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'reposts', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'reels_skip_rate'];
const STORY = ['views', 'reach', 'replies', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'navigation'];
/** Ad-inclusive totals exist only with Facebook Login. */
const FB_LOGIN_ONLY = ['total_likes', 'total_comments', 'total_views'];

/** Every metric name the media insights API currently accepts (the list in its error). */
export const MEDIA_METRICS: readonly string[] = [...new Set([...FEED, ...REELS, ...STORY, ...FB_LOGIN_ONLY])];

/** Metrics valid for a media on a host. Meta documents none for ad media (product type AD). */
export function validMediaMetrics(media: Media, host: 'facebook' | 'instagram'): string[] {
  if (media.productType === 'AD') return [];
  const base = media.productType === 'REELS' ? REELS : media.productType === 'STORY' ? STORY : FEED;
  return host === 'facebook' && media.productType !== 'STORY' ? [...base, ...FB_LOGIN_ONLY] : base;
}

/**
 * Media insights. One retired/unknown metric fails the whole call with Meta's
 * `metric[i] must be one of the following values` error; a current metric that the product type
 * does not support fails it with "does not support the … metric for this media product type".
 */
export function mediaInsightsEdge(ctx: GraphCtx, media: Media, req: EdgeRequest): { data: unknown[] } {
  refuseUnreadableMedia(ctx, media);
  const metrics = metricList(req.params.metric);
  if (metrics.length === 0) throw paramError('The parameter metric is required');
  metrics.forEach((m, i) => {
    if (!MEDIA_METRICS.includes(m)) throw paramError(`metric[${i}] must be one of the following values: ${MEDIA_METRICS.join(', ')}`);
  });
  const valid = validMediaMetrics(media, ctx.host);
  const unsupported = metrics.filter((m) => !valid.includes(m));
  if (unsupported.length > 0) {
    throw paramError(`The Media Insights API does not support the ${unsupported.join(', ')} metric for this media product type.`);
  }
  if (req.params.period && req.params.period !== 'lifetime') {
    throw paramError(`Incorrect period: media insights only support period lifetime`);
  }
  const breakdown = metricList(req.params.breakdown);
  if (breakdown.some((b) => b !== 'story_navigation_action_type') || (breakdown.length > 0 && !metrics.every((m) => m === 'navigation'))) {
    throw paramError('The breakdown story_navigation_action_type is only supported for the navigation metric');
  }
  const values = mediaMetricsAt(media, commentCountAt(ctx.world, media.commentIds, ctx.world.now), ctx.world.now);
  const alias: Record<string, string> = { total_likes: 'likes', total_comments: 'comments', total_views: 'views' };
  return {
    data: metrics.map((name) => {
      const value = values[alias[name] ?? name] ?? 0;
      const entry: Record<string, unknown> = { name, period: 'lifetime', values: [{ value }], ...describe(name), id: `${media.id}/insights/${name}/lifetime` };
      if (breakdown.length > 0) entry.total_value = { value, breakdowns: [navigationBreakdown(value)] };
      return entry;
    }),
  };
}

/**
 * Media Meta will not give insights for, whatever the metrics: posted before the account's
 * business conversion (100/2108006, the error body airbyte and keboola users report), or media the
 * app may not read (`(#10) Application does not have permission for this action`). Nested in a
 * listing (`insights.metric(…)`), either fails the whole listing, the harsher reading of
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights.
 */
function refuseUnreadableMedia(ctx: GraphCtx, media: Media): void {
  const account = ctx.world.igAccounts.find((a) => a.id === media.ownerId);
  if (account?.businessConvertedAt !== undefined && media.timestamp < account.businessConvertedAt) {
    throw new GraphError(400, 100, 'Invalid parameter', 'OAuthException', {
      subcode: 2108006,
      isTransient: false,
      userTitle: 'Media Posted Before Business Account Conversion',
      userMsg: "The media was posted before the most recent time that the user's account was converted to a business account from a personal account.",
    });
  }
  if (media.insightsDenied) throw new GraphError(400, 10, '(#10) Application does not have permission for this action', 'OAuthException');
}

/** Why Meta gives no insights for a media, or null when it does (ground truth for tests). */
export function insightsBlockedReason(world: GraphCtx['world'], media: Media): 'before_business_conversion' | 'no_permission' | 'unsupported_product_type' | null {
  const account = world.igAccounts.find((a) => a.id === media.ownerId);
  if (account?.businessConvertedAt !== undefined && media.timestamp < account.businessConvertedAt) return 'before_business_conversion';
  if (media.insightsDenied) return 'no_permission';
  if (media.productType === 'AD') return 'unsupported_product_type';
  return null;
}

/** Story navigation split like the sample: mostly tap_forward, then tap_back, tap_exit, swipe_forward. */
function navigationBreakdown(total: number): Record<string, unknown> {
  const forward = Math.round(total * 0.72);
  const back = Math.round(total * 0.12);
  const exit = Math.round(total * 0.1);
  const results = [
    { dimension_values: ['tap_forward'], value: forward },
    { dimension_values: ['tap_back'], value: back },
    { dimension_values: ['tap_exit'], value: exit },
    { dimension_values: ['swipe_forward'], value: total - forward - back - exit },
  ];
  return { dimension_keys: ['story_navigation_action_type'], results };
}

/** Current Page-post metrics (post_impressions* were removed 2025-11-15). */
export const POST_METRICS: readonly string[] = ['post_media_view', 'post_total_media_view_unique', 'post_clicks', 'post_reactions_by_type_total'];

/** `GET /{post-id}/insights`: lifetime values; invalid metric → "The value must be a valid insights metric". */
export function postInsightsEdge(ctx: GraphCtx, post: PagePost, req: EdgeRequest): { data: unknown[] } {
  requirePageToken(ctx);
  const metrics = metricList(req.params.metric);
  for (const m of metrics) if (!POST_METRICS.includes(m)) throw paramError('The value must be a valid insights metric');
  if (req.params.period && req.params.period !== 'lifetime') return { data: [] };
  const values = postMetricsAt(ctx.world, post, ctx.world.now);
  return {
    data: (metrics.length ? metrics : POST_METRICS).map((name) => ({
      name,
      period: 'lifetime',
      values: [{ value: values[name] ?? 0 }],
      ...describe(name),
      id: `${post.id}/insights/${name}/lifetime`,
    })),
  };
}
