import { prepareCached, type Db } from '../database';

/** A post whose picture has not been fetched yet, with the URLs Meta gave at the last read. */
export interface ThumbnailDue {
  postId: number;
  externalId: string;
  mediaType: string | null;
  productType: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
}

export interface StoredThumbnail {
  mime: string;
  bytes: Buffer;
}

/** Downscaled post pictures kept inside the encrypted store, or why a post has none. */
export class ThumbnailsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Posts of an account whose picture is to be fetched, newest first: those with none yet, those
   * whose picture Meta now names differently from the one stored (a new picture), and those whose
   * last attempt failed more than `retryFailedAfterMs` ago. An unchanged picture is never fetched
   * again, however often its signed URL rotates.
   */
  due(accountId: number, network: 'instagram' | 'facebook', now: number, retryFailedAfterMs: number): ThumbnailDue[] {
    const rows = prepareCached(this.db,
      `SELECT p.id AS postId, p.external_id AS externalId, p.media_type AS mediaType, p.product_type AS productType,
              p.media_url AS mediaUrl, p.thumbnail_url AS thumbnailUrl, t.status, t.source_url AS sourceUrl, t.fetched_at AS fetchedAt
       FROM posts p LEFT JOIN post_thumbnails t ON t.post_id = p.id
       WHERE p.account_id = ? ORDER BY p.published_at DESC`,
    ).all(accountId) as Array<ThumbnailDue & { status: 'stored' | 'unavailable' | null; sourceUrl: string | null; fetchedAt: number | null }>;
    return rows
      .filter((r) => {
        if (r.status === null) return true;
        const current = pictureKey(pictureUrl(network, r));
        if (current !== pictureKey(r.sourceUrl)) return true;
        return r.status === 'unavailable' && current !== null && now - r.fetchedAt! >= retryFailedAfterMs;
      })
      .map(({ postId, externalId, mediaType, productType, mediaUrl, thumbnailUrl }) => ({ postId, externalId, mediaType, productType, mediaUrl, thumbnailUrl }));
  }

  /** Remembers the URLs Meta gave when asked again (the stored ones had expired). */
  setUrls(postId: number, mediaUrl: string | null, thumbnailUrl: string | null): void {
    prepareCached(this.db, 'UPDATE posts SET media_url = ?, thumbnail_url = ? WHERE id = ?').run(mediaUrl, thumbnailUrl, postId);
  }

  store(postId: number, image: { mime: string; bytes: Buffer; width: number; height: number; sourceUrl: string }, now: number): void {
    prepareCached(this.db,
      `INSERT OR REPLACE INTO post_thumbnails (post_id, status, mime, bytes, width, height, source_url, reason, fetched_at)
       VALUES (?, 'stored', ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(postId, image.mime, image.bytes, image.width, image.height, stripQuery(image.sourceUrl), now);
  }

  /** Records that the post has no picture to show, and why (shown instead of a broken image). */
  markUnavailable(postId: number, reason: string, sourceUrl: string | null, now: number): void {
    prepareCached(this.db,
      `INSERT OR REPLACE INTO post_thumbnails (post_id, status, mime, bytes, width, height, source_url, reason, fetched_at)
       VALUES (?, 'unavailable', NULL, NULL, NULL, NULL, ?, ?, ?)`,
    ).run(postId, sourceUrl ? stripQuery(sourceUrl) : null, reason, now);
  }

  /** The stored pictures of these posts (posts without one are absent). */
  get(postIds: readonly number[]): Map<number, StoredThumbnail> {
    const rows = prepareCached(this.db,
      `SELECT post_id AS postId, mime, bytes FROM post_thumbnails WHERE status = 'stored' AND post_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(postIds)) as Array<{ postId: number; mime: string; bytes: Buffer }>;
    return new Map(rows.map((r) => [r.postId, { mime: r.mime, bytes: r.bytes }]));
  }

  /** Why a post has no picture, when it was recorded. */
  reason(postId: number): string | null {
    const row = prepareCached(this.db, `SELECT reason FROM post_thumbnails WHERE post_id = ? AND status = 'unavailable'`).get(postId) as { reason: string } | undefined;
    return row?.reason ?? null;
  }
}

/**
 * Which URL shows a post: a video or reel's `media_url` is the video file, so it uses its
 * `thumbnail_url` (its cover); an image or carousel its `media_url` (a carousel's first picture); a
 * Page post its `full_picture` (stored as the post's media URL).
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media
 */
export function pictureUrl(network: 'instagram' | 'facebook', post: Pick<ThumbnailDue, 'mediaType' | 'mediaUrl' | 'thumbnailUrl'>): string | null {
  if (network === 'facebook') return post.mediaUrl;
  return post.mediaType === 'VIDEO' ? post.thumbnailUrl : post.mediaUrl;
}

/**
 * What names a picture on Meta's CDN: the file's path. Each read of the post hands out the same
 * file under a fresh signature (`oh`, `oe` and the `_nc_*` query) and often another edge host
 * (scontent-cdg2-1 today, scontent-lhr8-1 tomorrow); only a new picture (a Page post edited, a new
 * reel cover) has a new path.
 */
export function pictureKey(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return stripQuery(url);
  }
}

/** CDN URLs carry an expiring signature; the file is identified by the rest. */
function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
