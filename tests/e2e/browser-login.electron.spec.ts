import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config';
import { hashSecret, newPairCode } from '../../relay/src/crypto';
import { silentLogger } from '../../relay/src/log';
import { startRelay } from '../../relay/src/server';
import { expect, test } from './fixtures';
import { firstRunToConnect, openView } from './support/flows';
import { collectMainLog, openAsSecondInstance } from './support/second-instance';

test.use({ useEmulator: true });

/**
 * The whole browser login in the desktop app: the button hands Meta's dialog (the emulator's) to
 * the system browser; the "browser" here is this test, which follows the consent link to the
 * relay's https page and clicks its "Open Social Desk" link, which the OS delivers to the running
 * app as a second instance. The app exchanges the code through the relay and connects the account.
 */
test('electron: Instagram Login in the system browser, answered through the relay page and a social-desk:// link', async ({ app, metaEmulator }) => {
  const emulator = metaEmulator!;
  const electronApp = app.electronApp;
  if (!electronApp) throw new Error('This spec runs in the electron project only.');
  const relayDir = mkdtempSync(join(tmpdir(), 'relay-e2e-browser-'));
  const env = {
    META_APP_ID: emulator.app.id,
    META_APP_SECRET: emulator.app.secret,
    INSTAGRAM_APP_ID: emulator.app.igAppId,
    INSTAGRAM_APP_SECRET: emulator.app.igAppSecret,
    META_VERIFY_TOKEN: 'e2e-verify',
    GRAPH_API_BASE_URL: emulator.url,
  };
  const relay = await startRelay(loadConfig(env, { port: 0, dataDir: relayDir }), { log: silentLogger });
  try {
    const page = app.page;
    const mainLog = collectMainLog(electronApp);
    emulator.state.registerRedirectUri('instagram', `${relay.url}/oauth/return/instagram`);
    // The system browser is this test: record what the app asks the OS to open instead of opening it.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });

    await firstRunToConnect(page);
    await openView(page, 'settings');
    await page.locator('[data-meta-app-field="instagramAppId"]').fill(emulator.app.igAppId);
    await page.getByRole('button', { name: 'Save Meta app settings' }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
    const code = newPairCode();
    await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
    const relaySection = page.locator('fieldset.relay');
    await relaySection.getByLabel('Relay address').fill(relay.url);
    await relaySection.getByLabel('Pairing code').fill(code);
    await relaySection.getByRole('button', { name: 'Pair with relay' }).click();
    await expect(relaySection).toHaveAttribute('data-relay-connection', 'connected');

    await openView(page, 'accounts');
    await page.locator('[data-connect-method="instagram"]').getByRole('button', { name: 'Log in in my browser' }).click();
    await expect(page.locator('[data-browser-login-waiting="instagram"]')).toBeVisible();
    const opened = async () => electronApp.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally ?? []);
    await expect.poll(async () => (await opened()).length).toBe(1);
    const dialog = (await opened())[0]!;
    expect(new URL(dialog).searchParams.get('redirect_uri')).toBe(`${relay.url}/oauth/return/instagram`);

    const consent = await (await fetch(dialog)).text();
    const href = /<a id="continue" href="([^"]+)"/.exec(consent)![1]!.replace(/&amp;/g, '&');
    const returnPage = await (await fetch(href)).text();
    const link = /id="open-app" href="([^"]+)"/.exec(returnPage)![1]!.replace(/&amp;/g, '&');
    await openAsSecondInstance(electronApp, link);

    const row = page.locator('[data-account-id]');
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row).toHaveAttribute('data-account-status', 'active');
    // The code was handled without ever being written to the log.
    expect(mainLog()).not.toContain(new URL(link).searchParams.get('code')!);
  } finally {
    await relay.close();
    rmSync(relayDir, { recursive: true, force: true });
  }
});
