/**
 * "Log in in my browser", end to end in plain Node: the IPC call opens Meta's dialog (the
 * emulator's) in a stand-in system browser, which follows the consent link to the relay's https
 * forwarding page, which hands code + state to the app as a social-desk:// link; the deep-link
 * router delivers it once to the waiting login, which exchanges the code (Facebook: PKCE, no
 * secret; then long-lived through the relay; Instagram: through the relay) and connects the
 * accounts. The desktop holds no app secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src-preload/contract';
import { loadConfig } from '../../../relay/src/config';
import { hashSecret, newPairCode } from '../../../relay/src/crypto';
import { createLogger } from '../../../relay/src/log';
import { startRelay, type RunningRelay } from '../../../relay/src/server';
import { BrowserLogins, isLoginDialogUrl } from '../../../src-main/desktop/browser-logins';
import { DeepLinkLogins } from '../../../src-main/desktop/deep-link-logins';
import { createDispatch, type Dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';
import { makeTempDir } from '../../support/temp-dir';

let h: ServicesHarness;
let relay: RunningRelay;
let relayDir: ReturnType<typeof makeTempDir>;
const relayLogs: string[] = [];
const appLog: string[] = [];
const deepLinks = new DeepLinkLogins((line) => appLog.push(line));
/** What the stand-in browser saw: the URLs it was asked to open and the links it handed the OS. */
const browser = { opened: [] as string[], links: [] as string[], act: true };
let call: Dispatch;

/** The system browser as the person would use it: consent, then the relay's page, then "Open Social Desk". */
async function systemBrowser(url: string): Promise<void> {
  browser.opened.push(url);
  if (!browser.act) return;
  const consent = await (await fetch(url)).text();
  const href = /<a id="continue" href="([^"]+)"/.exec(consent)?.[1];
  if (!href) throw new Error(`no continue link on Meta's page: ${consent.slice(0, 300)}`);
  const returnPage = await fetch(href.replace(/&amp;/g, '&'));
  const link = /id="open-app" href="([^"]+)"/.exec(await returnPage.text())?.[1]?.replace(/&amp;/g, '&');
  if (!link) throw new Error('the relay page offered no link to the app');
  browser.links.push(link);
  // The OS hands the link to the running app a moment later (second instance / open-url).
  setImmediate(() => deepLinks.deliver(link));
}

beforeAll(async () => {
  h = await makeServicesHarness('browser-login');
  const { emulator, core, services } = h;
  relayDir = makeTempDir('relay-browser-login-');
  const env = {
    META_APP_ID: emulator.app.id,
    META_APP_SECRET: emulator.app.secret,
    INSTAGRAM_APP_ID: emulator.app.igAppId,
    INSTAGRAM_APP_SECRET: emulator.app.igAppSecret,
    META_VERIFY_TOKEN: 'verify',
    GRAPH_API_BASE_URL: emulator.url,
  };
  relay = await startRelay(loadConfig(env, { port: 0, dataDir: relayDir.dir }), { log: createLogger((line) => relayLogs.push(line)) });
  const logins = new BrowserLogins({ deepLinks, openExternal: systemBrowser, isLoginDialog: (url) => isLoginDialogUrl(url, resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }).oauth) });
  call = createDispatch(
    createHandlers({ core, services, browserLogins: logins, loadDemo: () => Promise.reject(new Error('unused')), quit: () => {}, openExternal: async () => {}, showFolder: async () => {} }),
  );
  // The brand's Meta app: ids only on this computer; the secrets stay with the relay.
  await call('settings:setMetaApp', { facebookAppId: emulator.app.id, instagramAppId: emulator.app.igAppId });
});
afterAll(async () => {
  h.core.close();
  await relay.close();
  await h.close();
  relayDir.cleanup();
});

async function pairRelay(): Promise<void> {
  const code = newPairCode();
  await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
  await h.services.relay.pair(relay.url, code);
  // What the brand registers in Meta's dashboard (Facebook Login and Instagram business login settings).
  h.emulator.state.registerRedirectUri('facebook', `${relay.url}/oauth/return/facebook`);
  h.emulator.state.registerRedirectUri('instagram', `${relay.url}/oauth/return/instagram`);
}

describe('log in in my browser', () => {
  it('without a relay, explains why and opens nothing (the in-app login stays the way)', async () => {
    const result = await call('accounts:connectInBrowser', { provider: 'facebook' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/relay .*https page/);
    expect(browser.opened).toEqual([]);
  });

  it('Facebook: PKCE code flow through the relay page and a social-desk:// link, long-lived token, Pages connected', async () => {
    await pairRelay();
    const result = await call('accounts:connectInBrowser', { provider: 'facebook' });
    if (!result.ok) throw new Error(result.error.message);
    expect((result.data as AccountSummary[]).map((a) => a.network)).toContain('facebook');

    const dialog = new URL(browser.opened.at(-1)!);
    expect(dialog.pathname).toMatch(/\/dialog\/oauth$/);
    expect(dialog.searchParams.get('response_type')).toBe('code');
    expect(dialog.searchParams.get('redirect_uri')).toBe(`${relay.url}/oauth/return/facebook`);
    expect(dialog.searchParams.get('code_challenge_method')).toBe('S256');
    expect(dialog.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(dialog.searchParams.has('client_secret')).toBe(false);

    const link = new URL(browser.links.at(-1)!);
    expect(`${link.protocol}//${link.host}${link.pathname}`).toBe('social-desk://login/facebook');
    const code = link.searchParams.get('code')!;
    // The state is honoured once: the same link again finds no login waiting.
    expect(deepLinks.deliver(link.toString())).toBe('ignored');
    expect(appLog.at(-1)).toContain('no facebook login is waiting');
    for (const line of [...appLog, ...relayLogs]) expect(line).not.toContain(code);
    expect(h.core.repos.appConfig.get('facebook_app_secret')).toBeNull();
  });

  it('Instagram: the relay exchanges the code; the 60-day token connects the account', async () => {
    const result = await call('accounts:connectInBrowser', { provider: 'instagram' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toEqual([expect.objectContaining({ network: 'instagram', loginKind: 'instagram' })]);
    const dialog = new URL(browser.opened.at(-1)!);
    expect(dialog.searchParams.get('redirect_uri')).toBe(`${relay.url}/oauth/return/instagram`);
    const code = new URL(browser.links.at(-1)!).searchParams.get('code')!;
    for (const line of relayLogs) expect(line).not.toContain(code);
  });

  it('a login the person gives up on ends when they cancel in the app, and nothing is connected', async () => {
    browser.act = false;
    const before = (await call('accounts:list', undefined)) as { ok: true; data: unknown[] };
    const pending = call('accounts:connectInBrowser', { provider: 'instagram' });
    await expect.poll(() => deepLinks.waiting).toBe(1);
    expect(await call('accounts:cancelBrowserLogin', undefined)).toEqual({ ok: true, data: { cancelled: true } });
    expect(await pending).toEqual({ ok: true, data: [] });
    expect(((await call('accounts:list', undefined)) as { ok: true; data: unknown[] }).data).toHaveLength(before.data.length);
    browser.act = true;
  });
});

describe('what may be opened in the browser', () => {
  const oauth = resolveGraphConfig({}).oauth;
  it("only Meta's login dialogs as configured, over https, without credentials", () => {
    expect(isLoginDialogUrl('https://www.facebook.com/v25.0/dialog/oauth?client_id=1', oauth)).toBe(true);
    expect(isLoginDialogUrl('https://www.instagram.com/oauth/authorize?client_id=1', oauth)).toBe(true);
    expect(isLoginDialogUrl('http://www.facebook.com/v25.0/dialog/oauth', oauth)).toBe(false);
    expect(isLoginDialogUrl('https://user:pw@www.facebook.com/v25.0/dialog/oauth', oauth)).toBe(false);
    expect(isLoginDialogUrl('https://www.facebook.com.evil.example/v25.0/dialog/oauth', oauth)).toBe(false);
    expect(isLoginDialogUrl('https://www.facebook.com/v25.0/dialog/feed', oauth)).toBe(false);
    expect(isLoginDialogUrl('file:///etc/passwd', oauth)).toBe(false);
  });
});
