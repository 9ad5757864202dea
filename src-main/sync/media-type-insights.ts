import { metricsFor } from '../meta/metric-catalogue';
import { DAY_MS } from '../core/time';
import type { SyncContext, SyncTarget } from './context';
import { getMany, throwIfRetired, withRetiredRetry } from './graph-helpers';
import { insightsGapReason } from './insights-gaps';
import { listingMetrics } from './media-metrics';
import { insightValues, toSnapshot } from './snapshots';

/** Feed posts get their profile visits and follows only while young: that is when they move. */
export const TYPE_SPECIFIC_MAX_AGE_MS = 30 * DAY_MS;

export interface TypedPost {
  postId: number;
  externalId: string;
  productType: string | null;
  mediaType: string | null;
  publishedAt: number;
}

/**
 * Metrics that exist for one media type only (reels watch time; profile visits and follows for
 * feed posts) cannot ride in the mixed /media listing, where one invalid metric fails it all
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * They are read per post, batched, and added to the newest snapshot when it lacks them: for every
 * reel of any age (so the first sync reads watch time for the whole history once, and each later
 * snapshot on the cadence reads it again), and for feed posts younger than 30 days. A post Meta
 * gives no insights for is skipped; a failed item is retried by the next run, and its error is
 * raised after the others are stored.
 */
export async function addTypeSpecificInsights(ctx: SyncContext, target: SyncTarget, posts: readonly TypedPost[], login: 'facebook' | 'instagram'): Promise<number> {
  const common = new Set(listingMetrics(login));
  const retired = ctx.repos.retiredMetrics.list('ig-media');
  const now = ctx.now();
  const groups = new Map<string, { metrics: string[]; posts: Array<TypedPost & { capturedAt: number }> }>();
  for (const post of posts) {
    if (post.productType !== 'REELS' && now - post.publishedAt >= TYPE_SPECIFIC_MAX_AGE_MS) continue;
    const latest = ctx.repos.posts.latestSnapshotExtras(post.postId);
    const metrics = metricsFor(post.productType ?? '', post.mediaType ?? '', { login, retired }).filter((m) => !common.has(m));
    if (!latest || metrics.length === 0 || metrics.every((m) => latest.extraKeys.has(m))) continue;
    const key = metrics.join(',');
    const group = groups.get(key) ?? { metrics, posts: [] };
    group.posts.push({ ...post, capturedAt: latest.capturedAt });
    groups.set(key, group);
  }
  let added = 0;
  let firstError: unknown = null;
  for (const { metrics, posts: group } of groups.values()) {
    await withRetiredRetry(ctx, 'ig-media', metrics, async (current) => {
      const results = await getMany(ctx, target, group.map((p) => `${p.externalId}/insights?metric=${current.join(',')}`));
      throwIfRetired(results);
      ctx.repos.db.transaction(() => {
        for (const [i, result] of results.entries()) {
          const post = group[i];
          if (!post) continue;
          if (!result.ok) {
            if (!insightsGapReason(result.error)) firstError ??= result.error;
            continue;
          }
          const extra = toSnapshot(insightValues(result.body), 'ig-media').extra ?? {};
          if (ctx.repos.posts.mergeSnapshotExtra(post.postId, post.capturedAt, extra)) added += 1;
        }
      })();
      return true;
    });
  }
  if (firstError) throw firstError;
  return added;
}
