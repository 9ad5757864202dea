import type { Menu } from 'electron';
import { expect, test } from './fixtures';
import { expectAppState } from './support/flows';

test.use({ useEmulator: true });

type TrayGlobals = { __socialDeskTrayMenu?: Menu };

/**
 * The tray's "Sync now" in real Electron: the menu Electron built from the tray model, clicked
 * like a user would, runs a real sync against the emulator. Only where Electron exists (CI).
 */
test('electron: tray Sync now syncs the connected accounts; Pause turns into Resume', async ({ app, metaEmulator }) => {
  const emulator = metaEmulator!;
  const electronApp = app.electronApp;
  if (!electronApp) throw new Error('This spec runs in the electron project only.');
  const page = app.page;
  const trayLabels = () =>
    electronApp.evaluate(() => ((globalThis as TrayGlobals).__socialDeskTrayMenu?.items ?? []).map((item) => `${item.label}|${item.enabled}`));
  const clickTray = (label: string) =>
    electronApp.evaluate((_electron, wanted) => {
      const item = (globalThis as TrayGlobals).__socialDeskTrayMenu?.items.find((entry) => entry.label === wanted);
      if (!item) throw new Error(`no tray item ${wanted}`);
      item.click();
    }, label);

  await expectAppState(page, 'first-run');
  expect(await trayLabels()).toContain('Sync now (open Social Desk first)|false');

  await page.getByRole('button', { name: /^Connect an account/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Use the keychain and continue' }).click();
  await expectAppState(page, 'ready');
  const tokenCard = page.locator('[data-connect-method="token"]');
  await tokenCard.locator('[data-token-input]').fill(emulator.tokens.systemUser);
  await tokenCard.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('[data-sync-state="idle"]')).toBeVisible({ timeout: 45_000 });

  await fetch(`${emulator.url}/__emulator/reset-stats`, { method: 'POST' });
  await expect.poll(trayLabels).toContain('Sync now|true');
  await clickTray('Sync now');
  await expect(page.locator('[data-sync-state="idle"]')).toBeVisible({ timeout: 45_000 });
  const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as { httpRequests: number };
  expect(stats.httpRequests, 'the tray sync asked Meta (the emulator) for data').toBeGreaterThan(0);

  await clickTray('Pause syncing');
  await expect.poll(trayLabels).toContain('Resume syncing|true');
  await clickTray('Resume syncing');
  await expect.poll(trayLabels).toContain('Pause syncing|true');
});
