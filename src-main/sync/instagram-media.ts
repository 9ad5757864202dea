import { isSnapshotDue } from './cadence';
import { IG_COMMENT_FIELDS, storeCommentEdge, type CommentEdge } from './comments';
import type { SyncContext, SyncTarget } from './context';
import { getMany, parseMetaTime, throwIfRetired, withRetiredRetry } from './graph-helpers';
import { addTypeSpecificInsights, type TypedPost } from './media-type-insights';
import { listingMetrics } from './media-metrics';
import { insightValues, toSnapshot } from './snapshots';

const MEDIA_FIELDS = 'id,caption,media_type,media_product_type,permalink,media_url,thumbnail_url,timestamp,like_count,comments_count';
const PAGE_SIZE = 100;
const COMMENT_PAGE = 50;
export const MEDIA_JOB = 'ig-media';

interface RawMedia {
  id: string;
  caption?: string;
  media_type?: string;
  media_product_type?: string;
  permalink?: string;
  media_url?: string;
  thumbnail_url?: string;
  timestamp?: string;
  like_count?: number;
  comments_count?: number;
  insights?: unknown;
  comments?: CommentEdge;
}

/**
 * Lists an Instagram account's media newest first with insights and comments nested, storing
 * posts, due snapshots and comments. A routine run stops at the first page that reaches posts
 * it already has; older posts are refreshed separately on their cadence.
 */
export async function syncInstagramMedia(ctx: SyncContext, target: SyncTarget, login: 'facebook' | 'instagram'): Promise<Set<string>> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(target.accountId, MEDIA_JOB) ?? 0);
  const seen = new Set<string>();
  const listed: TypedPost[] = [];
  let newest = highWater;
  const metrics = listingMetrics(login);
  await withRetiredRetry(ctx, 'ig-media', metrics, async (current) => {
    const fields = `${MEDIA_FIELDS},insights.metric(${current.join(',')}),comments.limit(${COMMENT_PAGE}){${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}}`;
    const state = ctx.repos.posts.snapshotState(target.accountId);
    for await (const page of ctx.client.paginate<RawMedia>(`${target.externalId}/media`, {
      host: target.host,
      token: target.token,
      params: { fields, limit: PAGE_SIZE },
      businessId: target.externalId,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      let oldestOnPage = Infinity;
      for (const media of page.data) {
        const publishedAt = parseMetaTime(media.timestamp) ?? ctx.now();
        oldestOnPage = Math.min(oldestOnPage, publishedAt);
        newest = Math.max(newest, publishedAt);
        seen.add(media.id);
        const postId = await storeMedia(ctx, target, media, publishedAt, state.get(media.id)?.lastSnapshotAt ?? null);
        listed.push({ postId, externalId: media.id, productType: media.media_product_type ?? null, mediaType: media.media_type ?? null, publishedAt });
      }
      ctx.progress('Instagram posts', seen.size, 0);
      if (!target.full && highWater > 0 && oldestOnPage < highWater) break;
    }
    return true;
  });
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(target.accountId, MEDIA_JOB, String(newest), ctx.now());
  await addTypeSpecificInsights(ctx, target, listed, login);
  return seen;
}

async function storeMedia(
  ctx: SyncContext,
  target: SyncTarget,
  media: RawMedia,
  publishedAt: number,
  lastSnapshotAt: number | null,
): Promise<number> {
  const now = ctx.now();
  const postId = ctx.repos.db.transaction(() => {
    const id = ctx.repos.posts.upsert(
      target.accountId,
      {
        externalId: media.id,
        mediaType: media.media_type ?? null,
        productType: media.media_product_type ?? null,
        caption: media.caption ?? null,
        permalink: media.permalink ?? null,
        mediaUrl: media.media_url ?? null,
        thumbnailUrl: media.thumbnail_url ?? null,
        publishedAt,
        likeCount: media.like_count ?? null,
        commentsCount: media.comments_count ?? null,
      },
      now,
    );
    const snapshot = isSnapshotDue(publishedAt, lastSnapshotAt, now) ? (media.insights ? toSnapshot(insightValues(media.insights), 'ig-media') : null) : null;
    if (snapshot) ctx.repos.posts.addSnapshot(id, now, snapshot);
    ctx.written.count += 1;
    return id;
  })();
  await storeCommentEdge(ctx, target, postId, media.comments, 'instagram');
  return postId;
}

/**
 * Re-reads posts that the listing did not reach but whose metrics are due (see cadence.ts), in
 * batches of up to 50; posts whose comment count changed also get their comments re-read.
 */
export async function refreshDuePosts(ctx: SyncContext, target: SyncTarget, seen: ReadonlySet<string>, login: 'facebook' | 'instagram'): Promise<number> {
  const now = ctx.now();
  const due = [...ctx.repos.posts.snapshotState(target.accountId).entries()].filter(
    ([externalId, s]) => !seen.has(externalId) && isSnapshotDue(s.publishedAt, s.lastSnapshotAt, now),
  );
  if (due.length === 0) return 0;
  let refreshed = 0;
  await withRetiredRetry(ctx, 'ig-media', listingMetrics(login), async (current) => {
    const results = await getMany(
      ctx,
      target,
      due.map(([externalId]) => `${externalId}?fields=id,like_count,comments_count,insights.metric(${current.join(',')})`),
    );
    throwIfRetired(results);
    for (const [i, result] of results.entries()) {
      const entry = due[i];
      if (!entry || !result.ok) continue;
      const [externalId, state] = entry;
      const body = result.body as RawMedia;
      const snapshot = body.insights ? toSnapshot(insightValues(body.insights), 'ig-media') : null;
      if (snapshot) ctx.repos.posts.addSnapshot(state.id, now, snapshot);
      refreshed += 1;
      if (body.comments_count !== undefined && body.comments_count !== state.commentsCount) {
        const edge = await ctx.client.get<CommentEdge>(`${externalId}/comments`, {
          host: target.host,
          token: target.token,
          params: { fields: `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`, limit: COMMENT_PAGE },
          businessId: target.externalId,
        });
        await storeCommentEdge(ctx, target, state.id, edge, 'instagram');
        ctx.repos.posts.setCommentsCount(state.id, body.comments_count);
      }
      ctx.progress('Older posts', refreshed, due.length);
    }
    return true;
  });
  return refreshed;
}
