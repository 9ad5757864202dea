import { prepareCached, type Db } from '../database';
import type { InsightsStatus, Network, PostRow as PostListRow, PostSummary } from '../../../src-preload/contract';

export interface PostInput {
  externalId: string;
  mediaType?: string | null;
  productType?: string | null;
  caption?: string | null;
  permalink?: string | null;
  mediaUrl?: string | null;
  thumbnailUrl?: string | null;
  publishedAt: number;
  likeCount?: number | null;
  commentsCount?: number | null;
}

/** Lifetime metrics as read at one moment. Unknown metrics go to `extra`. */
export interface MetricSnapshot {
  views?: number | null;
  reach?: number | null;
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  totalInteractions?: number | null;
  extra?: Record<string, number> | null;
}

interface PostRow {
  id: number;
  account_id: number;
  network: Network;
  caption: string | null;
  media_type: string | null;
  product_type: string | null;
  permalink: string | null;
  published_at: number;
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  captured_at: number | null;
  insights_status: InsightsStatus | null;
}

/** The newest snapshot of each post, joined in one pass (the snapshot PK makes max() an index seek). */
const POST_WITH_LATEST = `
  SELECT p.id, p.account_id, a.network, p.caption, p.media_type, p.product_type, p.permalink, p.published_at, p.insights_status,
         s.views, s.reach, s.likes, s.comments, s.shares, s.saves, s.captured_at
  FROM posts p
  JOIN accounts a ON a.id = p.account_id
  LEFT JOIN post_metric_snapshots s ON s.post_id = p.id
    AND s.captured_at = (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = p.id)`;

/** What the sync needs to know about a stored post to decide what to read again. */
export interface PostSyncState {
  id: number;
  publishedAt: number;
  productType: string | null;
  lastSnapshotAt: number | null;
  commentsCount: number | null;
  insightsStatus: InsightsStatus | null;
  insightsCheckedAt: number | null;
}

export class PostsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts or refreshes a post keyed on (account, Meta id); returns its local id. */
  upsert(accountId: number, post: PostInput, now: number): number {
    const row = prepareCached(this.db, 
        `INSERT INTO posts (account_id, external_id, media_type, product_type, caption, permalink, media_url,
           thumbnail_url, published_at, like_count, comments_count, first_seen_at, updated_at)
         VALUES (@accountId, @externalId, @mediaType, @productType, @caption, @permalink, @mediaUrl,
           @thumbnailUrl, @publishedAt, @likeCount, @commentsCount, @now, @now)
         ON CONFLICT (account_id, external_id) DO UPDATE SET
           media_type = excluded.media_type, product_type = excluded.product_type, caption = excluded.caption,
           permalink = excluded.permalink, media_url = excluded.media_url, thumbnail_url = excluded.thumbnail_url,
           like_count = excluded.like_count, comments_count = excluded.comments_count, updated_at = excluded.updated_at
         RETURNING id`,
      )
      .get({
        mediaType: null,
        productType: null,
        caption: null,
        permalink: null,
        mediaUrl: null,
        thumbnailUrl: null,
        likeCount: null,
        commentsCount: null,
        ...post,
        accountId,
        now,
      }) as { id: number };
    return row.id;
  }

  idByExternalId(accountId: number, externalId: string): number | null {
    const row = prepareCached(this.db, 'SELECT id FROM posts WHERE account_id = ? AND external_id = ?').get(accountId, externalId) as
      | { id: number }
      | undefined;
    return row?.id ?? null;
  }

  /** Records the metrics read at `capturedAt`; a second read at the same instant replaces the first. */
  addSnapshot(postId: number, capturedAt: number, m: MetricSnapshot): void {
    prepareCached(this.db, 
        `INSERT OR REPLACE INTO post_metric_snapshots
           (post_id, captured_at, views, reach, likes, comments, shares, saves, total_interactions, extra)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        postId,
        capturedAt,
        m.views ?? null,
        m.reach ?? null,
        m.likes ?? null,
        m.comments ?? null,
        m.shares ?? null,
        m.saves ?? null,
        m.totalInteractions ?? null,
        m.extra && Object.keys(m.extra).length > 0 ? JSON.stringify(m.extra) : null,
      );
  }

  /** The newest snapshot's time and the metric names in its `extra`, or null when there is none. */
  latestSnapshotExtras(postId: number): { capturedAt: number; extraKeys: Set<string> } | null {
    const row = prepareCached(
      this.db,
      'SELECT captured_at, extra FROM post_metric_snapshots WHERE post_id = ? ORDER BY captured_at DESC LIMIT 1',
    ).get(postId) as { captured_at: number; extra: string | null } | undefined;
    if (!row) return null;
    return { capturedAt: row.captured_at, extraKeys: new Set(Object.keys(row.extra ? (JSON.parse(row.extra) as object) : {})) };
  }

  /** Adds metrics to an existing snapshot's `extra`; false when there is no such snapshot. */
  mergeSnapshotExtra(postId: number, capturedAt: number, extra: Record<string, number>): boolean {
    if (Object.keys(extra).length === 0) return false;
    return (
      prepareCached(
        this.db,
        `UPDATE post_metric_snapshots SET extra = json_patch(coalesce(extra, '{}'), ?) WHERE post_id = ? AND captured_at = ?`,
      ).run(JSON.stringify(extra), postId, capturedAt).changes > 0
    );
  }

  /**
   * Records why Meta gave no insights for a post (null: it gave them) and when it was asked, so
   * later syncs know whether and when to ask again and the UI can say why instead of showing zeros.
   */
  setInsightsStatus(postId: number, status: InsightsStatus | null, checkedAt: number): void {
    prepareCached(this.db, 'UPDATE posts SET insights_status = ?, insights_checked_at = ? WHERE id = ?').run(status, checkedAt, postId);
  }

  setCommentsCount(postId: number, count: number): void {
    prepareCached(this.db, 'UPDATE posts SET comments_count = ? WHERE id = ?').run(count, postId);
  }

  /**
   * Per post of an account: local id, publish time, product type, newest snapshot time, comment
   * count, and why Meta gave no insights (with when it was last asked).
   */
  snapshotState(accountId: number): Map<string, PostSyncState> {
    const rows = prepareCached(this.db, 
        `SELECT p.id, p.external_id, p.published_at, p.product_type, p.comments_count, p.insights_status, p.insights_checked_at,
                (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = p.id) AS last_snapshot_at
         FROM posts p WHERE p.account_id = ?`,
      )
      .all(accountId) as Array<{
      id: number;
      external_id: string;
      published_at: number;
      product_type: string | null;
      comments_count: number | null;
      insights_status: InsightsStatus | null;
      insights_checked_at: number | null;
      last_snapshot_at: number | null;
    }>;
    return new Map(
      rows.map((r) => [
        r.external_id,
        {
          id: r.id,
          publishedAt: r.published_at,
          productType: r.product_type,
          lastSnapshotAt: r.last_snapshot_at,
          commentsCount: r.comments_count,
          insightsStatus: r.insights_status,
          insightsCheckedAt: r.insights_checked_at,
        },
      ]),
    );
  }

  /** Posts published in [since, until), best first by views (then reach). */
  top(accountId: number | null, since: number, until: number, limit: number): PostSummary[] {
    const rows = prepareCached(this.db, 
        `${POST_WITH_LATEST}
         WHERE p.published_at >= @since AND p.published_at < @until AND (@accountId IS NULL OR p.account_id = @accountId)
         ORDER BY coalesce(s.views, 0) DESC, coalesce(s.reach, 0) DESC
         LIMIT @limit`,
      )
      .all({ accountId, since, until, limit }) as PostRow[];
    return rows.map(toSummary);
  }

  /** Newest posts first, one page at a time. */
  list(accountId: number | null, limit: number, offset: number): PostSummary[] {
    const rows = prepareCached(this.db, 
        `${POST_WITH_LATEST}
         WHERE (@accountId IS NULL OR p.account_id = @accountId)
         ORDER BY p.published_at DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ accountId, limit, offset }) as PostRow[];
    return rows.map(toSummary);
  }

  countInRange(accountId: number | null, since: number, until: number): number {
    const row = prepareCached(this.db, 
        `SELECT count(*) AS n FROM posts WHERE published_at >= ? AND published_at < ? AND (? IS NULL OR account_id = ?)`,
      )
      .get(since, until, accountId, accountId) as { n: number };
    return row.n;
  }
}

function toSummary(r: PostRow): PostSummary {
  return {
    id: r.id,
    accountId: r.account_id,
    network: r.network,
    caption: r.caption ?? '',
    mediaType: r.media_type,
    productType: r.product_type,
    permalink: r.permalink,
    publishedAt: r.published_at,
    views: r.views,
    reach: r.reach,
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    saves: r.saves,
    metricsAt: r.captured_at,
    insightsStatus: r.insights_status,
  };
}

/** A post with its newest metrics, for the analytics views: the contract's row before its derived fields. */
export type PostMetricsRow = Pick<PostListRow, 'id' | 'accountId' | 'network' | 'permalink' | 'publishedAt' | 'views' | 'reach' | 'likes' | 'comments' | 'shares' | 'saves' | 'metricsAt'> & {
  mediaType: string | null;
  productType: string | null;
  caption: string | null;
  insightsStatus: InsightsStatus | null;
  /** A downscaled image of the post is stored on this computer. */
  hasThumbnail: boolean;
};

/** The columns of a PostMetricsRow, in order, as SQL reads them (newest metrics from `post_latest_metrics`). */
export const METRICS_ROW_COLUMNS = `p.id, p.account_id, a.network, p.media_type, p.product_type, p.caption, p.permalink, p.published_at,
  s.views, s.reach, s.likes, s.comments, s.shares, s.saves, s.captured_at, p.insights_status, t.status = 'stored'`;
export const METRICS_ROW_FROM = `FROM posts p JOIN accounts a ON a.id = p.account_id
  LEFT JOIN post_latest_metrics s ON s.post_id = p.id LEFT JOIN post_thumbnails t ON t.post_id = p.id`;

export type MetricsTuple = [number, number, Network, string | null, string | null, string | null, string | null, number,
  number | null, number | null, number | null, number | null, number | null, number | null, number | null, InsightsStatus | null, number | null];

export function fromTuple(r: MetricsTuple): PostMetricsRow {
  return {
    id: r[0], accountId: r[1], network: r[2], mediaType: r[3], productType: r[4], caption: r[5], permalink: r[6], publishedAt: r[7],
    views: r[8], reach: r[9], likes: r[10], comments: r[11], shares: r[12], saves: r[13], metricsAt: r[14], insightsStatus: r[15], hasThumbnail: r[16] === 1,
  };
}

/**
 * A post's engagement rate in SQL, the same as `engagementRate` in services/analytics/figures.ts
 * (interactions ÷ reach; null without reach or without any interaction figure; a missing part counts
 * as nothing), so the posts table can sort by it and best-time can read it without the rows.
 */
export const ENGAGEMENT_RATE_SQL = `(CASE WHEN s.reach > 0 AND coalesce(s.likes, s.comments, s.shares, s.saves) IS NOT NULL
  THEN (coalesce(s.likes, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0) + coalesce(s.saves, 0)) * 1.0 / s.reach END)`;

/** Read queries for Analytics: posts' rates in a time range, one post, its history and comments (windows of the table: post-windows.ts). */
export class PostAnalyticsQueries {
  constructor(private readonly db: Db) {}

  /**
   * Publish time and engagement rate of each post of `accountIds` in [since, until): what best-time
   * places, packed by SQLite into one string instead of thousands of rows.
   */
  ratesInRange(accountIds: readonly number[], since: number, until: number): Array<{ publishedAt: number; rate: number | null }> {
    const packed = prepareCached(this.db,
      `SELECT group_concat(p.published_at || ' ' || coalesce(${ENGAGEMENT_RATE_SQL}, ''))
       FROM posts p LEFT JOIN post_latest_metrics s ON s.post_id = p.id
       WHERE p.account_id IN (SELECT value FROM json_each(?)) AND p.published_at >= ? AND p.published_at < ?`,
    ).pluck().get(JSON.stringify(accountIds), since, until) as string | null;
    if (!packed) return [];
    return packed.split(',').map((pair) => {
      const at = pair.indexOf(' ');
      const rate = pair.slice(at + 1);
      return { publishedAt: Number(pair.slice(0, at)), rate: rate === '' ? null : Number(rate) };
    });
  }

  /** Posts of one account published in [since, until) (an index range on account and time). */
  countInRange(accountId: number, since: number, until: number): number {
    return (prepareCached(this.db, 'SELECT count(*) AS n FROM posts WHERE account_id = ? AND published_at >= ? AND published_at < ?').get(accountId, since, until) as { n: number }).n;
  }

  one(postId: number): PostMetricsRow | null {
    const row = prepareCached(this.db, `SELECT ${METRICS_ROW_COLUMNS} ${METRICS_ROW_FROM} WHERE p.id = ?`).raw(true).get(postId) as MetricsTuple | undefined;
    return row ? fromTuple(row) : null;
  }

  /** Every snapshot of one post, oldest first. */
  history(postId: number): Array<{ at: number; views: number | null; reach: number | null; likes: number | null; comments: number | null; shares: number | null; saves: number | null }> {
    return prepareCached(this.db,
      'SELECT captured_at AS at, views, reach, likes, comments, shares, saves FROM post_metric_snapshots WHERE post_id = ? ORDER BY captured_at',
    ).all(postId) as ReturnType<PostAnalyticsQueries['history']>;
  }

  /** A post's comments with their authors' usernames, oldest first. */
  comments(postId: number): Array<{ id: number; externalId: string; parentExternalId: string | null; author: string | null; text: string | null; createdAt: number; hidden: number }> {
    return prepareCached(this.db,
      `SELECT c.id, c.external_id AS externalId, c.parent_external_id AS parentExternalId,
              coalesce(pe.username, pe.name, c.author_username) AS author, c.text, c.created_at AS createdAt, c.hidden
       FROM comments c LEFT JOIN people pe ON pe.id = c.person_id WHERE c.post_id = ? ORDER BY c.created_at`,
    ).all(postId) as ReturnType<PostAnalyticsQueries['comments']>;
  }
}
