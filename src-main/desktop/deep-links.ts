/**
 * `social-desk://` links, as the OS hands them to the app (macOS `open-url`, a second instance's
 * argv on Windows and Linux, or the first instance's own argv on a cold start). Only the login
 * answers below are known routes; everything else is refused with a reason that is safe to log.
 * Plain Node so the rules are tested without Electron.
 * Electron's guide: https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app
 */

export const DEEP_LINK_SCHEME = 'social-desk';

export type LoginProvider = 'facebook' | 'instagram';

/** `social-desk://login/<provider>` carries Meta's answer to one login this app started. */
export interface LoginDeepLink {
  kind: 'login';
  provider: LoginProvider;
  state: string;
  /** Meta's answer (code, token or error, and state), query and fragment merged. */
  params: URLSearchParams;
}

export type DeepLinkParse = { ok: true; link: LoginDeepLink } | { ok: false; reason: string };

const ROUTES: Record<string, LoginProvider> = { 'login/facebook': 'facebook', 'login/instagram': 'instagram' };

/**
 * What Meta puts on a login redirect: Facebook's manual flow (token in the fragment, code or
 * error in the query) and Instagram's authorize redirect (code, or error + error_reason).
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize
 */
const ANSWER_PARAMS = new Set([
  'state',
  'code',
  'access_token',
  'expires_in',
  'data_access_expiration_time',
  'granted_scopes',
  'denied_scopes',
  'long_lived_token',
  'error',
  'error_code',
  'error_reason',
  'error_description',
  'error_message',
]);
/** Values nobody may see in a log line. */
const SECRET_PARAMS = new Set(['state', 'code', 'access_token', 'long_lived_token']);
/** OAuth states this app creates: 24 random bytes, base64url (32 chars); a bound on anything else. */
const STATE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const MAX_LENGTH = 8192;

const refuse = (reason: string): DeepLinkParse => ({ ok: false, reason });

export function parseDeepLink(raw: string): DeepLinkParse {
  if (raw.length > MAX_LENGTH) return refuse(`longer than ${MAX_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not a URL');
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refuse(`not a ${DEEP_LINK_SCHEME}:// link`);
  if (url.username || url.password || url.port) return refuse('carries credentials or a port');
  const route = `${url.hostname}${url.pathname}`.replace(/\/+$/, '').toLowerCase();
  const provider = ROUTES[route];
  if (!provider) return refuse(`unknown route "${route.slice(0, 40)}"`);

  const params = new URLSearchParams();
  // Instagram appends `#_` and Facebook `#_=_` to redirects; neither is part of the answer.
  const fragment = url.hash.replace(/^#/, '');
  const sources = [url.searchParams, ...(fragment && fragment !== '_' && fragment !== '_=_' ? [new URLSearchParams(fragment)] : [])];
  for (const source of sources) {
    for (const [key, value] of source) {
      if (!ANSWER_PARAMS.has(key)) continue;
      // Two values for one name cannot both be Meta's answer; refuse rather than pick one.
      if (params.has(key)) return refuse(`"${key}" given twice`);
      params.set(key, value);
    }
  }
  const state = params.get('state');
  if (!state || !STATE_PATTERN.test(state)) return refuse('no valid state');
  if (!params.has('code') && !params.has('access_token') && !params.has('error')) return refuse('neither a code, a token nor an error');
  return { ok: true, link: { kind: 'login', provider, state, params } };
}

/**
 * The deep link among command-line arguments (Windows passes it last, a Linux .desktop file's
 * `%u` anywhere; Chromium may add switches around it), or null.
 */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix)) ?? null;
}

/** A link as it may appear in a log: route and parameter names, never their values. */
export function describeDeepLinkForLog(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `(not a URL, ${raw.length} characters)`;
  }
  const names = (params: URLSearchParams) => [...params.keys()].map((key) => (SECRET_PARAMS.has(key) || !ANSWER_PARAMS.has(key) ? `${key}=…` : `${key}=${params.get(key)?.slice(0, 40)}`));
  const query = names(url.searchParams);
  const fragment = url.hash.length > 1 ? names(new URLSearchParams(url.hash.slice(1))) : [];
  const head = `${url.protocol}//${url.hostname}${url.pathname}`.slice(0, 80);
  return `${head}${query.length ? `?${query.join('&')}` : ''}${fragment.length ? `#${fragment.join('&')}` : ''}`;
}

/** Meta's answer as the redirect the login flow expects (the URI it registered with Meta). */
export function answerAsRedirect(redirectUri: string, params: URLSearchParams): string {
  const url = new URL(redirectUri);
  url.hash = '';
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.toString();
}
