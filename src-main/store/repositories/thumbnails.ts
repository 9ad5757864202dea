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

  /** Posts of an account with no thumbnail row yet, newest first. */
  due(accountId: number): ThumbnailDue[] {
    return prepareCached(this.db,
      `SELECT p.id AS postId, p.external_id AS externalId, p.media_type AS mediaType, p.product_type AS productType,
              p.media_url AS mediaUrl, p.thumbnail_url AS thumbnailUrl
       FROM posts p LEFT JOIN post_thumbnails t ON t.post_id = p.id
       WHERE p.account_id = ? AND t.post_id IS NULL ORDER BY p.published_at DESC`,
    ).all(accountId) as ThumbnailDue[];
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

/** CDN URLs carry an expiring signature; the file is identified by the rest. */
function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
