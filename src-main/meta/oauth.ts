/**
 * Facebook Login for a desktop app (manual flow, meta-api.md §10): build the dialog URL, read the
 * redirect the login window lands on (with a strict `state` check), exchange/extend tokens, list
 * Page tokens, inspect and revoke. Instagram Login lives in `oauth-instagram.ts`, re-exported here.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { FACEBOOK_DESKTOP_REDIRECT_URI, GRAPH_API_VERSION } from './config';
import type { GraphClient } from './graph-client';
import { asNumber, asStringList } from './json-access';
import { redactSecrets } from './redact';

export { debugToken, normaliseDebugToken, type DebugTokenInfo } from './debug-token';
export {
  buildInstagramLoginUrl,
  exchangeInstagramCode,
  exchangeInstagramLongLived,
  normaliseInstagramCode,
  parseInstagramTokenResponse,
  refreshInstagramToken,
  shouldRefreshInstagramToken,
  type InstagramToken,
} from './oauth-instagram';

/** Options for the Facebook Login dialog URL. */
export interface FacebookLoginUrlOptions {
  appId: string;
  scopes: readonly string[];
  state: string;
  responseType: 'token' | 'code';
  /** Prefix before `/dialog/oauth`; default `https://www.facebook.com/v25.0` (emulator: its base URL). */
  dialogBaseUrl?: string;
  redirectUri?: string;
  /** `rerequest` asks again for declined permissions. */
  authType?: 'rerequest' | 'reauthenticate';
  /** PKCE S256 challenge (code flow only); the exchange then sends the verifier instead of the secret. */
  codeChallenge?: string;
}

/** Result of reading the URL the login window was redirected to. */
export type LoginRedirectResult =
  | { kind: 'token'; accessToken: string; expiresIn: number | null; grantedScopes?: string[]; deniedScopes?: string[]; dataAccessExpiresAt?: number }
  | { kind: 'code'; code: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** A user access token as returned by `/oauth/access_token`. */
export interface UserAccessToken {
  accessToken: string;
  tokenType: string;
  /** Seconds until expiry; null when Meta did not say (non-expiring). */
  expiresIn: number | null;
}

/** A Page the user manages, with its Page token. */
export interface ManagedPage {
  id: string;
  name: string;
  accessToken: string;
  tasks: string[];
  instagramBusinessAccount?: { id: string; username?: string };
}

/** Fresh unguessable `state` value for one login attempt. */
export function createOAuthState(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * A PKCE pair for Facebook Login's OIDC code flow: a 64-character verifier (43–128 of
 * A-Z a-z 0-9 -._~) and its S256 challenge, BASE64URL(SHA256(verifier)) without padding.
 * https://developers.facebook.com/docs/facebook-login/guides/advanced/oidc-token
 */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Builds the Facebook Login dialog URL for the desktop manual flow. */
export function buildFacebookLoginUrl(opts: FacebookLoginUrlOptions): string {
  if (!opts.state) throw new Error('state is required to protect the login redirect');
  const base = (opts.dialogBaseUrl ?? `https://www.facebook.com/${GRAPH_API_VERSION}`).replace(/\/+$/, '');
  const url = new URL(`${base}/dialog/oauth`);
  url.searchParams.set('client_id', opts.appId);
  url.searchParams.set('redirect_uri', opts.redirectUri ?? FACEBOOK_DESKTOP_REDIRECT_URI);
  url.searchParams.set('state', opts.state);
  url.searchParams.set('response_type', opts.responseType);
  url.searchParams.set('scope', opts.scopes.join(','));
  if (opts.responseType === 'token') url.searchParams.set('granted_scopes', 'true');
  if (opts.authType) url.searchParams.set('auth_type', opts.authType);
  if (opts.codeChallenge) {
    if (opts.responseType !== 'code') throw new Error('PKCE applies to the code flow only');
    url.searchParams.set('code_challenge', opts.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the redirect URL of a Facebook (or Instagram) login window. The `state` must match exactly,
 * otherwise the result is an error even for a token, so a forged redirect is never accepted.
 */
export function parseLoginRedirect(url: string, expectedState: string, opts: { redirectUri?: string } = {}): LoginRedirectResult {
  if (!expectedState) throw new Error('expectedState is required');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', message: 'The login window returned an invalid URL' };
  }
  if (opts.redirectUri && `${parsed.origin}${parsed.pathname}` !== opts.redirectUri.replace(/[?#].*$/, '')) {
    return { kind: 'error', message: 'The login window was redirected to an unexpected address' };
  }
  // Tokens come back in the fragment, codes and errors in the query; Instagram appends `#_`.
  const params = new URLSearchParams(parsed.search);
  const fragment = parsed.hash.replace(/^#/, '');
  if (fragment && fragment !== '_' && fragment !== '_=_') {
    for (const [k, v] of new URLSearchParams(fragment)) params.set(k, v);
  }
  if (!sameState(params.get('state'), expectedState)) {
    return { kind: 'error', message: 'Login response did not match this login attempt (state mismatch); start again' };
  }
  const error = params.get('error');
  if (error) {
    if (error === 'access_denied' || params.get('error_reason') === 'user_denied') return { kind: 'cancelled' };
    const description = params.get('error_description') ?? params.get('error_message') ?? error;
    return { kind: 'error', message: redactSecrets(description) };
  }
  const accessToken = params.get('access_token');
  if (accessToken) {
    const expiresIn = asNumber(params.get('expires_in') ?? undefined);
    const granted = params.get('granted_scopes');
    const denied = params.get('denied_scopes');
    const dataAccess = asNumber(params.get('data_access_expiration_time') ?? undefined);
    return {
      kind: 'token',
      accessToken,
      // Meta sends 0 for tokens that do not expire.
      expiresIn: expiresIn === undefined || expiresIn === 0 ? null : expiresIn,
      ...(granted !== null ? { grantedScopes: asStringList(granted) } : {}),
      ...(denied !== null ? { deniedScopes: asStringList(denied) } : {}),
      ...(dataAccess !== undefined ? { dataAccessExpiresAt: dataAccess * 1000 } : {}),
    };
  }
  const code = params.get('code');
  if (code) return { kind: 'code', code: code.replace(/#_$/, '') };
  return { kind: 'error', message: 'The login response contained neither a token nor a code' };
}

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string()]).optional(),
});

function toUserToken(body: z.infer<typeof tokenResponseSchema>): UserAccessToken {
  const expiresIn = asNumber(body.expires_in);
  return { accessToken: body.access_token, tokenType: body.token_type ?? 'bearer', expiresIn: expiresIn ? expiresIn : null };
}

/**
 * Exchanges a login `code` for a user token: with the app secret, or with the PKCE verifier of
 * the dialog's challenge (OIDC code flow), which needs no secret on this computer.
 */
export async function exchangeFacebookCode(
  client: GraphClient,
  opts: { appId: string; redirectUri?: string; code: string; signal?: AbortSignal } & ({ appSecret: string; codeVerifier?: string } | { appSecret?: undefined; codeVerifier: string }),
): Promise<UserAccessToken> {
  const body = await client.get('oauth/access_token', {
    params: {
      client_id: opts.appId,
      client_secret: opts.appSecret,
      redirect_uri: opts.redirectUri ?? FACEBOOK_DESKTOP_REDIRECT_URI,
      code: opts.code,
      code_verifier: opts.codeVerifier,
    },
    schema: tokenResponseSchema,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return toUserToken(body);
}

/** Swaps a short-lived user token for a ~60-day one (`grant_type=fb_exchange_token`). */
export async function exchangeForLongLivedUserToken(
  client: GraphClient,
  opts: { appId: string; appSecret: string; shortLivedToken: string; signal?: AbortSignal },
): Promise<UserAccessToken> {
  const body = await client.get('oauth/access_token', {
    params: {
      grant_type: 'fb_exchange_token',
      client_id: opts.appId,
      client_secret: opts.appSecret,
      fb_exchange_token: opts.shortLivedToken,
    },
    schema: tokenResponseSchema,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return toUserToken(body);
}

const managedPageSchema = z.looseObject({
  id: z.string(),
  name: z.string().default(''),
  access_token: z.string(),
  tasks: z.array(z.string()).default([]),
  instagram_business_account: z.looseObject({ id: z.string(), username: z.string().optional() }).optional(),
});

/** Fields requested from `/me/accounts`; expansion fetches the linked IG account in the same call. */
export const MANAGED_PAGE_FIELDS = 'id,name,access_token,tasks,instagram_business_account{id,username}';

/** Lists every Page the user manages with its Page token, following paging to the end. */
export async function listPagesWithTokens(client: GraphClient, userToken: string, opts: { signal?: AbortSignal } = {}): Promise<ManagedPage[]> {
  const pages: ManagedPage[] = [];
  const items = client.paginateItems('me/accounts', {
    token: userToken,
    params: { fields: MANAGED_PAGE_FIELDS, limit: 100 },
    itemSchema: managedPageSchema,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  for await (const p of items) {
    const ig = p.instagram_business_account;
    pages.push({
      id: p.id,
      name: p.name,
      accessToken: p.access_token,
      tasks: p.tasks,
      ...(ig ? { instagramBusinessAccount: ig.username !== undefined ? { id: ig.id, username: ig.username } : { id: ig.id } } : {}),
    });
  }
  return pages;
}

/** Revokes the app's permissions (all, or one) for a user: `DELETE /{user-id}/permissions[/{perm}]`. */
export async function revokePermissions(
  client: GraphClient,
  userId: string,
  token: string,
  opts: { permission?: string; host?: 'facebook' | 'instagram'; signal?: AbortSignal } = {},
): Promise<boolean> {
  const path = `${encodeURIComponent(userId)}/permissions${opts.permission ? `/${encodeURIComponent(opts.permission)}` : ''}`;
  const body = await client.delete(path, {
    token,
    host: opts.host ?? 'facebook',
    schema: z.looseObject({ success: z.boolean().optional() }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return body.success ?? true;
}
