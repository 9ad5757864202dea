/**
 * Cursor paging like Meta's: opaque base64 cursors, `limit` silently capped per edge, and
 * ABSOLUTE `paging.next/previous` URLs on Meta's real hosts (the client rewrites them).
 */
import { paramError } from './errors';

/** Meta's public hosts, used in paging URLs. */
export const META_HOSTS = {
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.instagram.com',
} as const;

/** Where an edge lives, to build its paging URLs. */
export interface EdgeLocation {
  host: 'facebook' | 'instagram';
  version: string;
  /** e.g. `17841…/media` (no leading slash). */
  path: string;
  /** Parameters to repeat in next/previous (access_token, fields, …) without paging ones. */
  params: Record<string, string>;
  /** Serve fewer items than `limit` per page (Meta filters items after paging); `next` stays. */
  shortPages?: boolean;
}

/** Sort key of an item: primary number (time) and id as a tie-breaker. */
export type SortKey = readonly [number, string];

/** A page of results plus Meta's paging object (absent when there is no data). */
export interface Paged<T> {
  items: T[];
  paging?: Record<string, unknown>;
}

/** Encodes a sort key as an opaque cursor (base64url, no padding, like Meta's `QVFI…`). */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(`cursor:${key[0]}:${key[1]}`).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^cursor:(-?\d+(?:\.\d+)?):(.+)$/.exec(raw);
  if (!m) throw paramError('Invalid cursor: the cursor is malformed or expired');
  return [Number(m[1]), m[2] as string];
}

/** Builds an absolute Graph URL on Meta's host. */
export function graphUrl(loc: EdgeLocation, extra: Record<string, string>): string {
  const qs = new URLSearchParams({ ...loc.params, ...extra });
  return `${META_HOSTS[loc.host]}/${loc.version}/${loc.path}?${qs.toString()}`;
}

/** Effective page size: default 25, silently capped. */
export function effectiveLimit(raw: string | undefined, cap: number, fallback = 25): number {
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  return Math.min(n, cap);
}

/**
 * Pages a list that is already sorted in display order; `compare` is the order of sort keys
 * (negative when a comes first). Cursors encode keys, so new items never shift a walk.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  params: Record<string, string | undefined>,
  loc: EdgeLocation,
  cap: number,
): Paged<T> {
  const limit = effectiveLimit(params.limit, cap);
  // Short pages drop up to a third of the items a full page would hold, varying page to page.
  const served = (start: number) => (loc.shortPages && limit > 2 ? limit - 1 - ((start * 7 + items.length) % Math.ceil(limit / 3)) : limit);
  let start = 0;
  let end = items.length;
  if (params.after) {
    const k = decodeCursor(params.after);
    start = items.findIndex((it) => compare(keyOf(it), k) > 0);
    if (start < 0) start = items.length;
    end = Math.min(items.length, start + served(start));
  } else if (params.before) {
    const k = decodeCursor(params.before);
    let idx = items.findIndex((it) => compare(keyOf(it), k) >= 0);
    if (idx < 0) idx = items.length;
    end = idx;
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(items.length, served(0));
  }
  const page = items.slice(start, end);
  if (page.length === 0) return { items: [] };
  const first = keyOf(page[0] as T);
  const last = keyOf(page[page.length - 1] as T);
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(first), after: encodeCursor(last) } };
  const { shortPages: _short, ...where } = loc;
  const base = { ...where, params: { ...loc.params, limit: String(limit) } };
  if (end < items.length) paging.next = graphUrl(base, { after: encodeCursor(last) });
  if (start > 0) paging.previous = graphUrl(base, { before: encodeCursor(first) });
  return { items: page, paging };
}

/** Order for newest-first lists keyed [time, id]. */
export function newestFirst(a: SortKey, b: SortKey): number {
  return b[0] - a[0] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0);
}

/** Order for oldest-first lists keyed [time, id]. */
export function oldestFirst(a: SortKey, b: SortKey): number {
  return -newestFirst(a, b);
}
