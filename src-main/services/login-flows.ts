import { META_PERMISSIONS, type MetaAppConfig } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { GraphClient } from '../meta/graph-client';
import {
  buildFacebookLoginUrl,
  buildInstagramLoginUrl,
  createOAuthState,
  exchangeFacebookCode,
  exchangeForLongLivedUserToken,
  exchangeInstagramCode,
  exchangeInstagramLongLived,
  parseLoginRedirect,
} from '../meta/oauth';
import { FACEBOOK_DESKTOP_REDIRECT_URI } from '../meta/config';
import type { TokenExchange } from '../relay/token-exchange';
import type { AppConfigRepository } from '../store/repositories/app-config';

/** Instagram Login scopes (the 2025 names; the old business_* names are dead). */
export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_manage_messages',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];

export function metaAppConfig(config: AppConfigRepository): MetaAppConfig {
  return {
    facebookAppId: config.get('facebook_app_id'),
    hasFacebookAppSecret: config.get('facebook_app_secret') !== null,
    instagramAppId: config.get('instagram_app_id'),
    hasInstagramAppSecret: config.get('instagram_app_secret') !== null,
    instagramRedirectUri: config.get('instagram_redirect_uri'),
  };
}

/** A login the desktop shell opens in its window: where to go and how to recognise the way back. */
export interface LoginRequest {
  provider: 'facebook' | 'instagram';
  url: string;
  /** The OAuth state sent with `url`; an answer arriving by `social-desk://` link must carry it. */
  state: string;
  /** Where Meta sends the answer; an answer by deep link is completed as if it had arrived here. */
  redirectUri: string;
  isRedirect: (url: string) => boolean;
  /** The token and its expiry; null when the person cancelled (nothing changes). */
  complete: (redirectUrl: string) => Promise<{ token: string; expiresAt: number | null } | null>;
}

/**
 * Facebook Login, Meta's documented desktop flow: `response_type=token` to login_success.html
 * with a `state` that must come back. With the app secret configured, or through a paired relay
 * that holds it (`exchange`), the short-lived user token is exchanged for a long-lived one, so the
 * Page tokens read from it never expire.
 */
export function facebookLoginRequest(client: GraphClient, config: AppConfigRepository, now: () => number, exchange: TokenExchange | null = null): LoginRequest {
  const appId = config.get('facebook_app_id');
  if (!appId) throw new AppError('CONFLICT', "Facebook Login needs your brand's Meta app id: add it in Settings → Meta app, or paste a system-user token instead.");
  const state = createOAuthState();
  return {
    provider: 'facebook',
    state,
    redirectUri: FACEBOOK_DESKTOP_REDIRECT_URI,
    url: buildFacebookLoginUrl({ appId, scopes: META_PERMISSIONS, state, responseType: 'token', dialogBaseUrl: client.config.oauth.facebookDialogBaseUrl }),
    isRedirect: (url) => url.startsWith(FACEBOOK_DESKTOP_REDIRECT_URI),
    async complete(redirectUrl) {
      const result = parseLoginRedirect(redirectUrl, state);
      if (result.kind === 'cancelled') return null;
      if (result.kind === 'error') throw new AppError('AUTH_EXPIRED', `Facebook Login did not complete: ${result.message}`);
      const secret = config.get('facebook_app_secret');
      let token: string;
      let expiresIn: number | null;
      if (result.kind === 'code') {
        if (!secret) throw new AppError('CONFLICT', 'Facebook answered with a code; exchanging it needs the app secret (Settings → Meta app).');
        ({ accessToken: token, expiresIn } = await exchangeFacebookCode(client, { appId, appSecret: secret, code: result.code }));
      } else {
        ({ accessToken: token, expiresIn } = result);
      }
      if (secret) ({ accessToken: token, expiresIn } = await exchangeForLongLivedUserToken(client, { appId, appSecret: secret, shortLivedToken: token }));
      else if (exchange) ({ accessToken: token, expiresIn } = await exchange.facebookLongLived(token));
      return { token, expiresAt: expiresIn === null ? null : now() + expiresIn * 1000 };
    },
  };
}

/**
 * Instagram Login (no Page needed): authorize → code at the registered redirect URI (intercepted
 * by the window, never loaded) → short-lived token → 60-day token, refreshed by the sync. The two
 * exchanges need the app secret: stored here, or held by a paired relay (`exchange`).
 */
export function instagramLoginRequest(client: GraphClient, config: AppConfigRepository, now: () => number, exchange: TokenExchange | null = null): LoginRequest {
  const appId = config.get('instagram_app_id');
  const secret = config.get('instagram_app_secret');
  const redirectUri = config.get('instagram_redirect_uri');
  if (!appId || !redirectUri || (!secret && !exchange)) {
    throw new AppError('CONFLICT', 'Instagram Login needs your Instagram app id and registered redirect URI, and either the app secret or a paired relay (Settings → Meta app, Settings → Relay).');
  }
  const state = createOAuthState();
  return {
    provider: 'instagram',
    state,
    redirectUri,
    url: buildInstagramLoginUrl({ appId, redirectUri, scopes: INSTAGRAM_SCOPES, state, authorizeUrl: client.config.oauth.instagramAuthorizeUrl }),
    isRedirect: (url) => url.startsWith(redirectUri),
    async complete(redirectUrl) {
      const url = new URL(redirectUrl);
      if (url.searchParams.get('state') !== state) throw new AppError('FORBIDDEN', 'The login answer did not match the request; nothing was stored.');
      const error = url.searchParams.get('error');
      if (error === 'access_denied') return null;
      if (error) throw new AppError('CONFLICT', `Instagram Login did not complete: ${url.searchParams.get('error_description') ?? error}`);
      const code = url.searchParams.get('code');
      if (!code) throw new AppError('INTERNAL', 'Instagram did not return a code.');
      if (!secret && exchange) {
        const viaRelay = await exchange.instagramCode(code, redirectUri);
        return { token: viaRelay.accessToken, expiresAt: viaRelay.expiresIn === null ? null : now() + viaRelay.expiresIn * 1000 };
      }
      if (!secret) throw new AppError('CONFLICT', 'Instagram Login needs the app secret or a paired relay (Settings → Relay).');
      const short = await exchangeInstagramCode(client, { appId, appSecret: secret, redirectUri, code });
      const long = await exchangeInstagramLongLived(client, { appSecret: secret, shortLivedToken: short.accessToken });
      return { token: long.accessToken, expiresAt: long.expiresIn === null ? null : now() + long.expiresIn * 1000 };
    },
  };
}
