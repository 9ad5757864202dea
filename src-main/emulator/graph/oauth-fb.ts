/**
 * Facebook Login stand-ins: the manual-flow dialog, `/oauth/access_token` (code exchange,
 * fb_exchange_token, client_credentials), `/debug_token`.
 */
import { GraphError, invalidToken } from '../core/errors';
import type { EmulatorState } from '../core/state';
import { FB_SCOPES, LONG_LIVED_MS } from '../world/tokens';
import type { TokenSpec } from '../world/types';
import { consentPage, errorPage, withQuery } from './oauth-html';
import { readPkce, redirectUriProblem, verifierMatches } from './oauth-rules';
import type { OpResult } from './router';

const SHORT_LIVED_S = 5_400;
const CODE_TTL_MS = 10 * 60_000;

function json(body: unknown, status = 200): OpResult {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body };
}

function fail(e: GraphError): OpResult {
  return json(e.toBody('facebook'), e.status);
}

function userToken(state: EmulatorState, scopes: string[], lifetimeMs: number): TokenSpec {
  const now = state.now();
  return state.mint({
    kind: 'user',
    subjectId: state.world.user.id,
    appId: state.world.app.id,
    expiresAt: now + lifetimeMs,
    dataAccessExpiresAt: now + 90 * 86_400_000,
    scopes,
    host: 'facebook',
  });
}

/** `GET /dialog/oauth`: consent page whose links redirect like facebook.com does. */
export function fbDialog(state: EmulatorState, p: Record<string, string>): OpResult {
  const world = state.world;
  if (p.client_id !== world.app.id) return errorPage(`Invalid App ID: The provided app ID "${p.client_id ?? ''}" does not look like a valid app ID.`);
  const redirectProblem = redirectUriProblem(state, 'facebook', p.redirect_uri);
  if (redirectProblem || !p.redirect_uri) return errorPage(redirectProblem ?? 'The redirect_uri parameter is required.');
  const scopes = (p.scope ?? '').split(/[,\s]+/).filter(Boolean);
  const granted = scopes.length ? scopes : [...FB_SCOPES];
  const responseType = p.response_type ?? 'code';
  const pkce = readPkce(p);
  if (!pkce.ok) return errorPage(pkce.message);
  const state_ = p.state ?? '';
  const fragment: Record<string, string> = {};
  const query: Record<string, string> = {};
  if (responseType.includes('token')) {
    const t = userToken(state, granted, SHORT_LIVED_S * 1000);
    Object.assign(fragment, {
      access_token: t.token,
      data_access_expiration_time: String(Math.floor(t.dataAccessExpiresAt / 1000)),
      expires_in: String(SHORT_LIVED_S),
    });
    if (responseType.includes('granted_scopes')) fragment.granted_scopes = granted.join(',');
  }
  if (responseType.includes('code')) {
    const code = state.mintCode({
      host: 'facebook',
      clientId: world.app.id,
      redirectUri: p.redirect_uri,
      scopes: granted,
      subjectId: world.user.id,
      expiresAt: state.now() + CODE_TTL_MS,
      ...pkce.challenge,
    });
    (responseType.includes('token') ? fragment : query).code = code;
  }
  const continueHref = Object.keys(fragment).length
    ? `${Object.keys(query).length ? withQuery(p.redirect_uri, query) : p.redirect_uri}#${new URLSearchParams({ ...fragment, state: state_ })}`
    : `${withQuery(p.redirect_uri, { ...query, state: state_ })}#_=_`;
  const cancelHref = `${withQuery(p.redirect_uri, {
    error: 'access_denied',
    error_code: '200',
    error_description: 'Permissions error',
    error_reason: 'user_denied',
    state: state_,
  })}#_=_`;
  return consentPage(
    'Log in with Facebook',
    [`${world.app.name} is requesting access to: ${granted.join(', ')}.`, `You are logged in as ${world.user.name}.`],
    [
      { id: 'continue', label: `Continue as ${world.user.name}`, href: continueHref },
      { id: 'cancel', label: 'Cancel', href: cancelHref },
    ],
  );
}

/** `GET /oauth/access_token`. */
export function fbAccessToken(state: EmulatorState, p: Record<string, string>): OpResult {
  const app = state.world.app;
  if (p.grant_type === 'client_credentials') {
    if (p.client_id !== app.id || p.client_secret !== app.secret) return fail(new GraphError(400, 1, 'Error validating client secret.'));
    return json({ access_token: `${app.id}|${app.secret}`, token_type: 'bearer' });
  }
  if (!p.client_id) return fail(new GraphError(400, 101, 'Missing client_id parameter.'));
  if (p.client_id !== app.id) return fail(new GraphError(400, 101, 'Error validating application. Invalid application ID.'));
  // Only a code issued with a PKCE challenge may be exchanged without the secret (OIDC code flow).
  const pkceCode = p.code && !p.grant_type ? state.codes.get(p.code)?.codeChallenge !== undefined : false;
  if (p.client_secret !== app.secret && !(pkceCode && p.client_secret === undefined)) return fail(new GraphError(400, 1, 'Error validating client secret.'));
  if (p.grant_type === 'fb_exchange_token') {
    let source: TokenSpec;
    try {
      source = state.authenticate(p.fb_exchange_token, 'facebook');
    } catch (e) {
      return fail(e as GraphError);
    }
    if (source.kind !== 'user') return fail(invalidToken(false));
    const t = userToken(state, source.scopes, LONG_LIVED_MS);
    return json({ access_token: t.token, token_type: 'bearer', expires_in: LONG_LIVED_MS / 1000 });
  }
  const code = p.code ? state.codes.get(p.code) : undefined;
  if (!code || code.host !== 'facebook') return fail(new GraphError(400, 100, 'Invalid verification code format.', 'OAuthException', { subcode: 36008 }));
  if (code.used) return fail(new GraphError(400, 100, 'This authorization code has been used.', 'OAuthException', { subcode: 36009 }));
  if (code.expiresAt <= state.now()) return fail(new GraphError(400, 100, 'This authorization code has expired.', 'OAuthException', { subcode: 36007 }));
  if (p.redirect_uri !== code.redirectUri) {
    return fail(new GraphError(400, 100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 'OAuthException', { subcode: 36008 }));
  }
  if ((code.codeChallenge !== undefined || p.code_verifier !== undefined) && !verifierMatches(code, p.code_verifier)) {
    return fail(new GraphError(400, 100, 'Invalid code_verifier: it does not match the code_challenge of the login dialog.', 'OAuthException', { subcode: 36008 }));
  }
  code.used = true;
  const t = userToken(state, code.scopes, SHORT_LIVED_S * 1000);
  return json({ access_token: t.token, token_type: 'bearer', expires_in: SHORT_LIVED_S });
}

function granular(state: EmulatorState, t: TokenSpec): Array<{ scope: string; target_ids?: string[] }> {
  const world = state.world;
  const pages = t.kind === 'page' ? [t.subjectId] : world.pages.map((p) => p.id);
  const igs = t.kind === 'page' ? world.pages.filter((p) => p.id === t.subjectId).map((p) => p.igAccountId) : world.igAccounts.map((a) => a.id);
  return t.scopes.map((scope) => {
    if (scope.startsWith('pages_') || scope === 'read_insights') return { scope, target_ids: pages };
    if (scope.startsWith('instagram_')) return { scope, target_ids: igs };
    if (scope === 'business_management') return { scope, target_ids: [world.business.id] };
    return { scope };
  });
}

/** `GET /debug_token?input_token=…` (caller authenticated with an app or user token). */
export function debugToken(state: EmulatorState, p: Record<string, string>, callerToken: string | undefined): OpResult {
  try {
    state.authenticate(callerToken, 'facebook');
  } catch (e) {
    return fail(e as GraphError);
  }
  const world = state.world;
  const t = p.input_token ? state.findToken(p.input_token) : undefined;
  if (!t || t.host !== 'facebook') {
    return json({ data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } });
  }
  const now = state.now();
  const expired = t.expiresAt !== 0 && t.expiresAt <= now;
  const type = { user: 'USER', page: 'PAGE', app: 'APP', system_user: 'SYSTEM_USER', ig_user: 'USER' }[t.kind];
  const data: Record<string, unknown> = {
    app_id: t.appId,
    type,
    application: world.app.name,
    data_access_expires_at: Math.floor(t.dataAccessExpiresAt / 1000),
    expires_at: Math.floor(t.expiresAt / 1000),
    is_valid: !expired && !t.revoked,
    issued_at: Math.floor(t.issuedAt / 1000),
    scopes: t.scopes,
    granular_scopes: granular(state, t),
  };
  if (t.kind === 'page') {
    data.profile_id = t.subjectId;
    data.user_id = world.user.id;
  } else if (t.kind !== 'app') {
    data.user_id = t.subjectId;
  }
  if (expired) data.error = { code: 190, message: `Error validating access token: Session has expired.`, subcode: 463 };
  if (t.revoked) data.error = { code: 190, message: `Error validating access token: The user has not authorized application ${t.appId}.`, subcode: 458 };
  return json({ data });
}
