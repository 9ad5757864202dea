import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config';
import { hashSecret, newPairCode } from '../../relay/src/crypto';
import { silentLogger } from '../../relay/src/log';
import { startRelay } from '../../relay/src/server';
import { expect, test } from './fixtures';
import { firstRunToConnect, openView } from './support/flows';
import { captureScreen } from './support/screens';

test.use({ useEmulator: true });

/**
 * "Log in in my browser": before a relay is paired the connect cards say why it is not offered;
 * once paired, Settings → Meta app lists the relay pages to register with Meta and the cards offer
 * it. (The browser round trip itself needs the desktop app: browser-login.electron.spec.ts.)
 */
test('log in in my browser is offered once a relay is paired, with the redirect URIs to register', async ({ app, metaEmulator }, testInfo) => {
  const emulator = metaEmulator!;
  const relayDir = mkdtempSync(join(tmpdir(), 'relay-e2e-browser-login-'));
  const relay = await startRelay(loadConfig({ META_APP_SECRET: emulator.app.secret, META_VERIFY_TOKEN: 'e2e-verify' }, { port: 0, dataDir: relayDir }), { log: silentLogger });
  try {
    const page = app.page;
    await firstRunToConnect(page);
    const facebook = page.locator('[data-connect-method="facebook"]');
    await expect(facebook.locator('[data-browser-login-hint="facebook"]')).toContainText('pair your brand’s relay first');
    await expect(facebook.getByRole('button', { name: 'Log in in my browser' })).toHaveCount(0);
    await expect(facebook.getByRole('button', { name: 'Log in with Facebook' })).toBeEnabled();
    await captureScreen(page, testInfo, 'browser-login-no-relay');

    const code = newPairCode();
    await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
    await openView(page, 'settings');
    const relaySection = page.locator('fieldset.relay');
    await relaySection.getByLabel('Relay address').fill(relay.url);
    await relaySection.getByLabel('Pairing code').fill(code);
    await relaySection.getByRole('button', { name: 'Pair with relay' }).click();
    await expect(relaySection).toHaveAttribute('data-relay-connection', 'connected');
    const uris = page.locator('[data-browser-login-uris="shown"]');
    await expect(uris.locator('[data-return-uri="facebook"]')).toHaveText(`${relay.url}/oauth/return/facebook`);
    await expect(uris.locator('[data-return-uri="instagram"]')).toHaveText(`${relay.url}/oauth/return/instagram`);
    await uris.scrollIntoViewIfNeeded();
    await captureScreen(page, testInfo, 'browser-login-settings-uris');

    // The page those addresses serve: what the person's browser shows after Meta's consent.
    const returnPage = await fetch(`${relay.url}/oauth/return/instagram?code=AQDe2e&state=${'S'.repeat(32)}`);
    expect(returnPage.headers.get('cache-control')).toBe('no-store');
    expect(await returnPage.text()).toContain('social-desk://login/instagram?code=AQDe2e');

    await openView(page, 'accounts');
    const instagram = page.locator('[data-connect-method="instagram"]');
    await expect(instagram.getByRole('button', { name: 'Log in in my browser' })).toBeVisible();
    await expect(instagram.locator('[data-browser-login-hint="instagram"]')).toContainText('your relay hands the answer back');
    await captureScreen(page, testInfo, 'browser-login-offered');

    if (!app.electronApp) {
      // The web preview receives no social-desk:// links, so it says the desktop app is needed.
      await instagram.getByRole('button', { name: 'Log in in my browser' }).click();
      await expect(instagram.locator('[role="alert"]')).toContainText('works only in the Social Desk desktop app');
    }
  } finally {
    await relay.close();
    rmSync(relayDir, { recursive: true, force: true });
  }
});
