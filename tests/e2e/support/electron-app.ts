import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppDriver, Keychain, TestLog } from './types';

type OpenedLog = { __socialDeskE2eOpened?: string[] };

/**
 * The real app: built main process in Electron, its own data directory and browser profile
 * (so parallel workers don't meet the single-instance lock).
 */
export async function launchElectronApp(dataDir: string, profileDir: string, keychain: Keychain): Promise<AppDriver> {
  let current = keychain;
  let app: ElectronApplication;
  let page: Page;
  let quit = false;
  let lastOpened: string[] = [];

  const launch = async () => {
    quit = false;
    const args = ['out/main/index.js', `--user-data-dir=${profileDir}`];
    // A computer without a keychain: Linux's basic store is one the app refuses to trust.
    if (current.kind === 'none' && process.platform === 'linux') args.push('--password-store=basic');
    app = await _electron.launch({
      args,
      // XDG_CONFIG_HOME too: on Linux that is where userData (and its single-instance lock) lives.
      env: { ...process.env, SOCIAL_DESK_DATA_DIR: dataDir, XDG_CONFIG_HOME: profileDir } as Record<string, string>,
    });
    app.on('close', () => {
      quit = true;
    });
    // Record links instead of opening a browser; main calls shell.openExternal at click time.
    await app.evaluate(({ shell }) => {
      const log: string[] = [];
      (globalThis as OpenedLog).__socialDeskE2eOpened = log;
      shell.openExternal = async (url: string) => {
        log.push(url);
      };
      // Folders shown in the file manager are recorded the same way, with a marker.
      shell.openPath = async (path: string) => {
        log.push(`folder:${path}`);
        return '';
      };
    });
    page = await app.firstWindow();
  };

  const readOpened = async (): Promise<string[]> => {
    if (quit) return lastOpened;
    lastOpened = await app.evaluate(() => [...((globalThis as OpenedLog).__socialDeskE2eOpened ?? [])]);
    return lastOpened;
  };

  await launch();
  return {
    backend: 'electron',
    get page() {
      return page;
    },
    get electronApp() {
      return app;
    },
    async restart(options = {}) {
      const next = options.keychain ?? current;
      if (!quit) await app.close();
      // Electron's keychain cannot be swapped from outside; a key wrapped by another keychain
      // looks to the app exactly like an undecryptable blob, so write one.
      if (next.kind === 'fake' && current.kind === 'fake' && next.secret !== current.secret) scrambleWrappedKey(dataDir);
      current = next;
      await options.beforeStart?.();
      await launch();
    },
    async testLog(): Promise<TestLog> {
      const opened = await readOpened();
      return {
        quitRequested: quit,
        openedExternal: opened.filter((entry) => !entry.startsWith('folder:')),
        shownFolders: opened.filter((entry) => entry.startsWith('folder:')).map((entry) => entry.slice('folder:'.length)),
      };
    },
    async close() {
      if (!quit) await app.close();
    },
  };
}

function scrambleWrappedKey(dataDir: string): void {
  const file = join(dataDir, 'vault.json');
  if (!existsSync(file)) return;
  const vault = JSON.parse(readFileSync(file, 'utf8')) as { record?: { backend?: string; wrappedKey?: string } };
  const record = vault.record;
  if (record?.backend !== 'os-keychain' || !record.wrappedKey) return;
  record.wrappedKey = randomBytes(Buffer.from(record.wrappedKey, 'base64').length).toString('base64');
  writeFileSync(file, JSON.stringify(vault, null, '\t'));
}
