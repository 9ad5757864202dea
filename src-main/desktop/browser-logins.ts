/**
 * Runs a login in the system browser: opens Meta's dialog there, waits for the answer to come back
 * as a `social-desk://login/…` link (the deep-link router checks provider and state, once), then
 * completes it. Plain Node, so the whole wait is tested without Electron; the shell's
 * `openExternal` is passed in.
 */
import type { AccountSummary } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import type { OAuthEndpoints } from '../meta/config';
import type { AppServices } from '../services/app-services';
import { browserLoginRequest, type BrowserLoginRequest, type GrantedToken } from '../services/browser-login';
import type { DeepLinkLogins, DeepLinkWait } from './deep-link-logins';

/** Long enough to log in with two-factor checks; a stale login then stops waiting on its own. */
export const BROWSER_LOGIN_WAIT_MS = 15 * 60_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The allow-list for what the app hands to the system browser here: exactly Meta's two login
 * dialogs as configured (www.facebook.com/vNN/dialog/oauth, www.instagram.com/oauth/authorize, or
 * the emulator's on loopback), https only except loopback, no credentials in the URL.
 */
export function isLoginDialogUrl(url: string, oauth: Pick<OAuthEndpoints, 'facebookDialogBaseUrl' | 'instagramAuthorizeUrl'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return false;
  const here = `${parsed.origin}${parsed.pathname}`;
  const dialogs = [`${oauth.facebookDialogBaseUrl.replace(/\/+$/, '')}/dialog/oauth`, oauth.instagramAuthorizeUrl];
  return dialogs.some((dialog) => {
    const allowed = new URL(dialog);
    return `${allowed.origin}${allowed.pathname}` === here;
  });
}

export interface BrowserLoginsDeps {
  deepLinks: DeepLinkLogins;
  openExternal: (url: string) => Promise<void>;
  isLoginDialog: (url: string) => boolean;
  waitMs?: number;
}

export class BrowserLogins {
  private waiting: DeepLinkWait | null = null;

  constructor(private readonly deps: BrowserLoginsDeps) {}

  /** The token, or null when the person cancelled (in Meta's dialog or here) or never came back. */
  async run(request: BrowserLoginRequest): Promise<GrantedToken | null> {
    if (!this.deps.isLoginDialog(request.url)) throw new AppError('FORBIDDEN', 'Refused to open a login address that is not Meta\'s login dialog.');
    this.cancel();
    const wait = this.deps.deepLinks.expect(request.provider, request.state);
    this.waiting = wait;
    const timer = setTimeout(() => wait.cancel(), this.deps.waitMs ?? BROWSER_LOGIN_WAIT_MS);
    timer.unref?.();
    try {
      await this.deps.openExternal(request.url);
    } catch (error) {
      wait.cancel();
      clearTimeout(timer);
      throw new AppError('INTERNAL', `Could not open your browser: ${error instanceof Error ? error.message : String(error)}`);
    }
    const params = await wait.answer;
    clearTimeout(timer);
    if (this.waiting === wait) this.waiting = null;
    return params ? request.complete(params) : null;
  }

  /** Stops waiting for the browser (the person gave up); true when a login was waiting. */
  cancel(): boolean {
    const current = this.waiting;
    this.waiting = null;
    current?.cancel();
    return current !== null;
  }
}

/** A browser login from start to connected accounts (Pages and their Instagram accounts, or the Instagram account). */
export async function connectInBrowser(provider: 'facebook' | 'instagram', core: AppCore, services: AppServices, logins: BrowserLogins): Promise<AccountSummary[]> {
  const request = browserLoginRequest(provider, { client: services.sync.client, config: core.repos.appConfig, db: core.repos.db, now: core.now });
  const granted = await logins.run(request);
  if (!granted) return [];
  return provider === 'facebook' ? services.accounts.connectToken(granted.token, 'facebook') : services.accounts.connectInstagramToken(granted.token, granted.expiresAt);
}
