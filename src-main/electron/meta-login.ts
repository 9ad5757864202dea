import { BrowserWindow, session } from 'electron';
import type { LoginRequest } from '../services/login-flows';
import { LOGIN_PARTITION } from './partitions';
import { denyPermissions } from './security';

/**
 * Shows Meta's login page in a dedicated window: its own session partition, no preload, no Node,
 * sandboxed. The redirect back (login_success.html, or the Instagram app's registered URI) is
 * caught before it loads and resolved; closing the window resolves with null (cancelled).
 */
export function runLoginWindow(parent: BrowserWindow, request: LoginRequest, title: string): Promise<string | null> {
  denyPermissions(session.fromPartition(LOGIN_PARTITION));
  const win = new BrowserWindow({
    parent,
    modal: true,
    width: 600,
    height: 720,
    title,
    webPreferences: { partition: LOGIN_PARTITION, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (url: string | null) => {
      if (settled) return;
      settled = true;
      resolve(url);
      if (!win.isDestroyed()) win.close();
    };
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
