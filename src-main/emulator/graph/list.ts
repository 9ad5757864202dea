/** Helpers shared by list edges: paging + rendering + since/until filters. */
import { GraphError, paramError } from '../core/errors';
import { effectiveLimit, paginate, type SortKey } from '../core/paging';
import type { Node } from './nodes';
import { renderNode, schemaOf, type EdgeRequest, type GraphCtx } from './render';

/** Parses a Graph time parameter: unix seconds or anything Date can parse (Meta uses strtotime). */
export function parseTimeParam(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^-?\d+$/.test(raw)) return Number(raw) * 1000;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw paramError(`The parameter ${name} is not a valid time: ${raw}`);
  return t;
}

/** Pages `items` (already in display order) and renders each node with the requested fields. */
export function listEdge<T>(
  ctx: GraphCtx,
  req: EdgeRequest,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  toNode: (item: T) => Node,
  cap = 100,
): { data: unknown[]; paging?: Record<string, unknown> } {
  const first = items[0];
  if (first !== undefined) refuseHeavyListing(ctx, req, toNode(first), cap);
  const page = paginate(items, keyOf, compare, req.params, { ...req.loc, ...(ctx.world.quirks?.shortPages ? { shortPages: true } : {}) }, cap);
  const data = page.items.map((it) => renderNode(ctx, toNode(it), req.fields));
  return page.paging ? { data, paging: page.paging } : { data };
}

/** Filters by `since`/`until` (time-based paging) on a time accessor. */
export function timeWindow<T>(items: readonly T[], params: Record<string, string>, timeOf: (item: T) => number): T[] {
  const since = parseTimeParam('since', params.since);
  const until = parseTimeParam('until', params.until);
  if (since === undefined && until === undefined) return items.slice();
  return items.filter((it) => {
    const t = timeOf(it);
    return (since === undefined || t >= since) && (until === undefined || t <= until);
  });
}

/**
 * Meta answers a listing that would return too much at once (a full page with several edges
 * nested) with code 1 "Please reduce the amount of data you're asking for, then retry your
 * request" (https://developers.facebook.com/docs/graph-api/guides/error-handling); here the cost
 * is page size times nested edges, against the world's `maxNestedItems`.
 */
function refuseHeavyListing(ctx: GraphCtx, req: EdgeRequest, sample: Node, cap: number): void {
  const max = ctx.world.quirks?.maxNestedItems;
  if (max === undefined || !req.fields) return;
  const edges = schemaOf(sample).edges;
  const nested = req.fields.filter((f) => edges[f.name] !== undefined).length;
  if (nested > 0 && effectiveLimit(req.params.limit, cap) * nested > max) {
    throw new GraphError(500, 1, "Please reduce the amount of data you're asking for, then retry your request", 'OAuthException');
  }
}
