import { BrowserWindow } from 'electron';
import { buildFacebookLoginUrl, createOAuthState, parseLoginRedirect, type LoginRedirectResult } from '../meta/oauth';
import type { GraphConfig } from '../meta/config';
import { LOGIN_PARTITION } from './partitions';
import { denyPermissions } from './security';
import { session } from 'electron';

/** Scopes for Instagram professional accounts through their Pages, and the Pages themselves. */
export const FACEBOOK_SCOPES = [
  'instagram_basic',
  'instagram_manage_insights',
  'instagram_manage_comments',
  'instagram_manage_messages',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'pages_messaging',
  'business_management',
];

/**
 * Meta's documented desktop flow: the login dialog in a dedicated window (its own session
 * partition, no preload, no Node), `response_type=token` to `login_success.html`, and a `state`
 * that must come back unchanged. Closing the window cancels. The token never reaches a renderer.
 */
export function facebookLogin(parent: BrowserWindow, appId: string, config: GraphConfig): Promise<LoginRedirectResult> {
  const state = createOAuthState();
  const url = buildFacebookLoginUrl({ appId, scopes: FACEBOOK_SCOPES, state, responseType: 'token', dialogBaseUrl: config.oauth.facebookDialogBaseUrl });
  denyPermissions(session.fromPartition(LOGIN_PARTITION));
  const win = new BrowserWindow({
    parent,
    modal: true,
    width: 600,
    height: 720,
    title: 'Log in with Facebook',
    webPreferences: { partition: LOGIN_PARTITION, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: LoginRedirectResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      if (!win.isDestroyed()) win.close();
    };
    const inspect = (target: string) => {
      if (target.includes('login_success.html')) finish(parseLoginRedirect(target, state));
    };
    win.webContents.on('will-redirect', (_event, target) => inspect(target));
    win.webContents.on('will-navigate', (_event, target) => inspect(target));
    win.webContents.on('did-navigate', (_event, target) => inspect(target));
    win.on('closed', () => finish({ kind: 'cancelled' }));
    void win.loadURL(url);
  });
}
