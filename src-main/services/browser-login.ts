/**
 * "Log in with Facebook / Instagram in my browser": the login runs in the person's own browser
 * (their saved Meta session, password manager and two-factor prompts) instead of a window inside
 * the app.
 *
 * Meta redirects a login only to an https URI registered in the app dashboard ("Enforce HTTPS":
 * https://developers.facebook.com/blog/post/2018/06/08/enforce-https-facebook-login/; Instagram:
 * https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize), so the
 * redirect URI is the brand relay's forwarding page `/oauth/return/<provider>`, which hands code
 * and state on to `social-desk://login/<provider>`. Hence this needs a paired relay; without one
 * the in-app login window (login_success.html / the registered Instagram page) stays the way.
 *
 * - Facebook: code flow with PKCE (OIDC code flow for manually built flows, "still in testing"):
 *   the code is exchanged here with the verifier, no secret, then made long-lived by the relay.
 *   https://developers.facebook.com/docs/facebook-login/guides/advanced/oidc-token
 * - Instagram: Meta documents no PKCE for Instagram Login; the relay exchanges the code with the
 *   secret it holds. https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 */
import { META_PERMISSIONS, relayLoginReturnUri } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import { answerAsRedirect, type LoginProvider } from '../desktop/deep-links';
import type { GraphClient } from '../meta/graph-client';
import {
  buildFacebookLoginUrl,
  buildInstagramLoginUrl,
  createOAuthState,
  createPkcePair,
  exchangeFacebookCode,
  exchangeForLongLivedUserToken,
  exchangeInstagramCode,
  exchangeInstagramLongLived,
  parseLoginRedirect,
} from '../meta/oauth';
import { RelayLinkStore } from '../relay/link-store';
import { relayTokenExchange, type TokenExchange } from '../relay/token-exchange';
import type { AppConfigRepository } from '../store/repositories/app-config';
import type { Db } from '../store/database';
import { INSTAGRAM_SCOPES } from './login-flows';

export const BROWSER_LOGIN_NEEDS_RELAY =
  'Logging in in your browser needs your brand\'s relay (Settings → Relay): Meta sends a login back only to an https page, and the relay serves that page. Without a relay, use "Log in with Facebook" or "Log in with Instagram", which open the login inside Social Desk.';

export interface GrantedToken {
  token: string;
  expiresAt: number | null;
}

/** One login in the browser: where to send the browser, and how to finish from Meta's answer. */
export interface BrowserLoginRequest {
  provider: LoginProvider;
  /** Meta's login dialog, opened with the system browser. */
  url: string;
  /** The answer by `social-desk://login/<provider>` must carry it (checked by the deep-link router, once). */
  state: string;
  /** The relay's forwarding page, registered with Meta. */
  redirectUri: string;
  /** Meta's answer as forwarded → the token; null when the person cancelled. Works once. */
  complete(params: URLSearchParams): Promise<GrantedToken | null>;
}

export interface BrowserLoginDeps {
  client: GraphClient;
  config: AppConfigRepository;
  db: Db;
  now: () => number;
}

function pairedRelay(db: Db): { relayUrl: string; exchange: TokenExchange } {
  const links = new RelayLinkStore(db);
  const link = links.get();
  const exchange = relayTokenExchange(links);
  if (!link || !exchange) throw new AppError('CONFLICT', BROWSER_LOGIN_NEEDS_RELAY);
  return { relayUrl: link.relayUrl, exchange };
}

const expiry = (now: () => number, expiresIn: number | null) => (expiresIn === null ? null : now() + expiresIn * 1000);

export function browserLoginRequest(provider: LoginProvider, deps: BrowserLoginDeps): BrowserLoginRequest {
  const { relayUrl, exchange } = pairedRelay(deps.db);
  const redirectUri = relayLoginReturnUri(relayUrl, provider);
  const state = createOAuthState();
  const start = provider === 'facebook' ? facebookInBrowser(deps, exchange, redirectUri, state) : instagramInBrowser(deps, exchange, redirectUri, state);
  let used = false;
  return {
    provider,
    url: start.url,
    state,
    redirectUri,
    async complete(params) {
      if (used) throw new AppError('CONFLICT', 'This login was already completed; start a new one.');
      used = true;
      const answer = parseLoginRedirect(answerAsRedirect(redirectUri, params), state, { redirectUri });
      if (answer.kind === 'cancelled') return null;
      if (answer.kind === 'error') throw new AppError('AUTH_EXPIRED', `${provider === 'facebook' ? 'Facebook' : 'Instagram'} Login did not complete: ${answer.message}`);
      if (answer.kind !== 'code') throw new AppError('INTERNAL', 'Meta answered the browser login without a code.');
      return start.finish(answer.code);
    },
  };
}

interface Started {
  url: string;
  finish(code: string): Promise<GrantedToken>;
}

function facebookInBrowser(deps: BrowserLoginDeps, exchange: TokenExchange, redirectUri: string, state: string): Started {
  const appId = deps.config.get('facebook_app_id');
  if (!appId) throw new AppError('CONFLICT', "Facebook Login needs your brand's Meta app id: add it in Settings → Meta app.");
  const pkce = createPkcePair();
  return {
    url: buildFacebookLoginUrl({
      appId,
      scopes: [...META_PERMISSIONS, 'openid'],
      state,
      responseType: 'code',
      redirectUri,
      codeChallenge: pkce.challenge,
      dialogBaseUrl: deps.client.config.oauth.facebookDialogBaseUrl,
    }),
    async finish(code) {
      const short = await exchangeFacebookCode(deps.client, { appId, redirectUri, code, codeVerifier: pkce.verifier });
      const secret = deps.config.get('facebook_app_secret');
      const long = secret
        ? await exchangeForLongLivedUserToken(deps.client, { appId, appSecret: secret, shortLivedToken: short.accessToken })
        : await exchange.facebookLongLived(short.accessToken);
      return { token: long.accessToken, expiresAt: expiry(deps.now, long.expiresIn) };
    },
  };
}

function instagramInBrowser(deps: BrowserLoginDeps, exchange: TokenExchange, redirectUri: string, state: string): Started {
  const appId = deps.config.get('instagram_app_id');
  if (!appId) throw new AppError('CONFLICT', 'Instagram Login needs your Instagram app id: add it in Settings → Meta app.');
  return {
    url: buildInstagramLoginUrl({ appId, redirectUri, scopes: INSTAGRAM_SCOPES, state, authorizeUrl: deps.client.config.oauth.instagramAuthorizeUrl }),
    async finish(code) {
      const secret = deps.config.get('instagram_app_secret');
      if (!secret) {
        const viaRelay = await exchange.instagramCode(code, redirectUri);
        return { token: viaRelay.accessToken, expiresAt: expiry(deps.now, viaRelay.expiresIn) };
      }
      const short = await exchangeInstagramCode(deps.client, { appId, appSecret: secret, redirectUri, code });
      const long = await exchangeInstagramLongLived(deps.client, { appSecret: secret, shortLivedToken: short.accessToken });
      return { token: long.accessToken, expiresAt: expiry(deps.now, long.expiresIn) };
    },
  };
}
