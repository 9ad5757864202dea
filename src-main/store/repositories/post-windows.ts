import type { PostSortKey } from '../../../src-preload/contract';
import { prepareCached, type Db } from '../database';
import { ENGAGEMENT_RATE_SQL, fromTuple, METRICS_ROW_COLUMNS, type MetricsTuple, type PostMetricsRow } from './posts';

/** Meta's Page post types (`status_type`) in words. */
export const PAGE_POST_KINDS: Readonly<Record<string, string>> = {
  added_photos: 'Photo',
  added_video: 'Video',
  mobile_status_update: 'Status',
  wall_post: 'Status',
  shared_story: 'Link',
  created_note: 'Note',
  created_event: 'Event',
  published_story: 'Status',
};

/** A post's kind in words: Page posts by status type, Instagram by product and media type. */
export function postKind(network: string, mediaType: string | null, productType: string | null): string {
  if (network === 'facebook') return PAGE_POST_KINDS[mediaType ?? ''] ?? 'Post';
  if (productType === 'REELS') return 'Reel';
  if (productType === 'STORY') return 'Story';
  if (mediaType === 'CAROUSEL_ALBUM') return 'Carousel';
  return 'Feed';
}

/** `postKind` in SQL, so the table filters by kind before it pages (a test pins the two together). */
const POST_KIND_SQL = `(CASE WHEN a.network = 'facebook' THEN CASE p.media_type ${Object.entries(PAGE_POST_KINDS).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE 'Post' END
  WHEN p.product_type = 'REELS' THEN 'Reel' WHEN p.product_type = 'STORY' THEN 'Story' WHEN p.media_type = 'CAROUSEL_ALBUM' THEN 'Carousel' ELSE 'Feed' END)`;

const SORT_SQL: Record<PostSortKey, string> = {
  publishedAt: 'p.published_at',
  views: 's.views',
  reach: 's.reach',
  likes: 's.likes',
  comments: 's.comments',
  shares: 's.shares',
  saves: 's.saves',
  engagementRate: ENGAGEMENT_RATE_SQL,
};

/**
 * Caption search as JavaScript does it (`toLocaleLowerCase` and `includes`): SQLite's own lower()
 * and LIKE fold ASCII letters only, and captions are "Été", "ÇA VA", emoji.
 */
const withCaptionSearch = new WeakSet<Db>();
function registerCaptionSearch(db: Db): void {
  if (withCaptionSearch.has(db)) return;
  db.function('caption_contains', { deterministic: true }, (caption: unknown, needle: unknown) =>
    typeof caption === 'string' && typeof needle === 'string' && caption.toLocaleLowerCase().includes(needle) ? 1 : 0);
  withCaptionSearch.add(db);
}

export interface PostWindowQuery {
  accountIds: readonly number[];
  /** Published in [since, until). */
  since: number;
  until: number;
  kind: string | null;
  /** Already lower-cased; empty: every caption. */
  needle: string;
  sort: { key: PostSortKey; descending: boolean };
  offset: number;
  /** null: every row from `offset`. */
  limit: number | null;
}

/**
 * A window of the posts table, filtered and sorted by SQLite, with how many posts match: the
 * renderer asks for the rows in view instead of receiving every post of two years. Posts without
 * the sorted figure go last whichever the direction; ties stay newest first.
 */
export function postsWindow(db: Db, q: PostWindowQuery): { rows: PostMetricsRow[]; total: number } {
  registerCaptionSearch(db);
  const where = `WHERE p.account_id IN (SELECT value FROM json_each(@accounts)) AND p.published_at >= @since AND p.published_at < @until
    AND (@kind IS NULL OR ${POST_KIND_SQL} = @kind) AND (@needle = '' OR caption_contains(p.caption, @needle))`;
  const params = { accounts: JSON.stringify(q.accountIds), since: q.since, until: q.until, kind: q.kind, needle: q.needle };
  const order = (w: string) => `${w}k IS NULL, ${w}k ${q.sort.descending ? 'DESC' : 'ASC'}, ${w}at DESC, ${w}post_id DESC`;
  // The window's ids are found sorting only the key, then its rows are read in full: sorting whole
  // rows (captions included) of every post cost several times more.
  const rows = prepareCached(db,
    `SELECT ${METRICS_ROW_COLUMNS} FROM (
       SELECT p.id AS post_id, p.published_at AS at, ${SORT_SQL[q.sort.key]} AS k FROM posts p JOIN accounts a ON a.id = p.account_id
       LEFT JOIN post_latest_metrics s ON s.post_id = p.id ${where} ORDER BY ${order('')} LIMIT @limit OFFSET @offset
     ) w JOIN posts p ON p.id = w.post_id JOIN accounts a ON a.id = p.account_id
     LEFT JOIN post_latest_metrics s ON s.post_id = p.id LEFT JOIN post_thumbnails t ON t.post_id = p.id
     ORDER BY ${order('w.')}`,
  ).raw(true).all({ ...params, limit: q.limit ?? -1, offset: q.offset }) as MetricsTuple[];
  const total = prepareCached(db, `SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.account_id ${where}`).pluck().get(params) as number;
  return { rows: rows.map(fromTuple), total };
}
