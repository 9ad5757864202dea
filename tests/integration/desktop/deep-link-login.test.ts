/**
 * A login answered by `social-desk://` link instead of the login window's intercepted redirect:
 * the emulator's consent page (Meta) redirects to the registered https page, which forwards the
 * query to the app. The link goes through the router the Electron glue feeds, and the real login
 * flow completes it into a token the accounts service connects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeepLinkLogins } from '../../../src-main/desktop/deep-link-logins';
import { answerAsRedirect } from '../../../src-main/desktop/deep-links';
import { facebookLoginRequest, instagramLoginRequest, type LoginRequest } from '../../../src-main/services/login-flows';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

const REDIRECT = 'https://brand.example/instagram-callback';
let h: ServicesHarness;

/** The consent page's "continue" link, as the person's browser would follow it. */
async function consent(url: string): Promise<URL> {
  const html = await (await fetch(url)).text();
  const href = /<a id="continue" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error('no continue link on the consent page');
  return new URL(href.replace(/&amp;/g, '&'));
}

/** What the registered page forwards: Meta's query and fragment on the app's own scheme. */
const forwarded = (provider: string, answer: URL) => `social-desk://login/${provider}${answer.search}${answer.hash}`;

/** The window's side of runLoginWindow: wait for a deep link, then complete as if redirected. */
async function completeByDeepLink(logins: DeepLinkLogins, request: LoginRequest, link: string) {
  const wait = logins.expect(request.provider, request.state);
  expect(logins.deliver(link)).toBe('delivered');
  const params = await wait.answer;
  if (!params) throw new Error('no answer');
  return request.complete(answerAsRedirect(request.redirectUri, params));
}

beforeAll(async () => {
  h = await makeServicesHarness('deep-link');
  const { emulator, call } = h;
  emulator.state.registerRedirectUri('instagram', REDIRECT);
  await call('settings:setMetaApp', {
    facebookAppId: emulator.app.id,
    facebookAppSecret: emulator.app.secret,
    instagramAppId: emulator.app.igAppId,
    instagramAppSecret: emulator.app.igAppSecret,
    instagramRedirectUri: REDIRECT,
  });
});
afterAll(() => h.close());

describe('login answered by social-desk:// link', () => {
  it('Instagram: the forwarded code completes the login and connects the account', async () => {
    const { services, core } = h;
    const logged: string[] = [];
    const logins = new DeepLinkLogins((line) => logged.push(line));
    const request = instagramLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const answer = await consent(request.url);
    expect(`${answer.origin}${answer.pathname}`).toBe(REDIRECT);

    // Someone else's link (a forged state) is dropped; the real one still works afterwards.
    const forged = forwarded('instagram', answer).replace(request.state, 'A'.repeat(request.state.length));
    const wait = logins.expect('instagram', request.state);
    expect(logins.deliver(forged)).toBe('ignored');
    wait.cancel();
    expect(logged.join('\n')).not.toContain(answer.searchParams.get('code') as string);

    const granted = await completeByDeepLink(logins, request, forwarded('instagram', answer));
    const [account] = await services.accounts.connectInstagramToken(granted!.token, granted!.expiresAt);
    expect(account).toMatchObject({ network: 'instagram', loginKind: 'instagram' });
  });

  it('Facebook: the token in the fragment completes the login (long-lived, Pages connected)', async () => {
    const { services, core } = h;
    const logins = new DeepLinkLogins(() => {});
    const request = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const answer = await consent(request.url);
    expect(answer.hash).toContain('access_token=');
    const granted = await completeByDeepLink(logins, request, forwarded('facebook', answer));
    const connected = await services.accounts.connectToken(granted!.token, 'facebook');
    expect(connected.map((a) => a.network)).toContain('facebook');
  });

  it('a code the login flow did not ask for is refused by the flow itself, even past the router', async () => {
    const { services, core } = h;
    const request = instagramLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const other = instagramLoginRequest(services.sync.client, core.repos.appConfig, core.now);
    const answer = await consent(other.url);
    const params = new URLSearchParams(answer.search);
    await expect(request.complete(answerAsRedirect(request.redirectUri, params))).rejects.toThrow(/did not match/);
  });
});
