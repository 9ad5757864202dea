import { GraphApiError, type GraphErrorKind } from '../meta/errors';
import type { GraphHost } from '../meta/graph-paging';
import type { SyncContext } from './context';

/** An edge nested in a listing by field expansion, e.g. `insights.metric(reach,views)`. */
export interface NestedEdge {
  name: string;
  spec: string;
}

/** One page of a listing, with the nested edges it actually carried. */
export interface ListingPage<T> {
  data: T[];
  nested: ReadonlySet<string>;
}

export interface ListingRequest {
  path: string;
  host: GraphHost;
  token: string;
  businessId: string;
  /** Plain fields of each item. */
  fields: string;
  /** Nested edges, most valuable first: a too-heavy request drops them from the end. */
  nested: readonly NestedEdge[];
  limit: number;
  /** Extra query parameters (e.g. `platform`). */
  params?: Record<string, string>;
}

/**
 * Errors one object of the page can cause inside a nested edge. Meta then fails the whole page
 * ("an error inside a field expansion fails the whole request": a post from before the business
 * conversion, 100/2108006; a product type without that metric; `(#10)` on media the app may not
 * read), so the page is read again with fewer nested edges and the caller reads the rest per item.
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 */
const ONE_OBJECT_KINDS: ReadonlySet<GraphErrorKind> = new Set(['before-business-conversion', 'unsupported-product-type', 'permission', 'not-found']);

/** Smallest page worth halving to before nested edges are given up. */
const MIN_NESTED_LIMIT = 25;

interface Envelope<T> {
  data?: T[];
  paging?: { next?: string; cursors?: { after?: string } };
}

/**
 * Walks a Graph listing page by page, newest first, following the `after` cursor until Meta
 * gives no `next` (pages may hold fewer items than `limit`; only a missing `next` ends a listing,
 * https://developers.facebook.com/docs/graph-api/results).
 * - Code 1 "Please reduce the amount of data you're asking for" shrinks the request for the rest
 *   of the walk: halve `limit` down to 25, then drop nested edges (last first), then halve again
 *   (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * - An error one object causes inside a nested edge re-reads that page without insights, then
 *   without any nested edge; the next page tries them all again. The caller sees which edges each
 *   page carried.
 */
export async function* walkListing<T>(ctx: SyncContext, request: ListingRequest): AsyncGenerator<ListingPage<T>> {
  let limit = request.limit;
  let nested = [...request.nested];
  let pageNested = nested;
  let after: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    let body: Envelope<T>;
    try {
      body = await ctx.client.get<Envelope<T>>(request.path, {
        host: request.host,
        token: request.token,
        params: { ...request.params, fields: [request.fields, ...pageNested.map((e) => e.spec)].join(','), limit, ...(after ? { after } : {}) },
        businessId: request.businessId,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    } catch (error) {
      if (!(error instanceof GraphApiError)) throw error;
      if (error.kind === 'too-much-data') {
        if (limit > MIN_NESTED_LIMIT) limit = Math.ceil(limit / 2);
        else if (nested.length > 0) nested = nested.slice(0, -1);
        else if (limit > 1) limit = Math.ceil(limit / 2);
        else throw error;
        pageNested = pageNested.filter((e) => nested.includes(e));
        continue;
      }
      if (ONE_OBJECT_KINDS.has(error.kind) && pageNested.length > 0) {
        // Insights are what one post refuses most: drop them first, then every nested edge.
        const withoutInsights = pageNested.filter((e) => e.name !== 'insights');
        pageNested = withoutInsights.length < pageNested.length && withoutInsights.length > 0 ? withoutInsights : [];
        continue;
      }
      throw error;
    }
    yield { data: body.data ?? [], nested: new Set(pageNested.map((e) => e.name)) };
    pageNested = nested;
    const cursor = body.paging?.cursors?.after;
    if (!body.paging?.next || !cursor || seen.has(cursor)) return;
    seen.add(cursor);
    after = cursor;
  }
}
