import type { BrowserWindow } from 'electron';
import type { AccountSummary } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { GraphConfig } from '../meta/config';
import type { AppServices } from '../services/app-services';
import { facebookLogin } from './meta-login';

/**
 * Facebook Login → the user's token → their Pages (with Page tokens) and linked Instagram
 * accounts. Needs the brand's Meta app id (SOCIAL_DESK_META_APP_ID); a cancelled login changes nothing.
 */
export async function connectWithFacebook(window: BrowserWindow, services: AppServices, config: GraphConfig): Promise<AccountSummary[]> {
  const appId = process.env.SOCIAL_DESK_META_APP_ID;
  if (!appId) {
    throw new AppError('CONFLICT', "Facebook Login needs your brand's Meta app id (SOCIAL_DESK_META_APP_ID). Until it is set, paste a system-user token instead.");
  }
  const result = await facebookLogin(window, appId, config);
  if (result.kind === 'cancelled') return [];
  if (result.kind === 'error') throw new AppError('AUTH_EXPIRED', `Facebook Login did not complete: ${result.message}`);
  if (result.kind === 'code') throw new AppError('INTERNAL', 'Facebook answered with a code where a token was asked for.');
  return services.accounts.connectToken(result.accessToken, 'facebook');
}
