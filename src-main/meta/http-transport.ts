/**
 * One HTTP exchange with Meta: timeout and cancellation via AbortController, transport failures
 * mapped to `NetworkError`/`TimeoutError`/`RequestAbortedError`, body parsed as JSON or reported as
 * `MalformedResponseError`. Retries, usage and error classification are the client's job.
 */
import { MalformedResponseError, NetworkError, RequestAbortedError, TimeoutError } from './errors';
import { quoteLargeIds } from './json-access';
import { redactUrl, safeExcerpt } from './redact';

/** The subset of `fetch` the client needs; injectable so tests can fake Meta. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Query/form parameter values; arrays are comma-joined (fields, metric), objects JSON-encoded. */
export type ParamValue = string | number | boolean | readonly string[] | Record<string, unknown> | null | undefined;

/** One request as the transport sees it. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Exact secrets to scrub from any message built here. */
  secrets: readonly (string | undefined)[];
}

/** A completed exchange with a parsed JSON body. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

// Node/undici codes that mean "no usable network", as opposed to a bad answer from Meta.
const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Digs the low-level error code out of fetch's `TypeError('fetch failed', { cause })` chain. */
export function networkCauseCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Serialises a parameter value the way the Graph API expects. */
export function encodeParam(value: Exclude<ParamValue, null | undefined>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join(',');
  return JSON.stringify(value);
}

/** Appends parameters to a URLSearchParams, skipping null/undefined. */
export function appendParams(target: URLSearchParams, params: Record<string, ParamValue> | undefined): void {
  if (!params) return;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    target.set(key, encodeParam(value));
  }
}

/** Sends one request with a timeout and optional caller signal; returns the parsed JSON body. */
export async function sendOnce(fetchImpl: FetchLike, req: TransportRequest): Promise<TransportResponse> {
  const where = `${req.method} ${redactUrl(`${req.url.origin}${req.url.pathname}`, req.secrets)}`;
  if (req.signal?.aborted) throw new RequestAbortedError(`Request cancelled: ${where}`);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const fail = (err: unknown, phase: 'connect' | 'read'): never => {
    if (req.signal?.aborted) throw new RequestAbortedError(`Request cancelled: ${where}`);
    if (timedOut) throw new TimeoutError(`No answer within ${req.timeoutMs} ms: ${where}`, req.timeoutMs);
    const code = networkCauseCode(err);
    if (phase === 'read') {
      // The connection broke mid-body: treat as a truncated answer that is worth retrying.
      throw new MalformedResponseError(`Response body was cut off (${code ?? 'read error'}): ${where}`, 0, '', true);
    }
    // fetch only rejects for transport problems, so anything here means "can't reach Meta right now".
    const label = code !== null && OFFLINE_CODES.has(code) ? 'Network unavailable' : 'Network error';
    throw new NetworkError(`${label} (${code ?? 'fetch failed'}): ${where}`, code);
  };

  try {
    let res: Response;
    try {
      const init: RequestInit = { method: req.method, signal: controller.signal, redirect: 'follow' };
      if (req.headers) init.headers = req.headers;
      if (req.body !== undefined) init.body = req.body;
      res = await fetchImpl(req.url, init);
    } catch (err) {
      return fail(err, 'connect');
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      return fail(err, 'read');
    }
    return { status: res.status, headers: res.headers, body: parseJsonBody(text, res.status, where, req.secrets) };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Parses a response body as JSON, reporting HTML pages and truncated JSON as `MalformedResponseError`. */
export function parseJsonBody(
  text: string,
  status: number,
  where: string,
  secrets: readonly (string | undefined)[] = [],
): unknown {
  if (text.trim() === '') {
    if (status === 204) return {};
    throw new MalformedResponseError(`Empty response body (HTTP ${status}): ${where}`, status, '', true);
  }
  try {
    return JSON.parse(quoteLargeIds(text)) as unknown;
  } catch {
    const trimmed = text.trimStart();
    // A body that starts like JSON but does not parse was cut off in transit: retryable.
    const truncated = trimmed.startsWith('{') || trimmed.startsWith('[');
    throw new MalformedResponseError(
      `${truncated ? 'Truncated' : 'Non-JSON'} response body (HTTP ${status}): ${where}`,
      status,
      safeExcerpt(text, secrets),
      truncated || status >= 500,
    );
  }
}
