/**
 * `GET /oauth/return/{facebook,instagram}`: the https page Meta redirects the browser to, which
 * hands code + state on to `social-desk://login/<provider>`; hostile input stays inert, nothing is
 * cached or logged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestRelay, type TestRelay } from './helpers';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const CODE = 'AQDsecretLoginCode123';
const STATE = 'Zk3p9Q2xVb7LmN4rT8sW1yA6cD5eF0gH';

function openAppHref(body: string): string {
  const href = /id="open-app" href="([^"]+)"/.exec(body)?.[1];
  if (!href) throw new Error('no "Open Social Desk" link');
  return href.replace(/&amp;/g, '&');
}

describe('login return page', () => {
  it('forwards code and state to the app, keeps and logs nothing, and is not cached or referred', async () => {
    relay = await makeTestRelay();
    const res = await relay.app.request(`/oauth/return/instagram?code=${CODE}&state=${STATE}&extra=dropped`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('You can return to Social Desk');
    const link = new URL(openAppHref(body));
    expect(`${link.protocol}//${link.host}${link.pathname}`).toBe('social-desk://login/instagram');
    expect(Object.fromEntries(link.searchParams)).toEqual({ code: CODE, state: STATE });
    expect(body).toMatch(/<meta http-equiv="refresh" content="0;url=social-desk:\/\/login\/instagram\?code=/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(relay.logs.join('\n')).not.toContain(CODE);
    expect(relay.fetchCalls).toEqual([]);
  });

  it('forwards a cancelled login (error + state) for Facebook too', async () => {
    relay = await makeTestRelay();
    const res = await relay.app.request(`/oauth/return/facebook?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=${STATE}`);
    const link = new URL(openAppHref(await res.text()));
    expect(link.pathname).toBe('/facebook');
    expect(link.searchParams.get('error')).toBe('access_denied');
    expect(link.searchParams.get('state')).toBe(STATE);
  });

  it('refuses what is not a login answer, and hostile text stays inert', async () => {
    relay = await makeTestRelay();
    for (const query of ['', `?code=${CODE}`, `?state=${STATE}`, `?code=a&code=b&state=${STATE}`]) {
      const res = await relay.app.request(`/oauth/return/facebook${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.text()).not.toContain('social-desk://');
    }
    const hostile = encodeURIComponent('"><script>alert(1)</script>');
    const res = await relay.app.request(`/oauth/return/facebook?code=${hostile}&state=${STATE}`);
    const body = await res.text();
    expect(body).not.toContain('<script>');
    expect(new URL(openAppHref(body)).searchParams.get('code')).toBe('"><script>alert(1)</script>');
    expect((await relay.app.request('/oauth/return/tiktok?code=x&state=y')).status).toBe(404);
  });
});
