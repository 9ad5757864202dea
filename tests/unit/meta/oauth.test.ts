import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { GraphApiError } from '../../../src-main/meta/errors';
import { GraphClient } from '../../../src-main/meta/graph-client';
import {
  buildFacebookLoginUrl,
  buildInstagramLoginUrl,
  createOAuthState,
  createPkcePair,
  debugToken,
  exchangeFacebookCode,
  exchangeForLongLivedUserToken,
  exchangeInstagramCode,
  exchangeInstagramLongLived,
  listPagesWithTokens,
  normaliseDebugToken,
  parseInstagramTokenResponse,
  parseLoginRedirect,
  refreshInstagramToken,
  revokePermissions,
  shouldRefreshInstagramToken,
} from '../../../src-main/meta/oauth';
import { SECRET_TOKEN, emulatorConfig, fakeFetch, fixture, json } from './helpers';

const REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const APP_SECRET = 'appsecret-0123456789abcdef';

describe('Facebook Login URL and redirect', () => {
  it('builds the v25.0 dialog URL with the desktop redirect', () => {
    const url = new URL(buildFacebookLoginUrl({ appId: '42', scopes: ['pages_show_list', 'instagram_basic'], state: 'st', responseType: 'token' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: '42',
      redirect_uri: REDIRECT,
      state: 'st',
      response_type: 'token',
      scope: 'pages_show_list,instagram_basic',
    });
  });

  it('adds a PKCE S256 challenge to the code flow only (OIDC code flow for manual logins)', () => {
    const { verifier, challenge } = createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(createPkcePair().verifier).not.toBe(verifier);
    const url = new URL(buildFacebookLoginUrl({ appId: '42', scopes: ['openid'], state: 'st', responseType: 'code', redirectUri: 'https://relay.example/oauth/return/facebook', codeChallenge: challenge }));
    expect(url.searchParams.get('code_challenge')).toBe(challenge);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(() => buildFacebookLoginUrl({ appId: '42', scopes: [], state: 'st', responseType: 'token', codeChallenge: challenge })).toThrow(/code flow/);
  });

  it('uses the emulator dialog when configured', () => {
    const config = emulatorConfig();
    const url = buildFacebookLoginUrl({ appId: '1', scopes: [], state: 's', responseType: 'code', dialogBaseUrl: config.oauth.facebookDialogBaseUrl });
    expect(url.startsWith('http://127.0.0.1:8787/dialog/oauth?')).toBe(true);
  });

  it('reads a token redirect (fragment) with granted scopes', () => {
    const state = createOAuthState();
    const res = parseLoginRedirect(`${REDIRECT}#access_token=${SECRET_TOKEN}&data_access_expiration_time=1790000000&expires_in=5183944&granted_scopes=pages_show_list%2Cinstagram_basic&denied_scopes=&state=${state}`, state);
    expect(res).toEqual({
      kind: 'token',
      accessToken: SECRET_TOKEN,
      expiresIn: 5183944,
      grantedScopes: ['pages_show_list', 'instagram_basic'],
      deniedScopes: [],
      dataAccessExpiresAt: 1_790_000_000_000,
    });
  });

  it('reads a code redirect and strips #_', () => {
    expect(parseLoginRedirect('https://example.com/cb?code=AQBx123&state=s1#_', 's1')).toEqual({ kind: 'code', code: 'AQBx123' });
    expect(parseLoginRedirect(`${REDIRECT}?code=AQBy&state=s1#_=_`, 's1')).toEqual({ kind: 'code', code: 'AQBy' });
  });

  it('reports cancellation', () => {
    const url = `${REDIRECT}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=s1#_=_`;
    expect(parseLoginRedirect(url, 's1')).toEqual({ kind: 'cancelled' });
  });

  it('never accepts a token or code whose state does not match', () => {
    expect(parseLoginRedirect(`${REDIRECT}#access_token=${SECRET_TOKEN}&state=evil`, 'good').kind).toBe('error');
    expect(parseLoginRedirect(`${REDIRECT}#access_token=${SECRET_TOKEN}`, 'good').kind).toBe('error');
    expect(parseLoginRedirect(`${REDIRECT}?code=abc&state=goodx`, 'good').kind).toBe('error');
    expect(parseLoginRedirect(`${REDIRECT}?error=access_denied&state=other`, 'good').kind).toBe('error');
    expect(() => parseLoginRedirect(REDIRECT, '')).toThrow();
  });

  it('rejects redirects to an unexpected address when the redirect URI is given', () => {
    expect(parseLoginRedirect(`https://evil.example/x#access_token=t&state=s`, 's', { redirectUri: REDIRECT }).kind).toBe('error');
  });
});

describe('token exchanges and Page tokens', () => {
  it('exchanges a code and a short-lived token without leaking the secret in errors', async () => {
    const f = fakeFetch((req) =>
      req.url.searchParams.get('grant_type') === 'fb_exchange_token'
        ? json({ access_token: 'LONG', token_type: 'bearer', expires_in: 5183944 })
        : json({ error: { message: `Invalid client_secret=${APP_SECRET}`, type: 'OAuthException', code: 1, error_subcode: 0 } }, 400),
    );
    const client = new GraphClient({ config: emulatorConfig(), fetch: f.fetch, maxTransientRetries: 0 });
    const long = await exchangeForLongLivedUserToken(client, { appId: '1', appSecret: APP_SECRET, shortLivedToken: SECRET_TOKEN });
    expect(long).toEqual({ accessToken: 'LONG', tokenType: 'bearer', expiresIn: 5183944 });
    expect(f.calls[0]!.url.pathname).toBe('/v25.0/oauth/access_token');
    expect(f.calls[0]!.url.searchParams.get('fb_exchange_token')).toBe(SECRET_TOKEN);
    const err = await exchangeFacebookCode(client, { appId: '1', appSecret: APP_SECRET, code: 'CODE123456' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphApiError);
    expect((err as Error).message).not.toContain(APP_SECRET);
  });

  it('lists every managed Page with its token across pages', async () => {
    const f = fakeFetch((req) =>
      req.url.searchParams.get('after') === 'p2'
        ? json({ data: [{ id: '2', name: 'Two', access_token: 'PT2', tasks: ['ANALYZE'] }] })
        : json({
            data: [{ id: '1', name: 'One', access_token: 'PT1', tasks: ['ANALYZE', 'MESSAGING'], instagram_business_account: { id: '1784', username: 'one' } }],
            paging: { next: 'https://graph.facebook.com/v25.0/me/accounts?after=p2' },
          }),
    );
    const client = new GraphClient({ config: emulatorConfig(), fetch: f.fetch });
    const pages = await listPagesWithTokens(client, SECRET_TOKEN);
    expect(pages).toEqual([
      { id: '1', name: 'One', accessToken: 'PT1', tasks: ['ANALYZE', 'MESSAGING'], instagramBusinessAccount: { id: '1784', username: 'one' } },
      { id: '2', name: 'Two', accessToken: 'PT2', tasks: ['ANALYZE'] },
    ]);
    expect(f.calls[0]!.url.searchParams.get('fields')).toBe('id,name,access_token,tasks,instagram_business_account{id,username}');
  });

  it('normalises the real debug_token data object', () => {
    const info = normaliseDebugToken(fixture('debug-token-data-object-with-data-access-expiry.json'));
    expect(info).toEqual({
      type: 'USER',
      appId: '1234567890',
      application: 'Example App',
      isValid: true,
      expiresAt: 1561330800_000,
      dataAccessExpiresAt: 1563217616_000,
      issuedAt: null,
      scopes: ['user_location', 'user_photos', 'email', 'manage_pages', 'pages_show_list', 'publish_pages', 'business_management', 'public_profile'],
      granularScopes: [],
      userId: '9876543212345',
    });
  });

  it('treats expires_at 0 as never and reads granular scopes through /debug_token', async () => {
    const f = fakeFetch(() =>
      json({ data: { app_id: '1', type: 'PAGE', is_valid: true, expires_at: 0, data_access_expires_at: 0, scopes: ['pages_show_list'], granular_scopes: [{ scope: 'pages_show_list', target_ids: ['111', '222'] }] } }),
    );
    const info = await debugToken(new GraphClient({ config: emulatorConfig(), fetch: f.fetch }), { inputToken: SECRET_TOKEN, appToken: 'app|secret' });
    expect(info.expiresAt).toBeNull();
    expect(info.granularScopes).toEqual([{ scope: 'pages_show_list', targetIds: ['111', '222'] }]);
    expect(f.calls[0]!.url.searchParams.get('input_token')).toBe(SECRET_TOKEN);
  });

  it('revokes permissions with DELETE /{user-id}/permissions', async () => {
    const f = fakeFetch(() => json({ success: true }));
    const client = new GraphClient({ config: emulatorConfig(), fetch: f.fetch });
    expect(await revokePermissions(client, '555', SECRET_TOKEN)).toBe(true);
    expect(f.calls[0]!.method).toBe('DELETE');
    expect(f.calls[0]!.url.pathname).toBe('/v25.0/555/permissions');
  });
});

describe('Instagram Login', () => {
  it('builds the authorize URL (code flow) on Meta and on the emulator', () => {
    const url = new URL(buildInstagramLoginUrl({ appId: '9', redirectUri: 'https://relay.example/cb', scopes: ['instagram_business_basic', 'instagram_business_manage_messages'], state: 's' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.instagram.com/oauth/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_manage_messages');
    const emu = buildInstagramLoginUrl({ appId: '9', redirectUri: 'x:/cb', scopes: [], state: 's', authorizeUrl: emulatorConfig().oauth.instagramAuthorizeUrl });
    expect(emu.startsWith('http://127.0.0.1:8787/ig/oauth/authorize?')).toBe(true);
  });

  it('parses the flat token sample and the documented data[] wrapper with comma permissions', () => {
    expect(parseInstagramTokenResponse(fixture('ig-login-oauth-access-token-flat-shape.json'))).toEqual({
      accessToken: 'EAACEdEose0...',
      userId: '1234567890',
      permissions: ['instagram_business_basic', 'instagram_business_manage_messages', 'instagram_business_manage_comments', 'instagram_business_content_publish'],
    });
    expect(parseInstagramTokenResponse({ data: [{ access_token: 'IGT', user_id: '17841400000000001', permissions: 'instagram_business_basic,instagram_business_manage_comments' }] })).toEqual({
      accessToken: 'IGT',
      userId: '17841400000000001',
      permissions: ['instagram_business_basic', 'instagram_business_manage_comments'],
    });
  });

  it('exchanges the code with a form POST, keeping a 17-digit numeric user_id exact', async () => {
    const f = fakeFetch(() => new Response('{"access_token":"IGT","user_id":17841400000000123,"permissions":["instagram_business_basic"]}', { status: 200 }));
    const client = new GraphClient({ config: emulatorConfig(), fetch: f.fetch });
    const token = await exchangeInstagramCode(client, { appId: '9', appSecret: APP_SECRET, redirectUri: 'https://relay.example/cb', code: 'AQDcode#_' });
    expect(token.userId).toBe('17841400000000123');
    const call = f.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url.toString()).toBe('http://127.0.0.1:8787/ig/oauth/access_token');
    expect(Object.fromEntries(new URLSearchParams(call.body))).toEqual({
      client_id: '9',
      client_secret: APP_SECRET,
      grant_type: 'authorization_code',
      redirect_uri: 'https://relay.example/cb',
      code: 'AQDcode',
    });
  });

  it('surfaces the legacy redirect_uri mismatch error from api.instagram.com', async () => {
    const f = fakeFetch(() => json(fixture('oauth-code-exchange-error-redirect-uri-mismatch.json'), 400));
    const client = new GraphClient({ config: resolveGraphConfig({}), fetch: f.fetch });
    const err = await exchangeInstagramCode(client, { appId: '9', appSecret: APP_SECRET, redirectUri: 'https://x/cb', code: 'CODEVALUE1' }).catch((e: unknown) => e);
    expect(f.calls[0]!.url.toString()).toBe('https://api.instagram.com/oauth/access_token');
    expect(err).toMatchObject({ kind: 'invalid-request', code: 400 });
    expect((err as GraphApiError).userAction).toMatch(/redirect URI/);
    expect((err as Error).message).not.toContain(APP_SECRET);
  });

  it('exchanges and refreshes long-lived tokens on graph.instagram.com’s unversioned endpoints', async () => {
    const f = fakeFetch(() => json({ access_token: 'IGLONG', token_type: 'bearer', expires_in: 5184000 }));
    const client = new GraphClient({ config: emulatorConfig(), fetch: f.fetch });
    expect(await exchangeInstagramLongLived(client, { appSecret: APP_SECRET, shortLivedToken: SECRET_TOKEN })).toEqual({ accessToken: 'IGLONG', tokenType: 'bearer', expiresIn: 5184000 });
    await refreshInstagramToken(client, { token: 'IGLONG' });
    expect(f.calls[0]!.url.pathname).toBe('/ig/access_token');
    expect(f.calls[0]!.url.searchParams.get('grant_type')).toBe('ig_exchange_token');
    expect(f.calls[1]!.url.pathname).toBe('/ig/refresh_access_token');
    expect(f.calls[1]!.url.searchParams.get('grant_type')).toBe('ig_refresh_token');
  });

  it('refreshes only tokens at least 24 h old and still valid', () => {
    const day = 86_400_000;
    const issued = Date.UTC(2026, 0, 1);
    const expires = issued + 60 * day;
    expect(shouldRefreshInstagramToken(issued, expires, issued + 23 * 3_600_000)).toBe(false);
    expect(shouldRefreshInstagramToken(issued, expires, issued + day)).toBe(true);
    expect(shouldRefreshInstagramToken(issued, expires, expires + 1)).toBe(false);
  });
});
