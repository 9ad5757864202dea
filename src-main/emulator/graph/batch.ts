/**
 * `POST /` batch requests: ≤ 50 operations, each counted as one call, answered in order as
 * `{code, headers[{name,value}], body:"<json>"}` (per-item errors inside an HTTP 200), named
 * operations with `{result=name:$.path}` references, `include_headers=false` honoured.
 */
import { GraphError, paramError } from '../core/errors';
import type { EmulatorState } from '../core/state';
import { resolveVersion, isVersionSegment } from '../core/versions';
import { baseHeaders, executeOp, type Op, type OpResult } from './router';

/** One entry of the `batch` parameter. */
interface BatchItem {
  method?: string;
  relative_url?: string;
  body?: string;
  name?: string;
  omit_response_on_success?: boolean;
}

/** The batch envelope: where it was posted and with which default token. */
export interface BatchEnvelope {
  host: 'facebook' | 'instagram';
  version: string;
  params: Record<string, string>;
  token?: string;
  path: string;
}

/** Evaluates the JSONPath subset Meta documents ($.a.b, $.data.*.id, $.data.0.id). */
function jsonPath(value: unknown, path: string): string {
  let current: unknown[] = [value];
  for (const part of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
    current = current.flatMap((v) => {
      if (v === null || typeof v !== 'object') return [];
      if (part === '*') return Array.isArray(v) ? v : Object.values(v);
      const next = (v as Record<string, unknown>)[part];
      return next === undefined ? [] : [next];
    });
  }
  return current.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
}

function substitute(text: string, results: Map<string, unknown>): string {
  return text.replace(/\{result=([^:}]+):([^}]+)\}/g, (_m, name: string, path: string) => {
    const r = results.get(name);
    return r === undefined ? '' : encodeURIComponent(jsonPath(r, path)).replace(/%2C/g, ',');
  });
}

function parseItems(raw: string | undefined): BatchItem[] {
  if (raw === undefined) throw paramError('The parameter batch is required');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw paramError('The parameter batch must be a JSON array');
  }
  if (!Array.isArray(parsed)) throw paramError('The parameter batch must be a JSON array');
  if (parsed.length === 0) throw paramError('The parameter batch must not be empty');
  if (parsed.length > 50) throw new GraphError(400, 100, 'Too many requests in batch message. Maximum batch size is 50', 'GraphBatchException');
  return parsed as BatchItem[];
}

function itemOp(state: EmulatorState, env: BatchEnvelope, item: BatchItem, results: Map<string, unknown>): Op {
  const rel = substitute(String(item.relative_url ?? ''), results).replace(/^\/+/, '');
  const [pathPart = '', query = ''] = rel.split(/\?(.*)/s, 2);
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  let version = env.version;
  if (isVersionSegment(segments[0])) {
    const r = resolveVersion(segments.shift(), state.now());
    if (r.ok) version = r.served;
  }
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  if (item.body) Object.assign(params, Object.fromEntries(new URLSearchParams(substitute(item.body, results))));
  const token = params.access_token ?? env.token;
  return {
    method: String(item.method ?? 'GET').toUpperCase(),
    host: env.host,
    version,
    segments,
    params,
    ...(token ? { token } : {}),
    tokenInParams: params.access_token !== undefined || env.params.access_token !== undefined,
    path: `/${rel}`,
  };
}

/** Runs a batch and returns the HTTP-level result. */
export function executeBatch(state: EmulatorState, env: BatchEnvelope): OpResult {
  const headers = baseHeaders(env.version);
  let items: BatchItem[];
  try {
    items = parseItems(env.params.batch);
  } catch (err) {
    const e = err as GraphError;
    return { status: e.status, headers, body: e.toBody(env.host) };
  }
  const includeHeaders = env.params.include_headers !== 'false';
  const partial = state.faults.take('batch', env.path);
  const referenced = new Set<string>();
  for (const it of items) for (const m of `${it.relative_url ?? ''} ${it.body ?? ''}`.matchAll(/\{result=([^:}]+):/g)) referenced.add(m[1] as string);
  const results = new Map<string, unknown>();
  const out: unknown[] = [];
  let lastHeaders: Record<string, string> = {};
  items.forEach((item, i) => {
    // batch-partial: the second half "timed out", which Meta reports as null entries.
    if (partial && i >= Math.ceil(items.length / 2)) {
      out.push(null);
      return;
    }
    const r = executeOp(state, itemOp(state, env, item, results));
    lastHeaders = r.headers;
    if (item.name) results.set(item.name, r.body);
    if (item.name && referenced.has(item.name) && item.omit_response_on_success !== false && r.status === 200) {
      out.push(null);
      return;
    }
    const entry: Record<string, unknown> = { code: r.status };
    if (includeHeaders) entry.headers = Object.entries(r.headers).map(([name, value]) => ({ name, value }));
    entry.body = JSON.stringify(r.body);
    out.push(entry);
  });
  for (const k of ['X-App-Usage', 'X-Business-Use-Case-Usage']) if (lastHeaders[k]) headers[k] = lastHeaders[k] as string;
  return { status: 200, headers, body: out };
}
