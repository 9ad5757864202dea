import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where Chromium keeps the app's browser sessions: inside the data folder, so the wipe that
 * empties the folder takes them too. Electron writes every session there once `sessionData`
 * points at it (set before `ready`): the default session's HTTP cache (`Cache/`), `Code Cache/`,
 * `GPUCache/`, `Local Storage/`, `Session Storage/`, `IndexedDB/`, `Network/` (cookies, network
 * state), `blob_storage/`, `Preferences`, and each `persist:` partition under `Partitions/<name>/`
 * (the Meta login window's). By default all of that sat in Electron's userData, beside the data
 * folder, where no wipe reached it. What stays in userData is Chromium's process-wide state
 * (`Local State`, the single-instance lock files), which holds nothing of anyone; crash dumps
 * (`crashDumps`) and logs were already moved into the data folder.
 * https://www.electronjs.org/docs/latest/api/app#appgetpathname (sessionData)
 * https://www.electronjs.org/docs/latest/api/app#appsetpathname-path
 *
 * Nothing of a person is meant to reach these stores: the window's CSP allows no remote source
 * (img-src 'self' data:, connect-src 'self'), thumbnails and every record arrive over IPC, and
 * localStorage holds only the theme. What can still pass through them is what the renderer
 * hands to Chromium itself, such as a CSV of engaged people downloaded through a Blob (kept in
 * `blob_storage/` when large) or cached responses of the login window; so a forget clears them.
 */
export const BROWSER_SESSION_DIR = 'browser-session';

export function browserSessionDir(dataDir: string): string {
  return join(dataDir, BROWSER_SESSION_DIR);
}

/** The part of Electron's `Session` this module drives (https://www.electronjs.org/docs/latest/api/session). */
export interface ClearableSession {
  clearStorageData(options?: { storages?: string[] }): Promise<void>;
  clearCache(): Promise<void>;
  clearCodeCaches(options: { urls?: string[] }): Promise<void>;
  clearAuthCache(): Promise<void>;
  clearHostResolverCache(): Promise<void>;
}

/**
 * A forget keeps what is no one's data and is needed to go on working: localStorage (the theme,
 * painted before the settings load) and cookies (the Meta login window's sign-in). Everything
 * else a page could have stored goes, with the HTTP and code caches.
 */
export const FORGET_CLEARS_STORAGES = ['cachestorage', 'filesystem', 'indexdb', 'serviceworkers', 'shadercache', 'websql'] as const;

/**
 * Clears each session for a wipe (everything) or a forget (caches and page storage, see
 * FORGET_CLEARS_STORAGES); returns a line per session for the wipe report.
 */
export async function clearBrowserSessions(sessions: ReadonlyArray<{ name: string; session: ClearableSession }>, scope: 'wipe' | 'forget'): Promise<string[]> {
  const cleared: string[] = [];
  for (const { name, session } of sessions) {
    if (scope === 'wipe') {
      await session.clearStorageData();
      await session.clearAuthCache();
      await session.clearHostResolverCache();
    } else {
      await session.clearStorageData({ storages: [...FORGET_CLEARS_STORAGES] });
    }
    await session.clearCache();
    await session.clearCodeCaches({});
    cleared.push(
      scope === 'wipe'
        ? `browser storage (${name}): cookies, local storage, cache, auth and code caches`
        : `browser caches (${name}): HTTP and code caches, page storage`,
    );
  }
  return cleared;
}

/**
 * The wipe's last step (its `wipeExtras`), after the data folder was emptied: clears every
 * session, removes what Chromium wrote back meanwhile, and returns what it cleared for the wipe
 * report. Anything left is thrown with its cause, so the wipe reports it as left.
 */
export async function clearSessionsAfterWipe(
  sessions: ReadonlyArray<{ name: string; session: ClearableSession }>,
  dataDir: string,
  removeDataDir: boolean,
): Promise<string[]> {
  const cleared = await clearBrowserSessions(sessions, 'wipe');
  const left = removeBrowserSessionLeftovers(dataDir, removeDataDir);
  if (left.length > 0) throw new Error(left.map((l) => `${l.name}: ${l.cause}`).join('; '));
  return cleared;
}

/**
 * After the wipe has emptied the data folder and the sessions were cleared: Chromium writes some
 * files back while it clears (network state, an empty cookie store), so the session folder is
 * removed again, and then the data folder if the wipe is to remove it and nothing else is there.
 * Returns what is still left, with its cause, for the wipe report.
 */
export function removeBrowserSessionLeftovers(dataDir: string, removeDataDir: boolean): Array<{ name: string; cause: string }> {
  const left: Array<{ name: string; cause: string }> = [];
  const dir = browserSessionDir(dataDir);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    left.push({ name: `${BROWSER_SESSION_DIR}/`, cause: (error as Error).message });
  }
  if (removeDataDir && left.length === 0 && existsSync(dataDir) && readdirSync(dataDir).length === 0) {
    try {
      rmdirSync(dataDir);
    } catch (error) {
      left.push({ name: dataDir, cause: (error as Error).message });
    }
  }
  return left;
}
