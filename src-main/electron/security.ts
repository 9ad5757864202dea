import { app, session, shell, type Session } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links';
import { ensurePrivateDir } from '../core/private-files';
import { mayNavigate } from '../desktop/navigation-policy';
import { browserSessionDir, clearBrowserSessions, clearSessionsAfterWipe } from '../privacy/browser-session';

/**
 * Electron's security checklist, applied to every web contents the app ever creates. The login
 * window is told apart by its session (`loginSession`): Meta's pages may move on within it.
 */
export function hardenApp(isAppUrl: (url: string) => boolean, loginSession: Session): void {
  app.on('web-contents-created', (_event, contents) => {
    const loginWindow = contents.session === loginSession;
    // New windows are denied; an allow-listed https link goes to the system browser instead.
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url, { loginWindow, isAppUrl })) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  denyPermissions(session.defaultSession);
}

/** Camera, microphone, notifications, geolocation…: nothing is granted by default. */
export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

function sessionsByName(partitions: readonly string[]): Array<{ name: string; session: Session }> {
  return ['default', ...partitions].map((name) => ({ name, session: name === 'default' ? session.defaultSession : session.fromPartition(name) }));
}

/**
 * Every Electron session the app uses (the default one and `partitions`) lives in the data folder
 * (see browser-session.ts); must run before `ready`.
 */
export function keepBrowserSessionsInDataFolder(dataDir: string): void {
  const dir = browserSessionDir(dataDir);
  ensurePrivateDir(dir);
  app.setPath('sessionData', dir);
}

/** For a wipe, after the data folder was emptied: see clearSessionsAfterWipe. */
export function clearSessionsForWipe(dataDir: string, removeDataDir: boolean, partitions: readonly string[]): Promise<string[]> {
  return clearSessionsAfterWipe(sessionsByName(partitions), dataDir, removeDataDir);
}

/** For a forget: the HTTP and code caches and page storage of every session (see FORGET_CLEARS_STORAGES). */
export function clearSessionsForForget(partitions: readonly string[]): Promise<string[]> {
  return clearBrowserSessions(sessionsByName(partitions), 'forget');
}
