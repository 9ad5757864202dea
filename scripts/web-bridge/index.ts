import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createBridgeCore, type BridgeKeychain, type BridgeLog, type BridgeServiceOptions } from './bridge-core';
import { clientScript, EVENTS_PATH, INVOKE_PREFIX } from './client-script';
import { EventStream } from './event-stream';
import { createGuard, TOKEN_PARAM, type BridgeGuard } from './guard';
import { CLIENT_SCRIPT_PATH, readStatic } from './static-files';

export type { BridgeKeychain, BridgeLog, BridgeServiceOptions } from './bridge-core';

export interface WebBridgeOptions {
  dataDir: string;
  rendererDir?: string;
  port?: number;
  keychain: BridgeKeychain;
  /** Test seams of the services (see AppServicesOptions); none by default. */
  services?: BridgeServiceOptions;
}

export interface WebBridge {
  /** Open this once; it carries the token that the server trades for a cookie. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const TEST_LOG_PATH = '/__bridge/test/log';
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Test-only: serves the built renderer to a normal browser and answers `window.api` calls
 * with the real main-process services, through the same dispatch as Electron IPC. It is never
 * part of the app (nothing under src-* imports it) and listens on 127.0.0.1 only.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir} (index.html missing). Run: npx vite build -c vite.renderer.config.ts`);
  }
  const { core, dispatch, log } = createBridgeCore(resolve(options.dataDir), options.keychain, options.services);
  const events = new EventStream();
  const stopForwarding = core.events.onAny((event, payload) => events.send(event, payload));
  const script = clientScript();
  let guard: BridgeGuard | null = null;

  const server = createServer((req, res) => {
    if (!guard) return send(res, 503, 'Starting');
    handle(req, res, { guard, rendererDir, dispatch, log, events, script }).catch((error: unknown) => {
      console.error('[bridge] request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createGuard(port);

  let stopped = false;
  return {
    url: `${guard.origin}/?${TOKEN_PARAM}=${guard.token}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopForwarding();
      events.closeAll();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive sockets from the browser would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
      core.close();
    },
  };
}

interface Context {
  guard: BridgeGuard;
  rendererDir: string;
  dispatch: ReturnType<typeof createBridgeCore>['dispatch'];
  log: BridgeLog;
  events: EventStream;
  script: string;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const { guard } = ctx;
  // A page on another name that resolves to 127.0.0.1 (DNS rebinding) sends its own Host.
  if (!guard.hostAllowed(req)) return send(res, 403, 'Forbidden host');
  const url = new URL(req.url ?? '/', guard.origin);
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const isPage = (method === 'GET' || method === 'HEAD') && (path === '/' || path === '/index.html');

  if (isPage && guard.hasQueryToken(url)) {
    return serveStatic(res, ctx.rendererDir, '/index.html', method, { 'set-cookie': guard.setCookieHeader() });
  }
  if (!guard.hasCookie(req) || !guard.originAllowed(req)) return send(res, 403, 'Forbidden');

  if (path.startsWith(INVOKE_PREFIX)) {
    if (method !== 'POST') return send(res, 405, 'Method not allowed');
    // A JSON body and a custom header cannot be sent cross-site without a CORS preflight we never grant.
    if (!req.headers['content-type']?.startsWith('application/json') || req.headers['x-social-desk-bridge'] !== '1') {
      return send(res, 403, 'Forbidden');
    }
    const channel = safeDecode(path.slice(INVOKE_PREFIX.length));
    if (channel === null) return send(res, 400, 'Bad channel');
    const body = await readJson(req);
    if (body === undefined) return send(res, 400, 'Bad JSON body');
    const args = typeof body === 'object' && body !== null ? (body as { args?: unknown }).args : undefined;
    return sendJson(res, await ctx.dispatch(channel, args));
  }
  if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Method not allowed');
  if (path === CLIENT_SCRIPT_PATH) return send(res, 200, ctx.script, 'text/javascript; charset=utf-8');
  if (path === EVENTS_PATH) return ctx.events.attach(res);
  if (path === TEST_LOG_PATH) return sendJson(res, ctx.log);
  return serveStatic(res, ctx.rendererDir, path, method, {});
}

async function serveStatic(
  res: ServerResponse,
  rendererDir: string,
  path: string,
  method: string,
  extra: Record<string, string>,
): Promise<void> {
  const found = await readStatic(rendererDir, path);
  if (found.kind === 'forbidden') return send(res, 403, 'Forbidden path');
  if (found.kind === 'not-found') return send(res, 404, 'Not found');
  res.writeHead(200, {
    ...baseHeaders(found.contentType),
    // Keeps the token in the page URL from leaking through Referer.
    ...(found.isIndex ? { 'referrer-policy': 'no-referrer' } : {}),
    ...extra,
  });
  res.end(method === 'HEAD' ? undefined : found.body);
}

function baseHeaders(contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
}

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, baseHeaders(contentType));
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, JSON.stringify(value), 'application/json; charset=utf-8');
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The parsed body, `undefined` when it is not JSON or too large. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
  } catch {
    return undefined;
  }
}
