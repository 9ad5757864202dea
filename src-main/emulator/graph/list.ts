/** Helpers shared by list edges: paging + rendering + since/until filters. */
import { paramError } from '../core/errors';
import { paginate, type SortKey } from '../core/paging';
import type { Node } from './nodes';
import { renderNode, type EdgeRequest, type GraphCtx } from './render';

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
  const page = paginate(items, keyOf, compare, req.params, req.loc, cap);
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
