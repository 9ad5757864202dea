import type { Browser, Page } from '@playwright/test';
import { startWebBridge, TEST_LOG_PATH, type BridgeKeychain, type WebBridge } from '../../../scripts/web-bridge';
import type { AppDriver, TestLog } from './types';

/**
 * The renderer in Chromium, served by the web bridge against the real services. A restart is
 * a new bridge (new core, new token, new port) on the same data directory, like reopening the app.
 */
export async function launchBridgeApp(browser: Browser, dataDir: string, keychain: BridgeKeychain): Promise<AppDriver> {
  let current = keychain;
  let bridge: WebBridge = await startWebBridge({ dataDir, keychain: current });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: 'light', locale: 'en-US' });
  const page: Page = await context.newPage();
  await page.goto(bridge.url);

  return {
    backend: 'chromium',
    page,
    electronApp: null,
    async restart(options = {}) {
      current = options.keychain ?? current;
      await bridge.stop();
      await options.beforeStart?.();
      bridge = await startWebBridge({ dataDir, keychain: current });
      await page.goto(bridge.url);
    },
    async testLog(): Promise<TestLog> {
      // page.request shares the context's cookie jar, so it carries the bridge cookie.
      const response = await page.request.get(new URL(TEST_LOG_PATH, bridge.url).href);
      if (!response.ok()) throw new Error(`Bridge test log answered ${response.status()}`);
      return (await response.json()) as TestLog;
    },
    async close() {
      await context.close();
      await bridge.stop();
    },
  };
}
