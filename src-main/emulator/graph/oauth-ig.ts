/**
 * Instagram Login stand-ins: www.instagram.com/oauth/authorize, api.instagram.com's
 * `POST /oauth/access_token` (legacy error shape), graph.instagram.com's `access_token`
 * (ig_exchange_token) and `refresh_access_token` (ig_refresh_token).
 */
import { GraphError, paramError } from '../core/errors';
import type { EmulatorState } from '../core/state';
import { IG_SCOPES, LONG_LIVED_MS } from '../world/tokens';
import type { TokenSpec } from '../world/types';
import { consentPage, errorPage, withQuery } from './oauth-html';
import { redirectUriProblem } from './oauth-rules';
import type { OpResult } from './router';

const CODE_TTL_MS = 3_600_000;
const SHORT_LIVED_MS = 3_600_000;

function json(body: unknown, status = 200): OpResult {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body };
}

/** api.instagram.com errors use the legacy `{error_type, code, error_message}` shape. */
function legacyError(message: string): OpResult {
  return json({ error_type: 'OAuthException', code: 400, error_message: message }, 400);
}

function isIgClient(state: EmulatorState, clientId: string | undefined): boolean {
  return clientId === state.world.app.igAppId || clientId === state.world.app.id;
}

function isIgSecret(state: EmulatorState, secret: string | undefined): boolean {
  return secret === state.world.app.igAppSecret || secret === state.world.app.secret;
}

function igToken(state: EmulatorState, subjectId: string, scopes: string[], lifetimeMs: number): TokenSpec {
  const now = state.now();
  return state.mint({
    kind: 'ig_user',
    subjectId,
    appId: state.world.app.igAppId,
    expiresAt: now + lifetimeMs,
    dataAccessExpiresAt: now + 90 * 86_400_000,
    scopes,
    host: 'instagram',
  });
}

/** `GET /oauth/authorize`: one "Continue as @username" link per IG account, plus Cancel. */
export function igAuthorize(state: EmulatorState, p: Record<string, string>): OpResult {
  if (!isIgClient(state, p.client_id)) return errorPage('Invalid platform app');
  const redirectProblem = redirectUriProblem(state, 'instagram', p.redirect_uri);
  const redirectUri = p.redirect_uri;
  if (redirectProblem || !redirectUri) return errorPage(redirectProblem ?? 'The redirect_uri parameter is required.');
  if (p.response_type && p.response_type !== 'code') return errorPage('Only response_type=code is supported by Instagram Login.');
  const scopes = (p.scope ?? '').split(/[,\s]+/).filter(Boolean);
  const granted = scopes.length ? scopes : [...IG_SCOPES];
  const st = p.state ?? '';
  const choices = state.world.igAccounts.map((a, i) => {
    const code = state.mintCode({ host: 'instagram', clientId: p.client_id ?? '', redirectUri, scopes: granted, subjectId: a.id, expiresAt: state.now() + CODE_TTL_MS });
    return { id: i === 0 ? 'continue' : `continue-${i}`, label: `Continue as @${a.username}`, href: `${withQuery(redirectUri, { code, state: st })}#_` };
  });
  choices.push({
    id: 'cancel',
    label: 'Cancel',
    href: withQuery(redirectUri, { error: 'access_denied', error_reason: 'user_denied', error_description: 'The user denied your request.', state: st }),
  });
  return consentPage('Log in with Instagram', [`${state.world.app.name} is requesting access to: ${granted.join(', ')}.`], choices);
}

/** `POST /oauth/access_token` (api.instagram.com): code → short-lived token in the `data[]` shape. */
export function igCodeExchange(state: EmulatorState, p: Record<string, string>): OpResult {
  if (!isIgClient(state, p.client_id)) return legacyError('Invalid platform app');
  if (!isIgSecret(state, p.client_secret)) return legacyError('Error validating client secret.');
  if (p.grant_type !== 'authorization_code') return legacyError('Invalid grant_type: must be authorization_code');
  // Instagram appends "#_" to the redirect; clients must strip it, so a code ending in it is invalid.
  const code = p.code ? state.codes.get(p.code) : undefined;
  if (!code || code.host !== 'instagram' || code.used || code.expiresAt <= state.now()) {
    return legacyError('This authorization code has been used or has expired');
  }
  if (p.redirect_uri !== code.redirectUri) {
    return legacyError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
  }
  code.used = true;
  const t = igToken(state, code.subjectId, code.scopes, SHORT_LIVED_MS);
  return json({ data: [{ access_token: t.token, user_id: code.subjectId, permissions: code.scopes.join(',') }] });
}

function fail(e: GraphError): OpResult {
  return json(e.toBody('instagram'), e.status);
}

/** `GET /access_token?grant_type=ig_exchange_token`: short-lived → 60-day token. */
export function igExchange(state: EmulatorState, p: Record<string, string>, token: string | undefined): OpResult {
  if (p.grant_type !== 'ig_exchange_token') return fail(paramError('grant_type must be ig_exchange_token'));
  if (!isIgSecret(state, p.client_secret)) return fail(new GraphError(400, 1, 'Error validating client secret.'));
  try {
    const source = state.authenticate(token, 'instagram');
    const t = igToken(state, source.subjectId, source.scopes, LONG_LIVED_MS);
    return json({ access_token: t.token, token_type: 'bearer', expires_in: LONG_LIVED_MS / 1000 });
  } catch (e) {
    return fail(e as GraphError);
  }
}

/** `GET /refresh_access_token?grant_type=ig_refresh_token`: needs a valid token at least 24 h old. */
export function igRefresh(state: EmulatorState, p: Record<string, string>, token: string | undefined): OpResult {
  if (p.grant_type !== 'ig_refresh_token') return fail(paramError('grant_type must be ig_refresh_token'));
  try {
    const source = state.authenticate(token, 'instagram');
    if (state.now() - source.issuedAt < 24 * 3_600_000) {
      return fail(paramError('The access token can only be refreshed once it is at least 24 hours old'));
    }
    const t = igToken(state, source.subjectId, source.scopes, LONG_LIVED_MS);
    return json({ access_token: t.token, token_type: 'bearer', expires_in: LONG_LIVED_MS / 1000, permissions: t.scopes.join(',') });
  } catch (e) {
    return fail(e as GraphError);
  }
}
