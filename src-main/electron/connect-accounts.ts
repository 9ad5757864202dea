import type { BrowserWindow } from 'electron';
import type { AccountSummary } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import type { DeepLinkLogins } from '../desktop/deep-link-logins';
import type { AppServices } from '../services/app-services';
import { facebookLoginRequest, instagramLoginRequest } from '../services/login-flows';
import { runLoginWindow } from './meta-login';

/** Facebook Login → user token → the Pages it manages (Page tokens) and their Instagram accounts. */
export async function connectWithFacebook(window: BrowserWindow, core: AppCore, services: AppServices, deepLinks: DeepLinkLogins): Promise<AccountSummary[]> {
  const request = facebookLoginRequest(services.sync.client, core.repos.appConfig, core.now, services.relay.tokenExchange());
  const redirect = await runLoginWindow(window, request, 'Log in with Facebook', deepLinks);
  if (!redirect) return [];
  const granted = await request.complete(redirect);
  return granted ? services.accounts.connectToken(granted.token, 'facebook') : [];
}

/** Instagram Login → a 60-day Instagram token → the professional account behind it. */
export async function connectWithInstagram(window: BrowserWindow, core: AppCore, services: AppServices, deepLinks: DeepLinkLogins): Promise<AccountSummary[]> {
  const request = instagramLoginRequest(services.sync.client, core.repos.appConfig, core.now, services.relay.tokenExchange());
  const redirect = await runLoginWindow(window, request, 'Log in with Instagram', deepLinks);
  if (!redirect) return [];
  const granted = await request.complete(redirect);
  return granted ? services.accounts.connectInstagramToken(granted.token, granted.expiresAt) : [];
}
