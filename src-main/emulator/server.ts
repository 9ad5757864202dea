/**
 * Local, faithful Graph API emulator on one port, for tests, benchmarks and the demo workspace.
 *
 * URL mapping (configure the client with two base URLs):
 *   graph.facebook.com/…      →  {url}/…        e.g. {url}/v25.0/me/accounts, {url}/v25.0/ (batch)
 *   www.facebook.com/dialog   →  {url}/dialog/oauth  or {url}/vNN.0/dialog/oauth
 *   graph.instagram.com/…     →  {url}/ig/…     e.g. {url}/ig/v25.0/me/media, {url}/ig/refresh_access_token
 *   api.instagram.com/oauth/access_token  →  POST {url}/ig/oauth/access_token
 *   www.instagram.com/oauth/authorize     →  GET  {url}/ig/oauth/authorize
 *   control (not Meta)        →  {url}/__emulator/…  (see control.ts)
 * Versions v19.0–v26.0 are accepted; a retired one (per the emulator clock) and unversioned
 * paths are served as the oldest available version, reported in `facebook-api-version`.
 * `paging.next` URLs point at Meta's real hosts; the client rewrites them to its base URL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { handleWebhookControl, webhookSender } from './webhooks/control';
import { GraphError, unknownPath } from './core/errors';
import { parseRequest, type ParsedRequest } from './core/request';
import { EmulatorState } from './core/state';
import { isVersionSegment, resolveVersion } from './core/versions';
import { executeBatch } from './graph/batch';
import { serveCdn } from './graph/cdn';
import { debugToken, fbAccessToken, fbDialog } from './graph/oauth-fb';
import { igAuthorize, igCodeExchange, igExchange, igRefresh } from './graph/oauth-ig';
import { baseHeaders, executeOp, type OpResult } from './graph/router';
import { createWorld } from './world/create-world';
import type { Scenario, World } from './world/types';

/** Options for startEmulator. */
export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  scenario: Scenario;
  seed?: number;
  /** Clock (unix ms); defaults to Date.now. The world is generated at its first reading. */
  now?: () => number;
  /** Rate-limit budget per token/business object per rolling hour (default 4800). */
  callsPerHour?: number;
}

/** Ready-made tokens of the world. */
export interface EmulatorTokens {
  /** Business system-user token (never expires; BUC usage). */
  systemUser: string;
  /** Long-lived Facebook user token of the Page admin. */
  user: string;
  /** A user token that expired two days before start (→ 190/463). */
  expiredUser: string;
  /** `app_id|app_secret` app token. */
  app: string;
  /** Page tokens by Page id. */
  pages: Record<string, string>;
  /** Instagram Login (graph.instagram.com) tokens by IG user id. */
  instagram: Record<string, string>;
}

/** A running emulator. */
export interface RunningEmulator {
  url: string;
  port: number;
  world: World;
  state: EmulatorState;
  tokens: EmulatorTokens;
  /** App credentials (FB app id/secret and the Instagram app id/secret). */
  app: World['app'];
  stop(): Promise<void>;
}

interface Hold {
  timer: NodeJS.Timeout;
  release: () => void;
}

function tokensOf(world: World, now: number): EmulatorTokens {
  const find = (pred: (t: World['tokens'][number]) => boolean): string => world.tokens.find(pred)?.token ?? '';
  return {
    systemUser: find((t) => t.kind === 'system_user'),
    user: find((t) => t.kind === 'user' && t.expiresAt > now),
    expiredUser: find((t) => t.kind === 'user' && t.expiresAt <= now),
    app: find((t) => t.kind === 'app'),
    pages: Object.fromEntries(world.pages.map((p) => [p.id, find((t) => t.kind === 'page' && t.subjectId === p.id)])),
    instagram: Object.fromEntries(world.igAccounts.map((a) => [a.id, find((t) => t.kind === 'ig_user' && t.subjectId === a.id)])),
  };
}

function json(status: number, body: unknown): OpResult {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body };
}

/** Routes a non-control request: OAuth/dialog/debug/batch specials, else a Graph operation. */
function dispatch(state: EmulatorState, r: ParsedRequest): OpResult {
  let path = r.pathname;
  let host: 'facebook' | 'instagram' = 'facebook';
  if (path === '/ig' || path.startsWith('/ig/')) {
    host = 'instagram';
    path = path.slice(3);
  }
  const segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const requested = isVersionSegment(segments[0]) ? segments.shift() : undefined;
  const resolved = resolveVersion(requested, state.now());
  if (!resolved.ok) return json(400, unknownPath(`/${requested ?? ''}`).toBody(host));
  const version = resolved.served;
  const key = `${r.method} ${host === 'instagram' ? 'ig:' : ''}/${segments.join('/')}`;
  const special = (template: string, run: () => OpResult): OpResult => {
    state.countOperation(template);
    const out = run();
    out.headers = { ...baseHeaders(version), ...out.headers };
    return out;
  };
  switch (key) {
    case 'GET /dialog/oauth':
      return special('GET /dialog/oauth', () => fbDialog(state, r.params));
    case 'GET /oauth/access_token':
    case 'POST /oauth/access_token':
      return special(`${r.method} /oauth/access_token`, () => fbAccessToken(state, r.params));
    case 'GET /debug_token':
      return special('GET /debug_token', () => debugToken(state, r.params, r.token));
    case 'GET ig:/oauth/authorize':
      return special('GET [ig] /oauth/authorize', () => igAuthorize(state, r.params));
    case 'POST ig:/oauth/access_token':
      return special('POST [ig] /oauth/access_token', () => igCodeExchange(state, r.params));
    case 'GET ig:/access_token':
      return special('GET [ig] /access_token', () => igExchange(state, r.params, r.token));
    case 'GET ig:/refresh_access_token':
      return special('GET [ig] /refresh_access_token', () => igRefresh(state, r.params, r.token));
    default:
      break;
  }
  if (segments.length === 0 && r.method === 'POST' && r.params.batch !== undefined) {
    state.countTemplateOnly(`POST ${host === 'instagram' ? '[ig] ' : ''}/ (batch)`);
    return executeBatch(state, { host, version, params: r.params, ...(r.token ? { token: r.token } : {}), path: r.pathWithQuery });
  }
  return executeOp(state, {
    method: r.method,
    host,
    version,
    segments,
    params: r.params,
    ...(r.token ? { token: r.token } : {}),
    tokenInParams: r.tokenInParams,
    path: r.pathWithQuery,
  });
}

function write(res: ServerResponse, result: OpResult, state: EmulatorState, malformed: boolean): void {
  const headers = { ...result.headers };
  if (!headers['X-App-Usage'] && !headers['X-Business-Use-Case-Usage']) {
    Object.assign(headers, state.usage.headers({ header: 'app', key: `app:${state.world.app.id}`, throttleCode: 4 }));
  }
  const isText = typeof result.body === 'string';
  let payload = isText ? (result.body as string) : JSON.stringify(result.body);
  let status = result.status;
  if (malformed) {
    // Truncated JSON with a 200, like a connection cut mid-body behind a proxy.
    payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    status = 200;
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, headers);
  res.end(payload);
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const clock = options.now ?? Date.now;
  const world = createWorld({ scenario: options.scenario, now: clock(), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const state = new EmulatorState(world, clock, options.callsPerHour ?? 4800);
  const holds = new Set<Hold>();
  let stopping = false;

  const hold = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const h: Hold = {
        timer: setTimeout(() => {
          holds.delete(h);
          resolve();
        }, ms),
        release: () => {
          clearTimeout(h.timer);
          holds.delete(h);
          resolve();
        },
      };
      holds.add(h);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = await parseRequest(req);
    if (parsed.pathname.startsWith('/__emulator/webhooks/')) {
      write(res, await handleWebhookControl(state, parsed.method, parsed.pathname, parsed.json), state, false);
      return;
    }
    if (parsed.pathname.startsWith('/__emulator/')) {
      write(res, handleControl(state, parsed.method, parsed.pathname, parsed.json), state, false);
      return;
    }
    if (parsed.pathname.startsWith('/cdn/')) {
      const cdn = await serveCdn(state, parsed.pathname, new URL(parsed.pathWithQuery, 'http://cdn').searchParams);
      res.writeHead(cdn.status, { ...cdn.headers, 'Content-Length': String(cdn.body.length) });
      res.end(cdn.body);
      return;
    }
    state.stats.httpRequests++;
    const fault = state.faults.take('http', parsed.pathWithQuery);
    if (fault?.kind === 'timeout') {
      await hold(fault.ms);
      if (stopping) {
        res.destroy();
        return;
      }
    }
    write(res, dispatch(state, parsed), state, fault?.kind === 'malformed-json');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const e = err instanceof GraphError ? err : new GraphError(500, 1, 'An unknown error occurred', 'OAuthException', { isTransient: true });
      if (!(err instanceof GraphError)) console.error('[emulator] request failed:', err);
      if (!res.headersSent) write(res, json(e.status, e.toBody()), state, false);
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    world,
    state,
    tokens: tokensOf(world, clock()),
    app: world.app,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        webhookSender(state).stop();
        for (const h of [...holds]) h.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
