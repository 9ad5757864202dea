/** Graph API error objects with Meta's shapes, codes and HTTP statuses. */
import { randomBytes } from 'node:crypto';

/** Extra fields of a Graph error object. */
export interface GraphErrorExtra {
  subcode?: number;
  userTitle?: string;
  userMsg?: string;
  isTransient?: boolean;
  errorData?: unknown;
  /** Adds a WWW-Authenticate header like Meta does for token problems. */
  wwwAuthenticate?: boolean;
}

/** fbtrace ids are opaque; randomness here does not affect world determinism. */
export function fbtraceId(): string {
  return `A${randomBytes(16).toString('base64url').slice(0, 22)}`;
}

/** A Graph API error response: thrown by handlers, rendered by the pipeline. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly type: string = 'OAuthException',
    readonly extra: GraphErrorExtra = {},
  ) {
    super(message);
  }

  /** `{"error":{...}}` body; IG-host errors carry type IGApiException. */
  toBody(host: 'facebook' | 'instagram' = 'facebook'): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = {
      message: this.message,
      type: host === 'instagram' ? 'IGApiException' : this.type,
      code: this.code,
    };
    if (this.extra.subcode !== undefined) error.error_subcode = this.extra.subcode;
    if (this.extra.isTransient !== undefined) error.is_transient = this.extra.isTransient;
    if (this.extra.userTitle) error.error_user_title = this.extra.userTitle;
    if (this.extra.userMsg) error.error_user_msg = this.extra.userMsg;
    if (this.extra.errorData !== undefined) error.error_data = this.extra.errorData;
    error.fbtrace_id = fbtraceId();
    return { error };
  }
}

/** `(#100) …` parameter/metric errors. */
export function paramError(message: string, subcode?: number): GraphError {
  return new GraphError(400, 100, `(#100) ${message}`, 'OAuthException', subcode === undefined ? {} : { subcode });
}

/** Meta's "object does not exist / no permission" error (100, subcode 33). */
export function unsupportedGet(id: string, method = 'get'): GraphError {
  return new GraphError(
    400,
    100,
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    'GraphMethodException',
    { subcode: 33 },
  );
}

/** Unknown edge or path. */
export function unknownPath(path: string): GraphError {
  return new GraphError(400, 2500, `Unknown path components: ${path}`, 'OAuthException');
}

/** Requesting a field the node type does not have. */
export function nonexistingField(field: string, nodeType: string): GraphError {
  return paramError(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
}

/** 190 for a token Meta cannot parse (also used for a missing token, as the project's client expects). */
export function invalidToken(missing: boolean): GraphError {
  return new GraphError(
    400,
    190,
    missing ? 'An access token is required to request this resource.' : 'Invalid OAuth access token - Cannot parse access token',
    'OAuthException',
    { wwwAuthenticate: true },
  );
}

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  weekday: 'long',
  day: '2-digit',
  month: 'short',
  year: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "Friday, 26-Apr-24 06:00:00 PDT", the format of Meta's expiry messages. */
export function pacificStamp(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of PACIFIC.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.weekday}, ${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** 190/463 exactly like graph-error-190-463-expired-token-error-object.json. */
export function expiredToken(expiredAt: number, now: number): GraphError {
  return new GraphError(
    400,
    190,
    `Error validating access token: Session has expired on ${pacificStamp(expiredAt)}. The current time is ${pacificStamp(now)}.`,
    'OAuthException',
    { subcode: 463, wwwAuthenticate: true },
  );
}

/** Token of a user who removed the app / revoked permissions (190/458). */
export function revokedToken(appId: string): GraphError {
  return new GraphError(400, 190, `Error validating access token: The user has not authorized application ${appId}.`, 'OAuthException', {
    subcode: 458,
    wwwAuthenticate: true,
  });
}

/** Transient server error (code 2), HTTP 500. */
export function transientError(): GraphError {
  return new GraphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', 'OAuthException', { isTransient: true });
}
