import { BrowserWindow, session } from 'electron';
import type { DeepLinkLogins } from '../desktop/deep-link-logins';
import { answerAsRedirect } from '../desktop/deep-links';
import type { LoginRequest } from '../services/login-flows';
import { LOGIN_PARTITION } from './partitions';
import { denyPermissions } from './security';

/**
 * Shows Meta's login page in a dedicated window: its own session partition, no preload, no Node,
 * sandboxed. The redirect back (login_success.html, or the Instagram app's registered URI) is
 * caught before it loads and resolved; closing the window resolves with null (cancelled).
 * The answer may instead come back as a `social-desk://login/…` link carrying this login's state
 * (a registered https page that forwards to the app, finished in the person's own browser): the
 * first of the two wins and is completed as if it had arrived at the registered redirect.
 */
export function runLoginWindow(parent: BrowserWindow, request: LoginRequest, title: string, deepLinks: DeepLinkLogins): Promise<string | null> {
  denyPermissions(session.fromPartition(LOGIN_PARTITION));
  const win = new BrowserWindow({
    parent,
    modal: true,
    width: 600,
    height: 720,
    title,
    webPreferences: { partition: LOGIN_PARTITION, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  const byDeepLink = deepLinks.expect(request.provider, request.state);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (url: string | null) => {
      if (settled) return;
      settled = true;
      byDeepLink.cancel();
      resolve(url);
      if (!win.isDestroyed()) win.close();
    };
    void byDeepLink.answer.then((params) => {
      if (params) finish(answerAsRedirect(request.redirectUri, params));
    });
    const intercept = (event: { preventDefault(): void }, url: string) => {
      if (!request.isRedirect(url)) return;
      event.preventDefault();
      finish(url);
    };
    win.webContents.on('will-redirect', intercept);
    win.webContents.on('will-navigate', intercept);
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.on('closed', () => finish(null));
    void win.loadURL(request.url);
  });
}
