/**
 * Turns any error body Meta sends into a classified `GraphApiError`. One function handles the Graph
 * shape `{error:{…}}`, a bare inner error object, api.instagram.com's legacy OAuth shape
 * `{error_type, code, error_message}` and WhatsApp's `{code, title, message, error_data, href}`.
 */
import { GraphApiError, type GraphErrorKind } from './errors';
import { asBoolean, asNumber, asRecord, asString, type JsonRecord } from './json-access';
import { redactSecrets } from './redact';
import { getHeader, parseUsageHeaders, regainAccessMs, type HeaderSource } from './usage';

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 130429, 131048, 131056]);
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016, 133004]);
// Code 10 with these subcodes, or these WhatsApp codes, mean the 24-hour (or 7-day) reply window is closed.
const OUTSIDE_WINDOW_SUBCODES = new Set([2534022, 2018278]);
const OUTSIDE_WINDOW_CODES = new Set([131047]);
const NOT_FOUND_CODES = new Set([803]);

// Message-specific next steps that beat the per-kind default.
const CODE_ACTIONS: Record<number, string> = {
  459: 'Log in to Facebook in a browser to clear the security checkpoint, then reconnect.',
  460: 'The Facebook password changed: reconnect the account.',
  458: 'The app was removed from the account: reconnect it to continue.',
  131026: 'The recipient cannot receive this WhatsApp message (not on WhatsApp or an outdated app).',
};

/** Extracts the inner error object from any of Meta's wrappers, or undefined when the body is not an error. */
function innerError(body: unknown): JsonRecord | undefined {
  const root = asRecord(body);
  if (!root) return undefined;
  const wrapped = asRecord(root.error);
  if (wrapped) return wrapped;
  // Old Instagram API wrapped errors in `meta`.
  const meta = asRecord(root.meta);
  if (meta && (meta.error_type !== undefined || meta.error_message !== undefined)) return meta;
  if (root.code !== undefined || root.error_type !== undefined || root.error_message !== undefined) return root;
  // OAuth2-style `{error: "access_denied", error_description}`.
  if (typeof root.error === 'string') return { message: root.error_description ?? root.error, type: root.error };
  return undefined;
}

/** True when a parsed body carries an error object (used for 200 responses that still report an error). */
export function isErrorBody(body: unknown): boolean {
  const root = asRecord(body);
  return root !== undefined && (asRecord(root.error) !== undefined || root.error_type !== undefined);
}

interface RetiredMetricInfo {
  retiredMetric?: string;
  retiredMetricIndex?: number;
  allowedMetrics?: string[];
}

/** Recognises Meta's "this metric is not (or no longer) valid" messages and extracts what they name. */
export function parseRetiredMetricMessage(message: string): RetiredMetricInfo | undefined {
  const oneOf = /metric\[(\d+)\]\s+must be one of the following values:\s*([\w\s,]+)/i.exec(message);
  if (oneOf) {
    const allowed = (oneOf[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return { retiredMetricIndex: Number(oneOf[1]), allowedMetrics: allowed };
  }
  const named =
    /the (\w+) metric (?:is|has been) (?:no longer supported|deprecated)/i.exec(message) ??
    /metric (\w+) (?:is|has been) (?:no longer supported|deprecated)/i.exec(message) ??
    /\((\w+)\) (?:is|are) not (?:a )?valid (?:insights )?metric/i.exec(message);
  if (named?.[1]) return { retiredMetric: named[1] };
  if (/must be a valid insights metric|not a valid insights metric|invalid insights metric/i.test(message)) return {};
  return undefined;
}

/** Maps Meta's numeric code/subcode (plus HTTP status and message hints) onto our closed kind set. */
export function classifyGraphError(
  code: number | null,
  subcode: number | null,
  httpStatus: number,
  message: string,
  isTransientFlag: boolean,
): GraphErrorKind {
  if (code === 190) {
    if (subcode === 463 || /session has expired|has expired/i.test(message)) return 'auth-expired';
    // 458 app removed, 459 checkpoint, 460 password changed, 464 unconfirmed, 467 invalid, 492 session:
    // all need the person to log in again.
    return 'auth-invalid';
  }
  if (code === 102) return 'auth-invalid';
  if (code !== null && (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80009))) return 'rate-limited';
  if (code !== null && OUTSIDE_WINDOW_CODES.has(code)) return 'outside-window';
  if (code === 10 && subcode !== null && OUTSIDE_WINDOW_SUBCODES.has(subcode)) return 'outside-window';
  if (code === 10 || code === 3 || (code !== null && code >= 200 && code <= 299)) return 'permission';
  if (code === 368) return 'policy';
  if (code === 506) return 'duplicate';
  if (code === 100) {
    if (subcode === 2108006) return 'before-business-conversion';
    // https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
    if (/does not support the .+ metric for this media product type/i.test(message)) return 'unsupported-product-type';
    if (subcode === 33 || /does not exist/i.test(message)) return 'not-found';
    if (parseRetiredMetricMessage(message)) return 'retired-metric';
    return 'invalid-request';
  }
  if (code !== null && NOT_FOUND_CODES.has(code)) return 'not-found';
  // Code 1 is usually transient, but this message asks for a smaller request: repeating it is pointless
  // (https://developers.facebook.com/docs/graph-api/guides/error-handling).
  if (code === 1 && /reduce the amount of data/i.test(message)) return 'too-much-data';
  if (code !== null && TRANSIENT_CODES.has(code)) return 'transient';
  if (isTransientFlag || httpStatus >= 500) return 'transient';
  if (httpStatus === 429) return 'rate-limited';
  if (code === 2500 || (code === 400 && httpStatus < 500) || httpStatus === 400) return 'invalid-request';
  if (httpStatus === 401) return 'auth-invalid';
  if (httpStatus === 403) return 'permission';
  if (httpStatus === 404) return 'not-found';
  return 'unknown';
}

function legacyOAuthAction(message: string): string | undefined {
  if (/redirect_uri/i.test(message)) {
    return 'Sign in again; if it keeps failing, the redirect URI registered for the app does not match.';
  }
  if (/verification code|authorization code|code has expired|already been used/i.test(message)) {
    return 'Sign in again: the login code expired or was already used.';
  }
  return undefined;
}

function retryAfterFromHeaders(headers: HeaderSource | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined;
  const usage = parseUsageHeaders(headers);
  const regain = regainAccessMs(usage);
  if (regain !== undefined) return regain;
  const retryAfter = getHeader(headers, 'retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  return undefined;
}

/** Options for `parseGraphError`. */
export interface ParseGraphErrorOptions {
  /** Response headers, used for `estimated_time_to_regain_access` / `Retry-After`. */
  headers?: HeaderSource;
  /** Exact secret strings to scrub from the message in addition to the generic patterns. */
  secrets?: readonly (string | undefined)[];
  now?: number;
}

/** Builds a classified, token-free `GraphApiError` from an HTTP status and a parsed error body of any Meta shape. */
export function parseGraphError(httpStatus: number, body: unknown, options: ParseGraphErrorOptions = {}): GraphApiError {
  const err = innerError(body) ?? {};
  const code = asNumber(err.code) ?? null;
  const subcode = asNumber(err.error_subcode) ?? null;
  const errorData = asRecord(err.error_data);
  const details = asString(errorData?.details) ?? asString(err.error_data);
  const rawMessage =
    asString(err.message) ?? asString(err.error_message) ?? asString(err.title) ?? `HTTP ${httpStatus} from Meta`;
  const type = asString(err.type) ?? asString(err.error_type) ?? null;
  const isTransientFlag = asBoolean(err.is_transient) ?? false;
  const kind = classifyGraphError(code, subcode, httpStatus, rawMessage, isTransientFlag);
  const secrets = options.secrets ?? [];
  const codeLabel = code === null ? '' : subcode === null ? `(#${code}) ` : `(#${code}/${subcode}) `;
  // Meta prefixes most messages with "(#100)" already; avoid printing it twice.
  const message = redactSecrets(/^\(#\d+\)/.test(rawMessage) ? rawMessage : `${codeLabel}${rawMessage}`, secrets);

  const userTitle = asString(err.error_user_title);
  const userMessage = asString(err.error_user_msg);
  const retired = kind === 'retired-metric' ? parseRetiredMetricMessage(rawMessage) : undefined;
  const action =
    (subcode !== null ? CODE_ACTIONS[subcode] : undefined) ??
    (code !== null ? CODE_ACTIONS[code] : undefined) ??
    (err.error_type !== undefined || err.error_message !== undefined ? legacyOAuthAction(rawMessage) : undefined);

  const retryAfterMs = kind === 'rate-limited' ? retryAfterFromHeaders(options.headers, options.now ?? Date.now()) : undefined;
  return new GraphApiError({
    message,
    kind,
    code,
    subcode,
    type,
    httpStatus,
    fbtraceId: asString(err.fbtrace_id) ?? null,
    isTransient: kind === 'transient',
    ...(action !== undefined ? { userAction: action } : {}),
    ...(userTitle !== undefined ? { userTitle: redactSecrets(userTitle, secrets) } : {}),
    ...(userMessage !== undefined ? { userMessage: redactSecrets(userMessage, secrets) } : {}),
    ...(details !== undefined ? { details: redactSecrets(details, secrets) } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...retired,
  });
}

/**
 * Works out which requested metrics a 'retired-metric' error refers to: the indexed one, the named
 * one, or every requested metric missing from Meta's allowed list.
 */
export function identifyRejectedMetrics(error: GraphApiError, requested: readonly string[]): string[] {
  if (error.kind !== 'retired-metric') return [];
  if (error.retiredMetricIndex !== undefined) {
    const m = requested[error.retiredMetricIndex];
    if (m !== undefined) return [m];
  }
  if (error.retiredMetric !== undefined && requested.includes(error.retiredMetric)) return [error.retiredMetric];
  if (error.allowedMetrics && error.allowedMetrics.length > 0) {
    const allowed = new Set(error.allowedMetrics);
    return requested.filter((m) => !allowed.has(m));
  }
  return [];
}
