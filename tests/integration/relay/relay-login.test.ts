/**
 * With a relay paired, Facebook and Instagram Login complete their secret-needing exchanges
 * through it (against the emulator standing in for Meta): the desktop holds no app secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { relayTokenExchange } from '../../../src-main/relay/token-exchange';
import { facebookLoginRequest, instagramLoginRequest } from '../../../src-main/services/login-flows';
import { makeRelayHarness, type RelayHarness } from '../../support/relay-harness';

let h: RelayHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('login through the relay', () => {
  it('exchanges a Facebook short-lived token for a long-lived one and an Instagram code for a 60-day token, with no secret on the desktop', async () => {
    h = await makeRelayHarness();
    const { core, emulator, client } = h.sync;
    const config = core.repos.appConfig;
    config.set('facebook_app_id', emulator.app.id, 1);
    config.set('instagram_app_id', emulator.app.igAppId, 1);
    config.set('instagram_redirect_uri', 'https://bluemug.example/ig-login', 1);
    emulator.state.registerRedirectUri('instagram', 'https://bluemug.example/ig-login');
    expect(config.get('facebook_app_secret')).toBeNull();
    expect(config.get('instagram_app_secret')).toBeNull();
    // Without a relay, Instagram Login refuses to start for lack of a secret.
    expect(() => instagramLoginRequest(client, config, core.now, null)).toThrow(/app secret or a paired relay/);

    await h.service.pair(h.relay.url, await h.pairCode(), 'login device');
    const exchange = relayTokenExchange(h.service.links);
    expect(exchange).not.toBeNull();

    const fb = facebookLoginRequest(client, config, core.now, exchange);
    const state = new URL(fb.url).searchParams.get('state');
    const short = emulator.tokens.user;
    const fbResult = await fb.complete(`https://www.facebook.com/connect/login_success.html#access_token=${short}&expires_in=5400&state=${state}`);
    expect(fbResult?.token).toMatch(/^EAA/);
    expect(fbResult?.token).not.toBe(short);
    expect((fbResult?.expiresAt ?? 0) - core.now()).toBeGreaterThan(50 * 86_400_000);

    const ig = instagramLoginRequest(client, config, core.now, exchange);
    const igState = new URL(ig.url).searchParams.get('state') as string;
    const page = await (await fetch(ig.url)).text();
    const href = /href="([^"]*\?code=[^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toContain(`state=${igState}`);
    const igResult = await ig.complete(href as string);
    expect(igResult?.token).toMatch(/^IGAA/);
    expect((igResult?.expiresAt ?? 0) - core.now()).toBeGreaterThan(50 * 86_400_000);

    // The tokens passed through: nothing of them in the relay's logs or files.
    const logs = h.logs.join('\n');
    for (const token of [short, fbResult!.token, igResult!.token]) expect(logs).not.toContain(token);
    expect(logs).toContain('token exchange answered');
  });
});
