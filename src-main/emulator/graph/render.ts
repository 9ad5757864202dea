/** Field rendering with expansion: scalars, linked nodes and edges, per node schema. */
import type { EmulatorState } from '../core/state';
import { nonexistingField } from '../core/errors';
import { serializeFields, type FieldSpec } from '../core/fields';
import type { EdgeLocation } from '../core/paging';
import type { TokenSpec, World } from '../world/types';
import type { Node, NodeType } from './nodes';

/** Per-operation context handed to every renderer and handler. */
export interface GraphCtx {
  state: EmulatorState;
  world: World;
  host: 'facebook' | 'instagram';
  version: string;
  token: TokenSpec;
  /** Params repeated in paging URLs (the access_token, when it came in the query). */
  baseParams: Record<string, string>;
}

/** An edge call: its params (query or expansion modifiers), nested fields and location. */
export interface EdgeRequest {
  params: Record<string, string>;
  fields?: FieldSpec[];
  loc: EdgeLocation;
}

/** A scalar/linked-object field. */
export type ScalarFn<N> = (ctx: GraphCtx, node: N) => unknown;
/** An edge (list or insights). */
export type EdgeFn<N> = (ctx: GraphCtx, node: N, req: EdgeRequest) => unknown;

/** How a node type renders. */
export interface NodeSchema<N> {
  /** Meta's node type name, used in "nonexisting field" errors. */
  metaType: string;
  id: (node: N) => string;
  defaults: readonly string[];
  scalars: Record<string, ScalarFn<N>>;
  edges: Record<string, EdgeFn<N>>;
}

/** Marks a field value that is another node, rendered with the nested field list (default id). */
export class NodeLink {
  constructor(readonly node: Node) {}
}

type SchemaMap = { [T in NodeType]?: NodeSchema<Extract<Node, { type: T }>> };
const schemas: SchemaMap = {};

/** Registers schemas (each graph module registers its node types). */
export function registerSchemas(add: SchemaMap): void {
  Object.assign(schemas, add);
}

/** The schema for a node. */
export function schemaOf(node: Node): NodeSchema<Node> {
  const s = schemas[node.type] as NodeSchema<Node> | undefined;
  if (!s) throw new Error(`no schema for ${node.type}`);
  return s;
}

/** Params of an expansion that are repeated in its paging URLs (all but the cursors). */
function carriedMods(mods: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mods)) if (k !== 'after' && k !== 'before' && k !== 'limit') out[k] = v;
  return out;
}

function shape(ctx: GraphCtx, value: unknown, sub: FieldSpec[] | undefined): unknown {
  if (value instanceof NodeLink) return renderNode(ctx, value.node, sub ?? [{ name: 'id', mods: {} }]);
  if (Array.isArray(value)) return value.map((v) => shape(ctx, v, sub));
  if (sub && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj.data)) return { ...obj, data: obj.data.map((v) => shape(ctx, v, sub)) };
    const out: Record<string, unknown> = {};
    for (const f of sub) if (obj[f.name] !== undefined) out[f.name] = shape(ctx, obj[f.name], f.sub);
    return out;
  }
  return value;
}

/** Calls an edge of a node as a top-level request or an expansion. */
export function callEdge(ctx: GraphCtx, node: Node, edge: string, params: Record<string, string>, fields: FieldSpec[] | undefined): unknown {
  const schema = schemaOf(node);
  const fn = schema.edges[edge];
  if (!fn) throw nonexistingField(edge, schema.metaType);
  const carried: Record<string, string> = { ...ctx.baseParams, ...carriedMods(params) };
  if (fields) carried.fields = serializeFields(fields);
  else delete carried.fields;
  const loc: EdgeLocation = { host: ctx.host, version: ctx.version, path: `${schema.id(node)}/${edge}`, params: carried };
  return fn(ctx, node, { params, fields, loc });
}

/** Renders a node with the requested fields (or its defaults); `id` is always included. */
export function renderNode(ctx: GraphCtx, node: Node, fields: FieldSpec[] | undefined): Record<string, unknown> {
  const schema = schemaOf(node);
  const specs: FieldSpec[] = fields ?? schema.defaults.map((name) => ({ name, mods: {} }));
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.name === 'id' && !schema.scalars.id) {
      out.id = schema.id(node);
      continue;
    }
    const scalar = schema.scalars[spec.name];
    if (scalar) {
      const value = scalar(ctx, node);
      if (value !== undefined) out[spec.name] = shape(ctx, value, spec.sub);
      continue;
    }
    if (schema.edges[spec.name]) {
      const result = callEdge(ctx, node, spec.name, spec.mods, spec.sub) as { data?: unknown[]; summary?: unknown } | undefined;
      // Meta omits expanded edges that have no data (unless a summary was asked for).
      const empty = Array.isArray(result?.data) && result.data.length === 0 && result.summary === undefined;
      if (result && !empty) out[spec.name] = result;
      continue;
    }
    throw nonexistingField(spec.name, schema.metaType);
  }
  if (out.id === undefined) {
    const idField = schema.scalars.id;
    out.id = idField ? idField(ctx, node) : schema.id(node);
  }
  return out;
}
