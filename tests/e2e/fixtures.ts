import { test as base, expect, type Browser } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBridgeApp } from './support/bridge-app';
import { launchElectronApp } from './support/electron-app';
import type { AppDriver, Keychain } from './support/types';
import { startEmulator, type RunningEmulator } from '../../src-main/emulator/server';

export { expect };
export type { AppDriver, Keychain, TestLog } from './support/types';

export interface AppFixture extends AppDriver {
  /** The encrypted data directory the app uses (empty until the vault is created). */
  dataDir: string;
}

interface TestFixtures {
  /** What plays the OS keychain at launch; `test.use({ keychain: { kind: 'none' } })` for passphrase mode. */
  keychain: Keychain;
  /** Point the app's Graph client at a fresh emulator (`test.use({ useEmulator: true })`). */
  useEmulator: boolean;
  /** That emulator, or null; started before the app so the app reads its URL at launch. */
  metaEmulator: RunningEmulator | null;
  app: AppFixture;
}

interface WorkerFixtures {
  /** Chromium for the bridge backend, launched on first use so the electron project never starts it. */
  lazyBrowser: () => Promise<Browser>;
}

/**
 * `app` is the same object for both projects: in `chromium` the renderer runs in Debian's
 * Chromium against the web bridge; in `electron` it is the real app. Specs never branch on
 * the backend except for checks only one of them can make.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  keychain: [{ kind: 'fake', secret: 'keychain-secret-A' }, { option: true }],
  useEmulator: [false, { option: true }],

  metaEmulator: async ({ useEmulator }, use) => {
    if (!useEmulator) return use(null);
    const emulator = await startEmulator({ port: 0, scenario: 'small' });
    const previous = process.env.GRAPH_API_BASE_URL;
    process.env.GRAPH_API_BASE_URL = emulator.url;
    try {
      await use(emulator);
    } finally {
      if (previous === undefined) delete process.env.GRAPH_API_BASE_URL;
      else process.env.GRAPH_API_BASE_URL = previous;
      await emulator.stop();
    }
  },

  lazyBrowser: [
    async ({ playwright, launchOptions }, use) => {
      let browser: Browser | null = null;
      await use(async () => (browser ??= await playwright.chromium.launch(launchOptions)));
      if (browser) await (browser as Browser).close();
    },
    { scope: 'worker' },
  ],

  app: async ({ keychain, lazyBrowser, metaEmulator: _emulatorStartsFirst }, use, testInfo) => {
    const root = mkdtempSync(join(tmpdir(), 'social-desk-e2e-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const driver =
      testInfo.project.name === 'electron'
        ? await launchElectronApp(dataDir, join(root, 'profile'), keychain)
        : await launchBridgeApp(await lazyBrowser(), dataDir, keychain);

    // Uncaught errors in the page fail the test even when the screen happens to look right.
    const pageErrors: string[] = [];
    const watched = new WeakSet<object>();
    const watch = () => {
      if (watched.has(driver.page)) return;
      watched.add(driver.page);
      driver.page.on('pageerror', (error) => pageErrors.push(error.message));
    };
    watch();
    // Getters, because the electron backend gets a new page and app object on every restart.
    const app: AppFixture = {
      dataDir,
      backend: driver.backend,
      get page() {
        return driver.page;
      },
      get electronApp() {
        return driver.electronApp;
      },
      restart: async (options) => {
        await driver.restart(options);
        watch();
      },
      testLog: () => driver.testLog(),
      close: () => driver.close(),
    };

    try {
      await use(app);
    } finally {
      await driver.close();
      rmSync(root, { recursive: true, force: true });
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});
