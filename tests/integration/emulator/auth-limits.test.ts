import { readFileSync } from 'node:fs';
import { fixturePath } from '../../support/meta-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { call, errorOf, form, start, u } from './helpers';

const expiredFixture = JSON.parse(readFileSync(fixturePath('graph-error-190-463-expired-token-error-object.json'), 'utf8')) as Record<string, unknown>;
const debugFixture = JSON.parse(readFileSync(fixturePath('debug-token-data-object-with-data-access-expiry.json'), 'utf8')) as Record<string, unknown>;
const legacyFixture = JSON.parse(readFileSync(fixturePath('oauth-code-exchange-error-redirect-uri-mismatch.json'), 'utf8')) as Record<string, unknown>;
const REDIRECT = 'https://www.facebook.com/connect/login_success.html';

let emu: RunningEmulator;
let pageId: string;
let igId: string;

beforeAll(async () => {
  emu = await start('demo');
  pageId = emu.world.pages[0]!.id;
  igId = emu.world.igAccounts[0]!.id;
});
afterAll(() => emu.stop());

/** The href of a link in the consent page. */
async function linkHref(url: string, id: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const m = new RegExp(`id="${id}" href="([^"]+)"`).exec(html);
  if (!m?.[1]) throw new Error(`no link ${id}`);
  return m[1].replace(/&amp;/g, '&');
}

describe('tokens', () => {
  it('answers an expired token with 190/463 shaped like Meta’s', async () => {
    const r = await call(u(emu.url, '/v25.0/me', { access_token: emu.tokens.expiredUser }));
    expect(r.status).toBe(400);
    const e = errorOf(r.body);
    expect(Object.keys(e).sort()).toEqual(Object.keys(expiredFixture).sort());
    expect(e.code).toBe(190);
    expect(e.error_subcode).toBe(463);
    expect(e.type).toBe('OAuthException');
    expect(e.message).toMatch(/^Error validating access token: Session has expired on \w+, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is \w+, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\.$/);
  });

  it('answers unknown or absent tokens with 190, IG host errors as IGApiException', async () => {
    expect(errorOf((await call(u(emu.url, '/v25.0/me', { access_token: 'EAAnope' }))).body).code).toBe(190);
    expect(errorOf((await call(u(emu.url, '/v25.0/me'))).body).code).toBe(190);
    const ig = errorOf((await call(u(emu.url, '/ig/v25.0/me', { access_token: emu.tokens.systemUser }))).body);
    expect(ig).toMatchObject({ code: 190, type: 'IGApiException' });
    const bearer = await call(`${emu.url}/v25.0/me`, { headers: { authorization: `Bearer ${emu.tokens.user}` } });
    expect(bearer.body).toEqual({ name: emu.world.user.name, id: emu.world.user.id });
  });

  it('serves Page tokens from /me/accounts and IG Login /me fields', async () => {
    const r = await call<{ data: Array<{ id: string; access_token: string; tasks: string[]; instagram_business_account: { id: string } }> }>(
      u(emu.url, '/v25.0/me/accounts', { fields: 'id,name,access_token,tasks,instagram_business_account', access_token: emu.tokens.user }),
    );
    expect(r.body.data).toHaveLength(2);
    expect(r.body.data[0]!.access_token).toBe(emu.tokens.pages[pageId]);
    expect(r.body.data[0]!.instagram_business_account.id).toBe(igId);
    const me = await call(u(emu.url, '/ig/v25.0/me', { fields: 'user_id,username', access_token: emu.tokens.instagram[igId]! }));
    expect(me.body.user_id).toBe(igId);
    expect(me.body.id).not.toBe(igId);
  });

  it('describes tokens with /debug_token', async () => {
    const r = await call<{ data: Record<string, unknown> }>(u(emu.url, '/v25.0/debug_token', { input_token: emu.tokens.user, access_token: emu.tokens.app }));
    expect(Object.keys(r.body.data)).toEqual(expect.arrayContaining([...Object.keys(debugFixture), 'issued_at', 'granular_scopes']));
    expect(r.body.data.is_valid).toBe(true);
    const granular = r.body.data.granular_scopes as Array<{ scope: string; target_ids?: string[] }>;
    expect(granular.find((g) => g.scope === 'pages_show_list')!.target_ids).toContain(pageId);
    const expired = await call<{ data: Record<string, unknown> }>(u(emu.url, '/v25.0/debug_token', { input_token: emu.tokens.expiredUser, access_token: emu.tokens.app }));
    expect(expired.body.data.is_valid).toBe(false);
  });
});

describe('versions', () => {
  it('serves retired and unversioned calls as the oldest available version', async () => {
    const version = async (path: string): Promise<string | null> => (await fetch(u(emu.url, path, { access_token: emu.tokens.systemUser }))).headers.get('facebook-api-version');
    expect(await version('/v19.0/me')).toBe('v21.0');
    expect(await version('/v20.0/me')).toBe('v21.0');
    expect(await version('/v26.0/me')).toBe('v26.0');
    expect(await version('/me')).toBe('v21.0');
    expect((await fetch(u(emu.url, '/v99.0/me', { access_token: emu.tokens.systemUser }))).status).toBe(400);
  });
});

describe('usage and throttling', () => {
  it('sends usage headers that grow, then throttles with time to regain access', async () => {
    await call(`${emu.url}/__emulator/config`, { method: 'POST', body: JSON.stringify({ callsPerHour: 10 }) });
    await call(`${emu.url}/__emulator/reset-usage`, { method: 'POST' });
    const pageToken = emu.tokens.pages[pageId]!;
    const counts: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await fetch(u(emu.url, `/v25.0/${pageId}`, { fields: 'name,fan_count', access_token: pageToken }));
      expect(r.status).toBe(200);
      const buc = JSON.parse(r.headers.get('x-business-use-case-usage')!) as Record<string, Array<{ type: string; call_count: number }>>;
      counts.push(buc[pageId]![0]!.call_count);
      expect(buc[pageId]![0]!.type).toBe('pages');
    }
    expect(counts).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const throttled = await fetch(u(emu.url, `/v25.0/${pageId}`, { access_token: pageToken }));
    const body = (await throttled.json()) as unknown;
    expect(errorOf(body).code).toBe(80001);
    const buc = JSON.parse(throttled.headers.get('x-business-use-case-usage')!) as Record<string, Array<{ estimated_time_to_regain_access: number }>>;
    expect(buc[pageId]![0]!.estimated_time_to_regain_access).toBeGreaterThan(0);

    const user = await fetch(u(emu.url, '/v25.0/me', { access_token: emu.tokens.user }));
    expect(JSON.parse(user.headers.get('x-app-usage')!)).toEqual({ call_count: 10, total_cputime: 4, total_time: 5 });
    for (let i = 0; i < 9; i++) await fetch(u(emu.url, '/v25.0/me', { access_token: emu.tokens.user }));
    expect(errorOf(await (await fetch(u(emu.url, '/v25.0/me', { access_token: emu.tokens.user }))).json()).code).toBe(17);
    await call(`${emu.url}/__emulator/config`, { method: 'POST', body: JSON.stringify({ callsPerHour: 4800 }) });
    await call(`${emu.url}/__emulator/reset-usage`, { method: 'POST' });
  });
});

describe('OAuth', () => {
  it('runs the Facebook token and code flows and the long-lived exchange', async () => {
    const dialog = u(emu.url, '/v25.0/dialog/oauth', { client_id: emu.app.id, redirect_uri: REDIRECT, state: 's1', response_type: 'token', scope: 'pages_show_list,instagram_basic' });
    const cont = new URL(await linkHref(dialog, 'continue'));
    const frag = new URLSearchParams(cont.hash.slice(1));
    expect(`${cont.origin}${cont.pathname}`).toBe(REDIRECT);
    expect(frag.get('state')).toBe('s1');
    expect(Number(frag.get('expires_in'))).toBeGreaterThan(0);
    const me = await call(u(emu.url, '/v25.0/me', { access_token: frag.get('access_token')! }));
    expect(me.status).toBe(200);
    const cancel = new URL(await linkHref(dialog, 'cancel'));
    expect(cancel.searchParams.get('error')).toBe('access_denied');
    expect(cancel.searchParams.get('error_reason')).toBe('user_denied');
    expect(cancel.searchParams.get('state')).toBe('s1');

    const codeHref = new URL(await linkHref(u(emu.url, '/dialog/oauth', { client_id: emu.app.id, redirect_uri: REDIRECT, state: 's2', response_type: 'code' }), 'continue'));
    const code = codeHref.searchParams.get('code')!;
    const exchange = { client_id: emu.app.id, client_secret: emu.app.secret, redirect_uri: REDIRECT, code };
    const tok = await call<{ access_token: string; token_type: string; expires_in: number }>(u(emu.url, '/v25.0/oauth/access_token', exchange));
    expect(tok.body.token_type).toBe('bearer');
    expect(errorOf((await call(u(emu.url, '/v25.0/oauth/access_token', exchange))).body).error_subcode).toBe(36009);
    const long = await call<{ access_token: string; expires_in: number }>(
      u(emu.url, '/v25.0/oauth/access_token', { grant_type: 'fb_exchange_token', client_id: emu.app.id, client_secret: emu.app.secret, fb_exchange_token: tok.body.access_token }),
    );
    expect(long.body.expires_in).toBe(5183944);
  });

  it('runs the Instagram Login flow with its legacy error shape', async () => {
    // Registered in the dashboard's Instagram business login settings, as Meta requires.
    await call(`${emu.url}/__emulator/redirect-uris`, { method: 'POST', body: JSON.stringify({ host: 'instagram', uri: 'https://example.test/cb' }) });
    const href = new URL(await linkHref(u(emu.url, '/ig/oauth/authorize', { client_id: emu.app.igAppId, redirect_uri: 'https://example.test/cb', response_type: 'code', scope: 'instagram_business_basic', state: 'z' }), 'continue'));
    const code = href.searchParams.get('code')!;
    const params = { client_id: emu.app.igAppId, client_secret: emu.app.igAppSecret, grant_type: 'authorization_code', redirect_uri: 'https://example.test/cb', code };
    const r = await call<{ data: Array<{ access_token: string; user_id: string; permissions: string }> }>(`${emu.url}/ig/oauth/access_token`, form(params));
    expect(r.body.data[0]!.user_id).toBe(igId);
    const again = await call(`${emu.url}/ig/oauth/access_token`, form(params));
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(legacyFixture).sort());
    const long = await call<{ access_token: string; expires_in: number }>(
      u(emu.url, '/ig/access_token', { grant_type: 'ig_exchange_token', client_secret: emu.app.igAppSecret, access_token: r.body.data[0]!.access_token }),
    );
    expect(long.body.expires_in).toBe(5183944);
    const tooEarly = await call(u(emu.url, '/ig/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: long.body.access_token }));
    expect(errorOf(tooEarly.body).type).toBe('IGApiException');
    const refreshed = await call<{ access_token: string }>(u(emu.url, '/ig/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: emu.tokens.instagram[igId]! }));
    expect(refreshed.body.access_token).toMatch(/^IGAA/);
  });

  it('revokes user and Page tokens with DELETE /{user-id}/permissions', async () => {
    const r = await call(u(emu.url, `/v25.0/${emu.world.user.id}/permissions`, { access_token: emu.tokens.user }), { method: 'DELETE' });
    expect(r.body).toEqual({ success: true });
    const after = await call(u(emu.url, '/v25.0/me', { access_token: emu.tokens.user }));
    expect(errorOf(after.body)).toMatchObject({ code: 190, error_subcode: 458 });
    expect((await call(u(emu.url, '/v25.0/me', { access_token: emu.tokens.systemUser }))).status).toBe(200);
  });
});
