import { parseEdge, parseIgMedia, type IgMedia } from '../meta/media-parsers';
import type { PostSyncState } from '../store/repositories/posts';
import { IG_COMMENT_FIELDS, storeCommentEdge } from './comments';
import type { SyncContext, SyncTarget } from './context';
import { getMany, throwIfRetired, withRetiredRetry } from './graph-helpers';
import { insightsDue, insightsGapReason, readInsightsPerPost, type PostRef } from './insights-gaps';
import { walkListing } from './listing';
import { addTypeSpecificInsights, type TypedPost } from './media-type-insights';
import { listingMetrics } from './media-metrics';
import { insightValues, toSnapshot } from './snapshots';

const MEDIA_FIELDS = 'id,caption,media_type,media_product_type,permalink,media_url,thumbnail_url,timestamp,like_count,comments_count';
const PAGE_SIZE = 100;
const COMMENT_PAGE = 50;
const COMMENTS_EDGE = `comments.limit(${COMMENT_PAGE}){${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}}`;
export const MEDIA_JOB = 'ig-media';

/**
 * Lists an Instagram account's media newest first with insights and comments nested, storing
 * posts, due snapshots and comments. Every post is stored whatever its insights do: a page Meta
 * refuses because one post cannot give insights is read again without them, and those posts'
 * insights are read one by one (batched), each post keeping the reason when Meta has none. A
 * routine run stops at the first page that reaches posts it already has; older posts are
 * refreshed separately on their cadence.
 */
export async function syncInstagramMedia(ctx: SyncContext, target: SyncTarget, login: 'facebook' | 'instagram'): Promise<Set<string>> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(target.accountId, MEDIA_JOB) ?? 0);
  const seen = new Set<string>();
  // Keyed by Meta id: a retired metric restarts the walk, which must not list a post twice.
  const listed = new Map<string, TypedPost>();
  const withoutInsights = new Map<string, PostRef>();
  let newest = highWater;
  await withRetiredRetry(ctx, 'ig-media', listingMetrics(login), async (current) => {
    const state = ctx.repos.posts.snapshotState(target.accountId);
    for await (const page of walkListing<unknown>(ctx, {
      path: `${target.externalId}/media`,
      host: target.host,
      token: target.token,
      businessId: target.externalId,
      fields: MEDIA_FIELDS,
      nested: [
        { name: 'insights', spec: `insights.metric(${current.join(',')})` },
        { name: 'comments', spec: COMMENTS_EDGE },
      ],
      limit: PAGE_SIZE,
    })) {
      let oldestOnPage = Infinity;
      for (const raw of page.data) {
        const media = parseIgMedia(raw);
        const publishedAt = media.timestampMs ?? ctx.now();
        oldestOnPage = Math.min(oldestOnPage, publishedAt);
        newest = Math.max(newest, publishedAt);
        seen.add(media.id);
        const known = state.get(media.id);
        const postId = storeMedia(ctx, target, media, publishedAt, known, page.nested.has('insights'));
        if (page.nested.has('comments')) await storeCommentEdge(ctx, target, postId, media.comments, 'instagram');
        else if ((media.commentsCount ?? 0) > 0 && media.commentsCount !== known?.commentsCount) await readComments(ctx, target, postId, media.id);
        if (!page.nested.has('insights') && insightsDue(known ?? { publishedAt, lastSnapshotAt: null, insightsStatus: null, insightsCheckedAt: null }, ctx.now())) {
          withoutInsights.set(media.id, { postId, externalId: media.id });
        }
        listed.set(media.id, { postId, externalId: media.id, productType: media.productType ?? null, mediaType: media.mediaType ?? null, publishedAt });
      }
      ctx.progress('Instagram posts', seen.size, 0);
      if (!target.full && highWater > 0 && oldestOnPage < highWater) break;
    }
    return true;
  });
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(target.accountId, MEDIA_JOB, String(newest), ctx.now());
  await readInsightsPerPost(ctx, target, [...withoutInsights.values()], listingMetrics(login), 'ig-media');
  await addTypeSpecificInsights(ctx, target, [...listed.values()], login);
  return seen;
}

/** Stores one media and, when its insights came nested and a snapshot is due, its metrics. */
function storeMedia(ctx: SyncContext, target: SyncTarget, media: IgMedia, publishedAt: number, known: PostSyncState | undefined, insightsNested: boolean): number {
  const now = ctx.now();
  return ctx.repos.db.transaction(() => {
    const id = ctx.repos.posts.upsert(
      target.accountId,
      {
        externalId: media.id,
        mediaType: media.mediaType ?? null,
        productType: media.productType ?? null,
        caption: media.caption ?? null,
        permalink: media.permalink ?? null,
        mediaUrl: media.mediaUrl ?? null,
        thumbnailUrl: media.thumbnailUrl ?? null,
        publishedAt,
        likeCount: media.likeCount ?? null,
        commentsCount: media.commentsCount ?? null,
      },
      now,
    );
    const due = insightsDue(known ?? { publishedAt, lastSnapshotAt: null, insightsStatus: null, insightsCheckedAt: null }, now);
    if (insightsNested && due && media.insights) {
      ctx.repos.posts.addSnapshot(id, now, toSnapshot(insightValues(media.insights), 'ig-media'));
      if (known?.insightsStatus) ctx.repos.posts.setInsightsStatus(id, null, now);
    }
    ctx.written.count += 1;
    return id;
  })();
}

/** Reads a post's comments on their own, when the listing could not carry them. */
async function readComments(ctx: SyncContext, target: SyncTarget, postId: number, externalId: string): Promise<void> {
  const edge = await ctx.client.get<unknown>(`${externalId}/comments`, {
    host: target.host,
    token: target.token,
    params: { fields: `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`, limit: COMMENT_PAGE },
    businessId: target.externalId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  await storeCommentEdge(ctx, target, postId, parseEdge(edge), 'instagram');
}

/**
 * Re-reads posts that the listing did not reach but whose metrics are due (see cadence.ts), in
 * batches of up to 50; posts whose comment count changed also get their comments re-read. Posts
 * Meta will never give insights for are re-read for their counts only; a post that refuses its
 * insights keeps the reason and stops failing the others.
 */
export async function refreshDuePosts(ctx: SyncContext, target: SyncTarget, seen: ReadonlySet<string>, login: 'facebook' | 'instagram'): Promise<number> {
  const now = ctx.now();
  const due = [...ctx.repos.posts.snapshotState(target.accountId).entries()].filter(
    ([externalId, s]) => !seen.has(externalId) && (s.insightsStatus === null ? insightsDue(s, now) : isCountRefreshDue(s, now)),
  );
  if (due.length === 0) return 0;
  let refreshed = 0;
  await withRetiredRetry(ctx, 'ig-media', listingMetrics(login), async (current) => {
    const results = await getMany(
      ctx,
      target,
      due.map(([externalId, s]) =>
        insightsDue(s, now) ? `${externalId}?fields=id,like_count,comments_count,insights.metric(${current.join(',')})` : `${externalId}?fields=id,like_count,comments_count`,
      ),
    );
    throwIfRetired(results);
    for (const [i, result] of results.entries()) {
      const entry = due[i];
      if (!entry) continue;
      const [externalId, state] = entry;
      if (!result.ok) {
        const reason = insightsGapReason(result.error);
        if (reason) ctx.repos.posts.setInsightsStatus(state.id, reason, now);
        continue;
      }
      const body = parseIgMedia(result.body);
      if (body.insights) ctx.repos.posts.addSnapshot(state.id, now, toSnapshot(insightValues(body.insights), 'ig-media'));
      if (state.insightsStatus !== null) ctx.repos.posts.setInsightsStatus(state.id, body.insights ? null : state.insightsStatus, now);
      refreshed += 1;
      if (body.commentsCount !== undefined && body.commentsCount !== state.commentsCount) {
        await readComments(ctx, target, state.id, externalId);
        ctx.repos.posts.setCommentsCount(state.id, body.commentsCount);
      }
      ctx.progress('Older posts', refreshed, due.length);
    }
    return true;
  });
  return refreshed;
}

/** A post with no insights to read still has its counts refreshed, dated by when it was last asked. */
function isCountRefreshDue(state: PostSyncState, now: number): boolean {
  return insightsDue({ ...state, insightsStatus: null, lastSnapshotAt: state.lastSnapshotAt ?? state.insightsCheckedAt }, now);
}
