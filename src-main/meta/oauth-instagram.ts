/**
 * Business Login for Instagram (meta-api.md §10): authorize URL (code flow, no PKCE), code exchange
 * at api.instagram.com (two response shapes in the wild), long-lived exchange and refresh on
 * graph.instagram.com's unversioned token endpoints.
 */
import { z } from 'zod';
import type { GraphClient } from './graph-client';
import { MalformedResponseError } from './errors';
import { asArray, asNumber, asRecord, asString, asStringList } from './json-access';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A token from the Instagram Login code exchange. */
export interface InstagramToken {
  accessToken: string;
  /** Instagram professional account id (matches webhook `entry.id`). */
  userId: string;
  permissions: string[];
}

/** A long-lived Instagram token (exchange or refresh result). */
export interface InstagramLongLivedToken {
  accessToken: string;
  tokenType: string;
  expiresIn: number | null;
}

/** Options for the Instagram Login authorize URL. */
export interface InstagramLoginUrlOptions {
  appId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** Full authorize URL; default from config (www.instagram.com/oauth/authorize or the emulator). */
  authorizeUrl?: string;
  enableFbLogin?: boolean;
  forceReauth?: boolean;
}

/** Builds the Instagram Login authorize URL (`response_type=code`). */
export function buildInstagramLoginUrl(opts: InstagramLoginUrlOptions): string {
  if (!opts.state) throw new Error('state is required to protect the login redirect');
  const url = new URL(opts.authorizeUrl ?? 'https://www.instagram.com/oauth/authorize');
  url.searchParams.set('client_id', opts.appId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', opts.scopes.join(','));
  url.searchParams.set('state', opts.state);
  if (opts.enableFbLogin !== undefined) url.searchParams.set('enable_fb_login', opts.enableFbLogin ? '1' : '0');
  if (opts.forceReauth) url.searchParams.set('force_reauth', 'true');
  return url.toString();
}

/** Instagram appends `#_` to the redirect; a copied code may still carry it. */
export function normaliseInstagramCode(code: string): string {
  return code.trim().replace(/#_$/, '');
}

/** Reads both `{data:[{access_token,user_id,permissions}]}` and the flat shape; permissions as array or comma string. */
export function parseInstagramTokenResponse(body: unknown): InstagramToken {
  const root = asRecord(body);
  const inner = asRecord(asArray(root?.data)[0]) ?? root;
  const accessToken = asString(inner?.access_token);
  const userId = asString(inner?.user_id);
  if (!accessToken || !userId) {
    throw new MalformedResponseError('Instagram token response lacks access_token or user_id', 200, '', false);
  }
  return { accessToken, userId, permissions: asStringList(inner?.permissions) };
}

/** Exchanges an authorization code at api.instagram.com for a short-lived (1 h) token. */
export async function exchangeInstagramCode(
  client: GraphClient,
  opts: { appId: string; appSecret: string; redirectUri: string; code: string; tokenUrl?: string; signal?: AbortSignal },
): Promise<InstagramToken> {
  const body = await client.requestExternal('POST', opts.tokenUrl ?? client.config.oauth.instagramTokenUrl, {
    form: {
      client_id: opts.appId,
      client_secret: opts.appSecret,
      grant_type: 'authorization_code',
      redirect_uri: opts.redirectUri,
      code: normaliseInstagramCode(opts.code),
    },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return parseInstagramTokenResponse(body);
}

const longLivedSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string()]).optional(),
});

function toLongLived(body: z.infer<typeof longLivedSchema>): InstagramLongLivedToken {
  const expiresIn = asNumber(body.expires_in);
  return { accessToken: body.access_token, tokenType: body.token_type ?? 'bearer', expiresIn: expiresIn ? expiresIn : null };
}

/** Swaps a short-lived Instagram token for a 60-day one (`grant_type=ig_exchange_token`). */
export async function exchangeInstagramLongLived(
  client: GraphClient,
  opts: { appSecret: string; shortLivedToken: string; signal?: AbortSignal },
): Promise<InstagramLongLivedToken> {
  const body = await client.get('access_token', {
    host: 'instagram',
    versioned: false,
    token: opts.shortLivedToken,
    params: { grant_type: 'ig_exchange_token', client_secret: opts.appSecret },
    schema: longLivedSchema,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return toLongLived(body);
}

/** Extends a long-lived Instagram token by another 60 days (`grant_type=ig_refresh_token`). */
export async function refreshInstagramToken(
  client: GraphClient,
  opts: { token: string; signal?: AbortSignal },
): Promise<InstagramLongLivedToken> {
  const body = await client.get('refresh_access_token', {
    host: 'instagram',
    versioned: false,
    token: opts.token,
    params: { grant_type: 'ig_refresh_token' },
    schema: longLivedSchema,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return toLongLived(body);
}

/**
 * Meta only refreshes tokens that are at least 24 h old and not yet expired; a token left
 * unrefreshed for 60 days is dead. All arguments are epoch ms.
 */
export function shouldRefreshInstagramToken(issuedAt: number, expiresAt: number, now: number): boolean {
  // Keep a minute of margin so the refresh call itself does not race the expiry.
  return now - issuedAt >= DAY_MS && now < expiresAt - 60_000;
}
