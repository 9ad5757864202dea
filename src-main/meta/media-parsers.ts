/**
 * Normalisers for the posts the sync lists: Instagram media (`/{ig-user-id}/media`,
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media) and Facebook
 * Page posts (`/{page-id}/posts`). Nested edges (insights, comments) are passed on raw for their
 * own parsers; a missing field stays undefined (no data is not zero).
 */
import { MalformedResponseError } from './errors';
import { asArray, asNumber, asRecord, asString, definedFields, toEpochMs } from './json-access';

/** A nested list edge as Meta returns it: a page of items and where the next page is. */
export interface RawEdge {
  data: unknown[];
  next?: string;
}

/** A nested edge (`comments{…}` on a media or post), or undefined when Meta omitted it (no items). */
export function parseEdge(json: unknown): RawEdge | undefined {
  const edge = asRecord(json);
  if (!edge) return undefined;
  const next = asString(asRecord(edge.paging)?.next);
  return { data: asArray(edge.data), ...(next ? { next } : {}) };
}

/** An Instagram media object. */
export interface IgMedia {
  id: string;
  caption?: string;
  mediaType?: string;
  productType?: string;
  permalink?: string;
  mediaUrl?: string;
  thumbnailUrl?: string;
  timestampMs?: number;
  likeCount?: number;
  commentsCount?: number;
  /** The nested `insights` edge, raw (see insights.ts). */
  insights?: unknown;
  comments?: RawEdge;
}

function requireId(json: unknown, what: string): { record: Record<string, unknown>; id: string } {
  const record = asRecord(json);
  const id = asString(record?.id);
  if (!record || !id) throw new MalformedResponseError(`${what} without an id`, 200, '', false);
  return { record, id };
}

/** Normalises an IG media node (from a listing, `/{media-id}` or a batch item). */
export function parseIgMedia(json: unknown): IgMedia {
  const { record: m, id } = requireId(json, 'Instagram media');
  return {
    id,
    ...definedFields({
      caption: asString(m.caption),
      mediaType: asString(m.media_type),
      productType: asString(m.media_product_type),
      permalink: asString(m.permalink),
      mediaUrl: asString(m.media_url),
      thumbnailUrl: asString(m.thumbnail_url),
      timestampMs: toEpochMs(m.timestamp),
      likeCount: asNumber(m.like_count),
      commentsCount: asNumber(m.comments_count),
      insights: m.insights,
      comments: parseEdge(m.comments),
    }),
  };
}

/** A Facebook Page post. */
export interface PagePost {
  id: string;
  message?: string;
  createdTimeMs?: number;
  permalinkUrl?: string;
  statusType?: string;
  fullPicture?: string;
  insights?: unknown;
  comments?: RawEdge;
}

/** Normalises a Page post node from `/{page-id}/posts`. */
export function parsePagePost(json: unknown): PagePost {
  const { record: p, id } = requireId(json, 'Page post');
  return {
    id,
    ...definedFields({
      message: asString(p.message),
      createdTimeMs: toEpochMs(p.created_time),
      permalinkUrl: asString(p.permalink_url),
      statusType: asString(p.status_type),
      fullPicture: asString(p.full_picture),
      insights: p.insights,
      comments: parseEdge(p.comments),
    }),
  };
}
