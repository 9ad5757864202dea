import { pageMetricsFor } from '../meta/metric-catalogue';
import { isSnapshotDue } from './cadence';
import { FB_COMMENT_FIELDS, storeCommentEdge, type CommentEdge } from './comments';
import type { SyncContext, SyncTarget } from './context';
import { parseMetaTime, withRetiredRetry } from './graph-helpers';
import { insightValues, toSnapshot } from './snapshots';

const POST_FIELDS = 'id,message,created_time,permalink_url,status_type,full_picture';
const JOB = 'page-posts';

interface RawPagePost {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
  status_type?: string;
  full_picture?: string;
  insights?: unknown;
  comments?: CommentEdge;
}

/** A Page's posts newest first with insights and comments nested; routine runs stop at known posts. */
export async function syncPagePosts(ctx: SyncContext, target: SyncTarget): Promise<void> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(target.accountId, JOB) ?? 0);
  let newest = highWater;
  let count = 0;
  await withRetiredRetry(ctx, 'page-post', pageMetricsFor('page-post'), async (metrics) => {
    const state = ctx.repos.posts.snapshotState(target.accountId);
    const fields = `${POST_FIELDS},insights.metric(${metrics.join(',')}),comments.limit(50){${FB_COMMENT_FIELDS},comments.limit(50){${FB_COMMENT_FIELDS}}}`;
    for await (const page of ctx.client.paginate<RawPagePost>(`${target.externalId}/posts`, {
      token: target.token,
      params: { fields, limit: 100 },
      businessId: target.externalId,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      let oldest = Infinity;
      for (const post of page.data) {
        const publishedAt = parseMetaTime(post.created_time) ?? ctx.now();
        oldest = Math.min(oldest, publishedAt);
        newest = Math.max(newest, publishedAt);
        const now = ctx.now();
        const postId = ctx.repos.db.transaction(() => {
          const id = ctx.repos.posts.upsert(
            target.accountId,
            {
              externalId: post.id,
              mediaType: post.status_type ?? null,
              productType: 'PAGE_POST',
              caption: post.message ?? null,
              permalink: post.permalink_url ?? null,
              mediaUrl: post.full_picture ?? null,
              publishedAt,
            },
            now,
          );
          const snapshot = isSnapshotDue(publishedAt, state.get(post.id)?.lastSnapshotAt ?? null, now) ? (post.insights ? toSnapshot(insightValues(post.insights), 'page-post') : null) : null;
          if (snapshot) ctx.repos.posts.addSnapshot(id, now, snapshot);
          return id;
        })();
        ctx.written.count += 1;
        await storeCommentEdge(ctx, target, postId, post.comments, 'facebook');
        count += 1;
      }
      ctx.progress('Page posts', count, 0);
      if (!target.full && highWater > 0 && oldest < highWater) break;
    }
    return true;
  });
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(target.accountId, JOB, String(newest), ctx.now());
}
