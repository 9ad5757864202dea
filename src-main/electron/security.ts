import { app, session, shell, type Session } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links';
import { mayNavigate } from '../desktop/navigation-policy';

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

/** Clears every Electron session partition the app used; returns what it cleared, for the wipe report. */
export async function clearSessions(partitions: readonly string[]): Promise<string[]> {
  const cleared: string[] = [];
  for (const name of ['default', ...partitions]) {
    const target = name === 'default' ? session.defaultSession : session.fromPartition(name);
    await target.clearStorageData();
    await target.clearCache();
    await target.clearAuthCache();
    await target.clearCodeCaches({});
    await target.clearHostResolverCache();
    cleared.push(`browser storage (${name}): cookies, local storage, cache, auth and code caches`);
  }
  return cleared;
}
