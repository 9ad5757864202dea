import { parseEdge, parsePagePost } from '../meta/media-parsers';
import { pageMetricsFor } from '../meta/metric-catalogue';
import { FB_COMMENT_FIELDS, storeCommentEdge } from './comments';
import type { SyncContext, SyncTarget } from './context';
import { withRetiredRetry } from './graph-helpers';
import { insightsDue, readInsightsPerPost, type PostRef } from './insights-gaps';
import { walkListing } from './listing';
import { insightValues, toSnapshot } from './snapshots';

const POST_FIELDS = 'id,message,created_time,permalink_url,status_type,full_picture';
const JOB = 'page-posts';
const COMMENTS_EDGE = `comments.limit(50){${FB_COMMENT_FIELDS},comments.limit(50){${FB_COMMENT_FIELDS}}}`;

/**
 * A Page's posts newest first with insights and comments nested; routine runs stop at known
 * posts. Like Instagram media, a page Meta refuses because of one post is read again without
 * nested edges, and those posts' insights and comments are read on their own.
 */
export async function syncPagePosts(ctx: SyncContext, target: SyncTarget): Promise<void> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(target.accountId, JOB) ?? 0);
  let newest = highWater;
  let count = 0;
  const withoutInsights = new Map<string, PostRef>();
  await withRetiredRetry(ctx, 'page-post', pageMetricsFor('page-post'), async (metrics) => {
    const state = ctx.repos.posts.snapshotState(target.accountId);
    for await (const page of walkListing<unknown>(ctx, {
      path: `${target.externalId}/posts`,
      host: 'facebook',
      token: target.token,
      businessId: target.externalId,
      fields: POST_FIELDS,
      nested: [
        { name: 'insights', spec: `insights.metric(${metrics.join(',')})` },
        { name: 'comments', spec: COMMENTS_EDGE },
      ],
      limit: 100,
    })) {
      let oldest = Infinity;
      for (const raw of page.data) {
        const post = parsePagePost(raw);
        const publishedAt = post.createdTimeMs ?? ctx.now();
        oldest = Math.min(oldest, publishedAt);
        newest = Math.max(newest, publishedAt);
        const now = ctx.now();
        const known = state.get(post.id) ?? { publishedAt, lastSnapshotAt: null, insightsStatus: null, insightsCheckedAt: null };
        const due = insightsDue(known, now);
        const postId = ctx.repos.db.transaction(() => {
          const id = ctx.repos.posts.upsert(
            target.accountId,
            {
              externalId: post.id,
              mediaType: post.statusType ?? null,
              productType: 'PAGE_POST',
              caption: post.message ?? null,
              permalink: post.permalinkUrl ?? null,
              mediaUrl: post.fullPicture ?? null,
              publishedAt,
            },
            now,
          );
          if (due && page.nested.has('insights') && post.insights) ctx.repos.posts.addSnapshot(id, now, toSnapshot(insightValues(post.insights), 'page-post'));
          return id;
        })();
        ctx.written.count += 1;
        if (due && !page.nested.has('insights')) withoutInsights.set(post.id, { postId, externalId: post.id });
        const comments = page.nested.has('comments') ? post.comments : await readPostComments(ctx, target, post.id);
        await storeCommentEdge(ctx, target, postId, comments, 'facebook');
        count += 1;
      }
      ctx.progress('Page posts', count, 0);
      if (!target.full && highWater > 0 && oldest < highWater) break;
    }
    return true;
  });
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(target.accountId, JOB, String(newest), ctx.now());
  await readInsightsPerPost(ctx, target, [...withoutInsights.values()], pageMetricsFor('page-post'), 'page-post');
}

async function readPostComments(ctx: SyncContext, target: SyncTarget, externalId: string) {
  const body = await ctx.client.get<unknown>(`${externalId}/comments`, {
    token: target.token,
    params: { fields: `${FB_COMMENT_FIELDS},comments.limit(50){${FB_COMMENT_FIELDS}}`, limit: 50 },
    businessId: target.externalId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return parseEdge(body);
}
