/**
 * One Graph operation end to end: route → token → access → faults → usage → handler, with
 * Meta's headers on success and error alike. HTTP requests and batch items both land here.
 */
import { GraphError, paramError, transientError, expiredToken, unknownPath, unsupportedGet, fbtraceId } from '../core/errors';
import { parseFields } from '../core/fields';
import type { EmulatorState } from '../core/state';
import { throttleError, type UsageTarget } from '../core/usage';
import { HOUR_MS } from '../world/time';
import type { TokenSpec, World } from '../world/types';
import { canAccess, lookupNode, meNode, ownerOf, placeholder, type Node } from './nodes';
import { callEdge, renderNode, schemaOf, type GraphCtx } from './render';
import { messageDeletedError, retrievableIds } from './schema-messaging';
import { sendMessage } from './send';
import './schema-fb';
import './schema-ig';

/** A parsed Graph operation. */
export interface Op {
  method: string;
  host: 'facebook' | 'instagram';
  /** Served version, e.g. v25.0. */
  version: string;
  /** Path after the version: [id, edge?, extra?]. */
  segments: string[];
  params: Record<string, string>;
  token?: string;
  /** Whether the token came as a query/body param (then Meta repeats it in paging URLs). */
  tokenInParams: boolean;
  /** Raw path (+query) for fault matching. */
  path: string;
}

/** Status, headers (Meta casing) and JSON body of an operation. */
export interface OpResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const ANON: UsageTarget = { header: 'app', key: 'app:anonymous', throttleCode: 4 };

function usageTarget(world: World, token: TokenSpec, node: Node | undefined, edge: string | undefined): UsageTarget {
  if (token.kind === 'app') return { header: 'app', key: `app:${token.appId}`, throttleCode: 4 };
  const owner = node ? ownerOf(node) : undefined;
  const isPage = !!owner && world.pages.some((p) => p.id === owner);
  if (token.kind === 'user') return { header: 'app', key: `user:${token.token}`, throttleCode: isPage ? 32 : 17 };
  const messaging = node?.type === 'conversation' || node?.type === 'message' || node?.type === 'participant' || edge === 'conversations' || edge === 'messages';
  const ownerIsIg = !!owner && world.igAccounts.some((a) => a.id === owner);
  const bucType = ownerIsIg ? 'instagram' : messaging ? 'messenger' : 'pages';
  const bucId = owner ?? world.business.id;
  const throttleCode = bucType === 'instagram' ? 80002 : bucType === 'messenger' ? 80006 : 80001;
  return { header: 'buc', key: `buc:${bucId}:${bucType}`, bucId, bucType, throttleCode };
}

function templateOf(op: Op, node: Node | undefined): string {
  const [id, edge, extra] = op.segments;
  const prefix = op.host === 'instagram' ? '[ig] ' : '';
  const head = id === undefined ? '' : id === 'me' ? '/me' : `/${node ? placeholder(node.type) : placeholder('unknown')}`;
  return `${op.method} ${prefix}${head || '/'}${edge ? `/${edge}` : ''}${extra ? '/{name}' : ''}`;
}

function run(ctx: GraphCtx, op: Op, node: Node): unknown {
  const [, edge, extra] = op.segments;
  if (extra !== undefined && !(op.method === 'DELETE' && edge === 'permissions')) throw unknownPath(`/${op.segments.slice(1).join('/')}`);
  if (op.method === 'GET') {
    if (node.type === 'message' && !retrievableIds(ctx.world, node.conv).includes(node.message.id)) throw messageDeletedError();
    const fields = parseFields(op.params.fields);
    return edge ? callEdge(ctx, node, edge, op.params, fields) : renderNode(ctx, node, fields);
  }
  if (op.method === 'POST' && edge === 'messages' && (node.type === 'page' || node.type === 'ig_user')) return sendMessage(ctx, node, op.params);
  if (op.method === 'POST' && !edge && node.type === 'ig_comment' && op.params.hide !== undefined) {
    node.comment.hidden = op.params.hide === 'true';
    return { success: true };
  }
  if (op.method === 'DELETE' && edge === 'permissions' && (node.type === 'user' || node.type === 'system_user')) {
    return revokePermissions(ctx, extra);
  }
  throw unsupportedGet(schemaOf(node).id(node), op.method.toLowerCase());
}

function revokePermissions(ctx: GraphCtx, permission: string | undefined): { success: true } {
  for (const t of ctx.world.tokens) {
    if (t.appId !== ctx.token.appId || (t.kind !== 'user' && t.kind !== 'page')) continue;
    if (permission) t.scopes = t.scopes.filter((s) => s !== permission);
    else t.revoked = true;
  }
  return { success: true };
}

function faultError(state: EmulatorState, kind: string, code: number | undefined, target: UsageTarget): GraphError {
  switch (kind) {
    case 'http429':
      return new GraphError(429, 4, '(#4) Application request limit reached', 'OAuthException', { isTransient: true });
    case 'token-expired':
      return expiredToken(state.now() - HOUR_MS, state.now());
    case 'rate-limit':
      return throttleError(code ?? target.throttleCode);
    case 'permission':
      // Code 10 / 200-299 concern one object or permission, not the login.
      return code !== undefined && code >= 200 && code <= 299
        ? new GraphError(400, code, `(#${code}) Permissions error`, 'OAuthException')
        : new GraphError(400, 10, '(#10) Application does not have permission for this action', 'OAuthException');
    default:
      return transientError();
  }
}

/** Meta's static response headers plus version and usage. */
export function baseHeaders(version: string): Record<string, string> {
  return {
    'Facebook-API-Version': version,
    'Content-Type': 'application/json; charset=UTF-8',
    'Cache-Control': 'private, no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
    Expires: 'Sat, 01 Jan 2000 00:00:00 GMT',
    'Access-Control-Allow-Origin': '*',
    'X-FB-Trace-ID': fbtraceId().slice(1, 12),
  };
}

/** Resolves the node(s) an operation addresses: one id, or several for `GET /?ids=a,b`. */
function resolveTargets(world: World, op: Op, token: TokenSpec): Array<readonly [string, Node]> {
  const id = op.segments[0];
  const multi = id === undefined && op.method === 'GET' && op.params.ids !== undefined;
  if (id === undefined && !multi) throw paramError('Unsupported request: a node id is required');
  const ids = multi ? (op.params.ids ?? '').split(',').filter(Boolean) : [id as string];
  return ids.map((x) => {
    const n = x === 'me' ? meNode(world, token) : lookupNode(world, x);
    if (!n && x === 'me') throw new GraphError(400, 2500, 'An active access token must be used to query information about the current user.');
    if (!n || !canAccess(world, token, n)) throw unsupportedGet(x, op.method.toLowerCase());
    return [x, n] as const;
  });
}

/** Executes one operation (an HTTP request or one batch item). */
export function executeOp(state: EmulatorState, op: Op): OpResult {
  state.syncWorld();
  const world = state.world;
  const multi = op.segments.length === 0 && op.params.ids !== undefined;
  const first = op.segments[0];
  let node = first && first !== 'me' ? lookupNode(world, first) : undefined;
  let target = ANON;
  let forceThrottled = false;
  let status = 200;
  let body: unknown;
  const headers = baseHeaders(op.version);
  try {
    const token = state.authenticate(op.token, op.host);
    const nodes = resolveTargets(world, op, token);
    node = nodes[0]?.[1];
    target = usageTarget(world, token, node, op.segments[1]);
    if (state.usage.isThrottled(target.key)) throw throttleError(target.throttleCode);
    state.usage.record(target.key, op.segments[1] === 'insights' ? 2 : op.segments[1] ? 1.5 : 1);
    const fault = state.faults.take('op', op.path);
    if (fault) {
      forceThrottled = fault.kind === 'rate-limit' || fault.kind === 'http429';
      throw faultError(state, fault.kind, fault.code, target);
    }
    const baseParams: Record<string, string> = op.tokenInParams && op.token ? { access_token: op.token } : {};
    const ctx: GraphCtx = { state, world, host: op.host, version: op.version, token, baseParams };
    if (multi) {
      const fields = parseFields(op.params.fields);
      body = Object.fromEntries(nodes.map(([key, n]) => [key, renderNode(ctx, n, fields)]));
    } else {
      body = run(ctx, op, node as Node);
    }
  } catch (err) {
    const e = err instanceof GraphError ? err : transientError();
    if (!(err instanceof GraphError)) console.error('[emulator] handler failed:', err);
    status = e.status;
    body = e.toBody(op.host);
    if (status < 500) headers['WWW-Authenticate'] = `OAuth "Facebook Platform" "${e.code === 190 ? 'invalid_token' : 'invalid_request'}" "${e.message}"`;
  }
  Object.assign(headers, state.usage.headers(target, forceThrottled));
  state.countOperation(multi ? `${op.method} ${op.host === 'instagram' ? '[ig] ' : ''}/?ids` : templateOf(op, node));
  return { status, headers, body };
}
