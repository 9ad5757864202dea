import type { InsightsStatus, PostDetail, PostRow, PostsPage, PostsQuery } from '../../../src-preload/contract';
import { AppError } from '../../core/app-error';
import { PostAnalyticsQueries, type PostMetricsRow } from '../../store/repositories/posts';
import { postKind, postsWindow } from '../../store/repositories/post-windows';
import type { Repositories } from '../../store/repositories';
import { addDays, startOfDayInZone } from './calendar';
import { engagementRate } from './figures';
import { scopeAccounts } from './scope';

export { postKind } from '../../store/repositories/post-windows';

const STATUSES: readonly string[] = ['before_business_conversion', 'unsupported_product_type', 'no_permission', 'not_enough_viewers'];

export function toPostRow(r: PostMetricsRow): PostRow {
  return {
    id: r.id,
    accountId: r.accountId,
    network: r.network,
    kind: postKind(r.network, r.mediaType, r.productType),
    caption: r.caption ?? '',
    permalink: r.permalink,
    publishedAt: r.publishedAt,
    views: r.views,
    reach: r.reach,
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    saves: r.saves,
    engagementRate: engagementRate(r),
    metricsAt: r.metricsAt,
    insightsStatus: STATUSES.includes(r.insightsStatus ?? '') ? (r.insightsStatus as InsightsStatus) : null,
    hasThumbnail: r.hasThumbnail,
  };
}

/**
 * The posts of the scope matching the filters, sorted (default newest first); with `limit`, the
 * window of them the table has in view, and always how many match.
 */
export function listPosts(repos: Repositories, q: PostsQuery, timeZone: string): PostsPage {
  const accounts = scopeAccounts(repos, q.scope);
  const offset = q.offset ?? 0;
  const { rows, total } = postsWindow(repos.db, {
    accountIds: accounts.map((a) => a.id),
    since: q.from ? startOfDayInZone(q.from, timeZone) : 0,
    until: q.to ? startOfDayInZone(addDays(q.to, 1), timeZone) : Number.MAX_SAFE_INTEGER,
    kind: q.kind,
    needle: q.search.trim().toLocaleLowerCase(),
    sort: q.sort ?? { key: 'publishedAt', descending: true },
    offset,
    limit: q.limit ?? null,
  });
  const synced = accounts.map((a) => a.lastSyncedAt).filter((t): t is number => t !== null);
  return { posts: rows.map(toPostRow), total, offset, timeZone, dataAsOf: synced.length ? Math.max(...synced) : null };
}

/** Stored thumbnails as data URLs, for the renderer to draw without any network. */
export function postThumbnails(repos: Repositories, postIds: readonly number[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [id, t] of repos.thumbnails.get(postIds)) out[id] = `data:${t.mime};base64,${t.bytes.toString('base64')}`;
  return out;
}

export function postDetail(repos: Repositories, postId: number): PostDetail {
  const queries = new PostAnalyticsQueries(repos.db);
  const row = queries.one(postId);
  if (!row) throw new AppError('NOT_FOUND', 'That post is no longer stored on this computer.');
  const all = queries.comments(postId);
  const top = all.filter((c) => c.parentExternalId === null);
  const picture = postThumbnails(repos, [postId])[postId] ?? null;
  return {
    post: toPostRow(row),
    thumbnail: picture,
    thumbnailMissingReason: picture ? null : repos.thumbnails.reason(postId),
    history: queries.history(postId),
    comments: top.map((c) => ({
      id: c.id,
      author: c.author ?? 'Unknown',
      text: c.text,
      createdAt: c.createdAt,
      hidden: c.hidden === 1,
      replies: all.filter((r) => r.parentExternalId === c.externalId).map((r) => ({ id: r.id, author: r.author ?? 'Unknown', text: r.text, createdAt: r.createdAt })),
    })),
  };
}
