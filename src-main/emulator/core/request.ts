/** Reading an incoming HTTP request into path, params (query + body) and token. */
import type { IncomingMessage } from 'node:http';

/** A parsed HTTP request. */
export interface ParsedRequest {
  method: string;
  pathname: string;
  /** Path plus query, for fault matching. */
  pathWithQuery: string;
  /** Query and body parameters merged (body wins); nested JSON values stay JSON strings. */
  params: Record<string, string>;
  /** Parsed JSON body, when the body was JSON (control endpoints use it). */
  json?: unknown;
  token?: string;
  /** True when the token came in params rather than an Authorization header. */
  tokenInParams: boolean;
}

const MAX_BODY = 5 * 1024 * 1024;

/** Collects the request body (bounded). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatten(obj: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue;
    out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Parses URL, query, form/JSON body and the access token (param or `Authorization: Bearer`). */
export async function parseRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
  let json: unknown;
  if (raw) {
    const type = String(req.headers['content-type'] ?? '');
    const looksJson = type.includes('json') || /^\s*[[{]/.test(raw);
    if (looksJson) {
      try {
        json = JSON.parse(raw);
        if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(params, flatten(json as Record<string, unknown>));
      } catch {
        json = undefined;
      }
    } else {
      Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
    }
  }
  const auth = String(req.headers.authorization ?? '');
  const bearer = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth)?.[1]?.trim();
  const fromParams = params.access_token;
  const parsed: ParsedRequest = {
    method: (params.method ?? req.method ?? 'GET').toUpperCase(),
    pathname: url.pathname,
    pathWithQuery: `${url.pathname}${url.search}`,
    params,
    tokenInParams: fromParams !== undefined,
  };
  // Meta honours `method=` overrides in params (used by some SDKs for DELETE over POST).
  if (params.method) delete params.method;
  const token = fromParams ?? bearer;
  if (token) parsed.token = token;
  if (json !== undefined) parsed.json = json;
  return parsed;
}
