import type { InsightsStatus } from '../../src-preload/contract';
import { GraphApiError } from '../meta/errors';
import type { PostSyncState } from '../store/repositories/posts';
import { isSnapshotDue } from './cadence';
import type { SyncContext, SyncTarget } from './context';
import { getMany, throwIfRetired, withRetiredRetry } from './graph-helpers';
import { insightValues, toSnapshot } from './snapshots';

/**
 * Reasons that never change for a post: it stays older than the conversion, and its product type
 * keeps its metric set. Asking again would only spend calls.
 */
const PERMANENT: ReadonlySet<InsightsStatus> = new Set(['before_business_conversion', 'unsupported_product_type']);

/**
 * Why Meta refused a post's insights, from its error; null for failures that say nothing about
 * the post (transient, rate limits), which are simply retried by a later run. Meta documents
 * 100/2108006 (posted before the business conversion), "does not support the … metric for this
 * media product type", `(#10) Not enough viewers` and `(#10)` on media the app may not read:
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 */
export function insightsGapReason(error: unknown): InsightsStatus | null {
  if (!(error instanceof GraphApiError)) return null;
  if (error.kind === 'before-business-conversion') return 'before_business_conversion';
  if (error.kind === 'unsupported-product-type') return 'unsupported_product_type';
  if (error.kind === 'permission') return /not enough viewers/i.test(error.message) ? 'not_enough_viewers' : 'no_permission';
  return null;
}

/** Whether a post's insights should be read now: never for a permanent reason, else on its cadence. */
export function insightsDue(state: Pick<PostSyncState, 'publishedAt' | 'lastSnapshotAt' | 'insightsStatus' | 'insightsCheckedAt'>, now: number): boolean {
  if (state.insightsStatus && PERMANENT.has(state.insightsStatus)) return false;
  return isSnapshotDue(state.publishedAt, state.lastSnapshotAt ?? state.insightsCheckedAt, now);
}

export interface PostRef {
  postId: number;
  externalId: string;
}

/**
 * Reads lifetime insights one post at a time, batched (≤ 50 operations a request), for posts a
 * listing could not carry them for. Each post gets its snapshot or the reason Meta gave; a
 * failure that names no reason is raised after the others are stored, so a later run retries it.
 */
export async function readInsightsPerPost(
  ctx: SyncContext,
  target: SyncTarget,
  posts: readonly PostRef[],
  metrics: readonly string[],
  kind: 'ig-media' | 'page-post',
): Promise<void> {
  if (posts.length === 0) return;
  let firstError: unknown = null;
  await withRetiredRetry(ctx, kind === 'ig-media' ? 'ig-media' : 'page-post', metrics, async (current) => {
    const results = await getMany(ctx, target, posts.map((p) => `${p.externalId}/insights?metric=${current.join(',')}`));
    throwIfRetired(results);
    const now = ctx.now();
    ctx.repos.db.transaction(() => {
      for (const [i, result] of results.entries()) {
        const post = posts[i];
        if (!post) continue;
        if (result.ok) {
          ctx.repos.posts.addSnapshot(post.postId, now, toSnapshot(insightValues(result.body), kind));
          ctx.repos.posts.setInsightsStatus(post.postId, null, now);
          continue;
        }
        const reason = insightsGapReason(result.error);
        if (reason) ctx.repos.posts.setInsightsStatus(post.postId, reason, now);
        else firstError ??= result.error;
      }
    })();
    return true;
  });
  if (firstError) throw firstError;
}
