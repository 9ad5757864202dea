/** `GET /{media-id}/insights` (lifetime, per product type) and `GET /{post-id}/insights`. */
import { paramError } from '../core/errors';
import { metricsAt, postMetricsAt } from '../world/metrics';
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

/** Metrics valid for a media on a host. */
export function validMediaMetrics(media: Media, host: 'facebook' | 'instagram'): string[] {
  const base = media.productType === 'REELS' ? REELS : media.productType === 'STORY' ? STORY : FEED;
  return host === 'facebook' && media.productType !== 'STORY' ? [...base, ...FB_LOGIN_ONLY] : base;
}

/**
 * Media insights. One retired/unknown metric fails the whole call with Meta's
 * `metric[i] must be one of the following values` error; a current metric that the product type
 * does not support fails it with "does not support the … metric for this media product type".
 */
export function mediaInsightsEdge(ctx: GraphCtx, media: Media, req: EdgeRequest): { data: unknown[] } {
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
  const values = metricsAt(ctx.world, media.id, ctx.world.now) ?? {};
  const alias: Record<string, string> = { total_likes: 'likes', total_comments: 'comments', total_views: 'views' };
  return {
    data: metrics.map((name) => ({
      name,
      period: 'lifetime',
      values: [{ value: values[alias[name] ?? name] ?? 0 }],
      ...describe(name),
      id: `${media.id}/insights/${name}/lifetime`,
    })),
  };
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
