/**
 * Error classes for everything that can go wrong talking to Meta. Each carries a closed `kind` the
 * sync layer and UI switch on, and a `userAction` sentence telling the user what to do next.
 * Classification of Graph error bodies lives in `error-parse.ts`.
 */

/** Closed set of Graph error categories (see meta-api.md §7, §8). */
export type GraphErrorKind =
  | 'auth-expired'
  | 'auth-invalid'
  | 'permission'
  | 'rate-limited'
  | 'retired-metric'
  | 'not-found'
  | 'before-business-conversion'
  | 'unsupported-product-type'
  | 'too-much-data'
  | 'outside-window'
  | 'invalid-request'
  | 'transient'
  | 'policy'
  | 'duplicate'
  | 'unknown';

/** Every kind a Meta call can fail with, including transport failures and cancellation. */
export type MetaErrorKind = GraphErrorKind | 'offline' | 'timeout' | 'malformed' | 'aborted';

/** Default next step per kind, in plain words; specific codes may override it. */
export const USER_ACTIONS: Record<MetaErrorKind, string> = {
  'auth-expired': 'Reconnect the account: the access token expired.',
  'auth-invalid': 'Reconnect the account: Meta no longer accepts its access token.',
  permission: 'Reconnect the account and grant the requested permissions.',
  'rate-limited': 'Nothing to do: Meta is limiting requests, syncing resumes automatically.',
  'retired-metric': 'Nothing to do: a metric Meta retired is skipped from now on.',
  'not-found': 'The item was deleted or is no longer accessible; it will be skipped.',
  'before-business-conversion': 'No insights exist for posts published before the account became a professional account.',
  'unsupported-product-type': 'Nothing to do: Meta gives no such insights for this kind of post.',
  'too-much-data': 'Nothing to do: Meta asked for smaller requests, the sync asks for less at a time.',
  'outside-window': 'The reply window has closed: wait for the person to write again.',
  'invalid-request': 'Check the request; if it keeps failing, update the app.',
  transient: 'Nothing to do: Meta had a temporary problem, the request is retried.',
  policy: 'Meta blocked this action for policy reasons; check the account in Meta Business Suite.',
  duplicate: 'Nothing to do: this was already sent.',
  unknown: 'Try again later; if it keeps failing, check Meta’s status page.',
  offline: 'Check the internet connection; syncing resumes when back online.',
  timeout: 'Meta did not answer in time; the request will be retried later.',
  malformed: 'Meta sent an unreadable answer; the request will be retried later.',
  aborted: 'Nothing to do: the request was cancelled.',
};

/** Common base so callers can catch every Meta failure with one `instanceof`. */
export abstract class MetaApiError extends Error {
  abstract readonly kind: MetaErrorKind;
  abstract readonly isTransient: boolean;
  /** Plain-language next step for the user. */
  abstract readonly userAction: string;
  /** Suggested wait before retrying, when Meta told us or we could estimate it. */
  retryAfterMs?: number;
}

/** Fields parsed from a Graph (or Instagram/WhatsApp) error body. */
export interface GraphApiErrorInit {
  message: string;
  kind: GraphErrorKind;
  code: number | null;
  subcode: number | null;
  type: string | null;
  httpStatus: number;
  fbtraceId: string | null;
  isTransient: boolean;
  userAction?: string;
  userTitle?: string;
  userMessage?: string;
  details?: string;
  retryAfterMs?: number;
  /** For 'retired-metric': the metric Meta rejected, when the message names it. */
  retiredMetric?: string;
  /** For 'retired-metric': the index in the request's `metric` list (`metric[3] must be one of …`). */
  retiredMetricIndex?: number;
  /** For 'retired-metric': the metrics Meta says are allowed, when listed. */
  allowedMetrics?: string[];
}

/** An error reported by Meta in a response body (Graph, graph.instagram.com, api.instagram.com, WhatsApp). */
export class GraphApiError extends MetaApiError {
  override readonly name = 'GraphApiError';
  readonly kind: GraphErrorKind;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly type: string | null;
  readonly httpStatus: number;
  readonly fbtraceId: string | null;
  readonly isTransient: boolean;
  readonly userAction: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly details?: string;
  readonly retiredMetric?: string;
  readonly retiredMetricIndex?: number;
  readonly allowedMetrics?: string[];

  constructor(init: GraphApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.httpStatus = init.httpStatus;
    this.fbtraceId = init.fbtraceId;
    this.isTransient = init.isTransient;
    this.userAction = init.userAction ?? USER_ACTIONS[init.kind];
    if (init.userTitle !== undefined) this.userTitle = init.userTitle;
    if (init.userMessage !== undefined) this.userMessage = init.userMessage;
    if (init.details !== undefined) this.details = init.details;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.retiredMetric !== undefined) this.retiredMetric = init.retiredMetric;
    if (init.retiredMetricIndex !== undefined) this.retiredMetricIndex = init.retiredMetricIndex;
    if (init.allowedMetrics !== undefined) this.allowedMetrics = init.allowedMetrics;
  }
}

/** The network is unreachable (DNS failure, connection refused/reset): a state to show, not to retry in a loop. */
export class NetworkError extends MetaApiError {
  override readonly name = 'NetworkError';
  readonly kind = 'offline' as const;
  // Not transient on purpose: the client must not spin on an offline machine; the scheduler waits for connectivity.
  readonly isTransient = false;
  readonly userAction = USER_ACTIONS.offline;
  /** Low-level code from Node/undici (ECONNREFUSED, ENOTFOUND, …) when known. */
  readonly causeCode: string | null;

  constructor(message: string, causeCode: string | null) {
    super(message);
    this.causeCode = causeCode;
  }
}

/** Meta did not answer within the per-request timeout. */
export class TimeoutError extends MetaApiError {
  override readonly name = 'TimeoutError';
  readonly kind = 'timeout' as const;
  readonly isTransient = true;
  readonly userAction = USER_ACTIONS.timeout;
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The response was not the JSON we expected (HTML error page, truncated body, schema mismatch). */
export class MalformedResponseError extends MetaApiError {
  override readonly name = 'MalformedResponseError';
  readonly kind = 'malformed' as const;
  readonly isTransient: boolean;
  readonly userAction = USER_ACTIONS.malformed;
  readonly httpStatus: number;
  /** Short redacted start of the body, for diagnostics. */
  readonly excerpt: string;

  constructor(message: string, httpStatus: number, excerpt: string, isTransient = httpStatus >= 500) {
    super(message);
    this.httpStatus = httpStatus;
    this.excerpt = excerpt;
    this.isTransient = isTransient;
  }
}

/** The caller cancelled the request through its AbortSignal. */
export class RequestAbortedError extends MetaApiError {
  // Named like the DOM AbortError so generic `err.name === 'AbortError'` checks keep working.
  override readonly name = 'AbortError';
  readonly kind = 'aborted' as const;
  readonly isTransient = false;
  readonly userAction = USER_ACTIONS.aborted;
}

/** Raised before sending when the governor has paused a key for longer than the caller is willing to wait. */
export class RateLimitPausedError extends MetaApiError {
  override readonly name = 'RateLimitPausedError';
  readonly kind = 'rate-limited' as const;
  readonly isTransient = true;
  readonly userAction = USER_ACTIONS['rate-limited'];
  readonly key: string;
  readonly pausedUntil: number;

  constructor(key: string, pausedUntil: number, now: number) {
    super(`Requests for ${key} are paused by rate limiting until ${new Date(pausedUntil).toISOString()}`);
    this.key = key;
    this.pausedUntil = pausedUntil;
    this.retryAfterMs = Math.max(0, pausedUntil - now);
  }
}

/** True for any error raised by this module. */
export function isMetaApiError(err: unknown): err is MetaApiError {
  return err instanceof MetaApiError;
}
