import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookLoginRequest, instagramLoginRequest } from '../../../src-main/services/login-flows';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

let h: ServicesHarness;
let emulator: ServicesHarness['emulator'];
let core: ServicesHarness['core'];
let services: ServicesHarness['services'];
let call: ServicesHarness['call'];
let clock: ServicesHarness['clock'];
const REDIRECT = 'https://brand.example/instagram-callback';

/** What a person clicking a link on Meta's consent page would navigate to: the link's target. */
async function choose(url: string, id: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const match = new RegExp(`<a id="${id}" href="([^"]+)"`).exec(html);
  if (!match) throw new Error(`no "${id}" choice on the consent page`);
  return match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

beforeAll(async () => {
  h = await makeServicesHarness('login');
  ({ emulator, core, services, call, clock } = h);
  emulator.state.registerRedirectUri('instagram', REDIRECT);
});
afterAll(() => h.close());

describe('Meta app settings', () => {
  it('stores secrets inside the encrypted database and only ever says whether they are set', async () => {
    const set = await call('settings:setMetaApp', {
      facebookAppId: emulator.app.id,
      facebookAppSecret: emulator.app.secret,
      instagramAppId: emulator.app.igAppId,
      instagramAppSecret: emulator.app.igAppSecret,
      instagramRedirectUri: REDIRECT,
    });
    expect(set).toEqual({
      ok: true,
      data: { facebookAppId: emulator.app.id, hasFacebookAppSecret: true, instagramAppId: emulator.app.igAppId, hasInstagramAppSecret: true, instagramRedirectUri: REDIRECT },
    });
    expect(JSON.stringify(await call('settings:getMetaApp', undefined))).not.toContain(emulator.app.secret);
    expect(await call('settings:setMetaApp', { instagramRedirectUri: 'http://insecure.example/cb' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('Facebook Login (the desktop flow, minus the window)', () => {
  it('cancel changes nothing', async () => {
    const request = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    expect(await request.complete(await choose(request.url, 'cancel'))).toBeNull();
    expect(core.repos.accounts.list()).toEqual([]);
  });

  it('a redirect carrying another state is refused', async () => {
    const first = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const second = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    await expect(second.complete(await choose(first.url, 'continue'))).rejects.toThrow();
  });

  it('continue → long-lived user token → Pages with never-expiring Page tokens and their Instagram accounts', async () => {
    const request = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    expect(request.isRedirect('https://www.facebook.com/connect/login_success.html#access_token=x')).toBe(true);
    const { token, expiresAt } = (await request.complete(await choose(request.url, 'continue')))!;
    expect(expiresAt! - clock.now).toBeGreaterThan(50 * 86_400_000);
    const connected = await services.accounts.connectToken(token, 'facebook');
    expect(connected.map((a) => a.network).sort()).toEqual(['facebook', 'instagram']);
    expect(connected.every((a) => a.loginKind === 'facebook')).toBe(true);
    const page = connected.find((a) => a.network === 'facebook')!;
    expect(core.repos.accounts.getCredential(page.id)).toMatchObject({ tokenKind: 'page', expiresAt: null });
    await services.sync.run(null);
  });
});

describe('Instagram Login (no Page needed)', () => {
  it('continue → code → 60-day token → the account, synced on graph.instagram.com', async () => {
    const request = instagramLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const redirect = await choose(request.url, 'continue');
    expect(request.isRedirect(redirect)).toBe(true);
    const { token, expiresAt } = (await request.complete(redirect))!;
    expect(expiresAt! - clock.now).toBeGreaterThan(50 * 86_400_000);
    const [account] = await services.accounts.connectInstagramToken(token, expiresAt);
    expect(account).toMatchObject({ network: 'instagram', loginKind: 'instagram' });
    const [result] = await services.sync.run(account!.id);
    expect(result?.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'ok' });
    expect((core.repos.db.prepare('SELECT count(*) AS n FROM posts WHERE account_id = ?').get(account!.id) as { n: number }).n).toBeGreaterThan(0);
  });

  it('refreshes the Instagram token once it is a day old, before it dies', async () => {
    const account = core.repos.accounts.list().find((a) => a.loginKind === 'instagram')!;
    const before = core.repos.accounts.getCredential(account.id)!;
    clock.now += 2 * 86_400_000;
    await services.sync.run(account.id);
    const after = core.repos.accounts.getCredential(account.id)!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.expiresAt!).toBeGreaterThan(before.expiresAt!);
  });
});

describe('in the web preview there is no login window', () => {
  it('Facebook and Instagram Login answer FORBIDDEN with the alternative', async () => {
    expect(await call('accounts:connectFacebook', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('accounts:connectInstagram', undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/system-user token/) } });
  });
});
