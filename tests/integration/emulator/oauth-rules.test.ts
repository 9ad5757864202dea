/**
 * The emulator's login dialogs follow Meta's rules, read harshly: https (or loopback http) redirect
 * URIs registered in the app dashboard and matched exactly, state echoed, codes single-use and
 * short-lived, and PKCE's verifier checked (the only way to exchange a code without the secret).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { call, errorOf, form, NOW, u } from './helpers';

const RELAY_RETURN = 'https://relay.brand.example/oauth/return/facebook';
const IG_RETURN = 'https://relay.brand.example/oauth/return/instagram';
const clock = { now: NOW };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, scenario: 'small', now: () => clock.now });
});
afterAll(() => emu.stop());

async function dialogPage(path: string, params: Record<string, string>): Promise<string> {
  return (await fetch(u(emu.url, path, params))).text();
}

function continueHref(html: string): URL {
  const href = /id="continue" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no continue link: ${html.slice(0, 400)}`);
  return new URL(href.replace(/&amp;/g, '&'));
}

const fbDialog = (redirect: string, extra: Record<string, string> = {}) =>
  dialogPage('/v25.0/dialog/oauth', { client_id: emu.app.id, redirect_uri: redirect, state: 'st-123', response_type: 'code', scope: 'pages_show_list', ...extra });
const igDialog = (redirect: string) =>
  dialogPage('/ig/oauth/authorize', { client_id: emu.app.igAppId, redirect_uri: redirect, state: 'st-ig', response_type: 'code', scope: 'instagram_business_basic' });

describe('redirect URIs', () => {
  it('refuses an unregistered redirect URI on both dialogs, then accepts it once registered (exact match only)', async () => {
    expect(await fbDialog(RELAY_RETURN)).toContain('URL Blocked');
    expect(await igDialog(IG_RETURN)).toContain('Invalid redirect_uri');

    const registered = await call<{ uris: string[] }>(`${emu.url}/__emulator/redirect-uris`, {
      method: 'POST',
      body: JSON.stringify({ host: 'facebook', uri: RELAY_RETURN }),
    });
    expect(registered.body.uris).toContain(RELAY_RETURN);
    emu.state.registerRedirectUri('instagram', IG_RETURN);

    expect(continueHref(await fbDialog(RELAY_RETURN)).searchParams.get('state')).toBe('st-123');
    expect(continueHref(await igDialog(IG_RETURN)).searchParams.get('state')).toBe('st-ig');
    // Strict mode: a trailing slash or an added query is another URI.
    expect(await fbDialog(`${RELAY_RETURN}/`)).toContain('URL Blocked');
    expect(await igDialog(`${IG_RETURN}?x=1`)).toContain('Invalid redirect_uri');
  });

  it('blocks a plain-http redirect even when registered, except on loopback (development mode)', async () => {
    emu.state.registerRedirectUri('facebook', 'http://relay.brand.example/oauth/return/facebook');
    expect(await fbDialog('http://relay.brand.example/oauth/return/facebook')).toContain('Insecure Login Blocked');
    emu.state.registerRedirectUri('facebook', 'http://127.0.0.1:8787/oauth/return/facebook');
    expect(continueHref(await fbDialog('http://127.0.0.1:8787/oauth/return/facebook')).pathname).toBe('/oauth/return/facebook');
  });
});

describe('codes', () => {
  const exchange = (params: Record<string, string>) => call(u(emu.url, '/v25.0/oauth/access_token', params));

  it('PKCE: the verifier must match the challenge; with it, no secret is needed; the code works once', async () => {
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const answer = continueHref(await fbDialog(RELAY_RETURN, { code_challenge: challenge, code_challenge_method: 'S256' }));
    const code = answer.searchParams.get('code')!;
    const base = { client_id: emu.app.id, redirect_uri: RELAY_RETURN, code };

    const noVerifier = await exchange(base);
    expect(noVerifier.status).toBe(400);
    expect(errorOf(noVerifier.body).message).toMatch(/code_verifier/);
    const wrong = await exchange({ ...base, code_verifier: randomBytes(48).toString('base64url') });
    expect(errorOf(wrong.body).message).toMatch(/code_verifier/);
    // The secret does not stand in for the verifier.
    expect((await exchange({ ...base, client_secret: emu.app.secret })).status).toBe(400);

    const ok = await exchange({ ...base, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toMatch(/^EAA/);
    expect(errorOf((await exchange({ ...base, code_verifier: verifier })).body).error_subcode).toBe(36009);
  });

  it('a code without PKCE still needs the app secret, and a malformed challenge is refused at the dialog', async () => {
    const code = continueHref(await fbDialog(RELAY_RETURN)).searchParams.get('code')!;
    const noSecret = await exchange({ client_id: emu.app.id, redirect_uri: RELAY_RETURN, code });
    expect(errorOf(noSecret.body).message).toBe('Error validating client secret.');
    expect(await fbDialog(RELAY_RETURN, { code_challenge: 'short', code_challenge_method: 'S256' })).toContain('Invalid code_challenge');
    expect(await fbDialog(RELAY_RETURN, { code_challenge: 'a'.repeat(43), code_challenge_method: 'MD5' })).toContain('Invalid code_challenge_method');
  });

  it('codes are short-lived: Facebook after 10 minutes, Instagram after an hour', async () => {
    const fbCode = continueHref(await fbDialog(RELAY_RETURN)).searchParams.get('code')!;
    const igCode = continueHref(await igDialog(IG_RETURN)).searchParams.get('code')!;
    clock.now += 10 * 60_000 + 1;
    const late = await exchange({ client_id: emu.app.id, client_secret: emu.app.secret, redirect_uri: RELAY_RETURN, code: fbCode });
    expect(errorOf(late.body).error_subcode).toBe(36007);
    const igParams = { client_id: emu.app.igAppId, client_secret: emu.app.igAppSecret, grant_type: 'authorization_code', redirect_uri: IG_RETURN, code: igCode };
    clock.now += 60 * 60_000;
    const igLate = await call(`${emu.url}/ig/oauth/access_token`, form(igParams));
    expect(igLate.status).toBe(400);
    expect(igLate.body.error_message).toMatch(/used or has expired/);
  });
});
