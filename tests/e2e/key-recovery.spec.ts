import { expect, test } from './fixtures';
import { expectAppState, exploreDemo } from './support/flows';
import { captureScreen } from './support/screens';

/**
 * The keychain that wrapped the key is gone (another computer, a reset keychain): the app
 * says so plainly and offers a retry (the keychain may only be locked), the data folder, quit
 * and start fresh, never a half-working workspace.
 */
test('a key the keychain cannot open → key recovery offers try again, the data folder, quit and start fresh', async ({ app }, testInfo) => {
  await exploreDemo(app.page);

  await app.restart({ keychain: { kind: 'fake', secret: 'keychain-secret-B' } });
  await expectAppState(app.page, 'key-recovery');
  const choices = app.page.locator('[data-recovery-choices] button');
  await expect(choices).toHaveText(['Try again', 'Show data folder', 'Quit', 'Start fresh (erase local data)']);
  await expect(app.page.locator('[data-screen="key-recovery"] button')).toHaveCount(4);
  await expect(app.page.locator('[data-recovery-reason]')).toBeVisible();
  await captureScreen(app.page, testInfo, 'key-recovery');

  // Trying again with the same keychain lands here again; showing the folder asks the file manager.
  await app.page.getByRole('button', { name: 'Try again' }).click();
  await expectAppState(app.page, 'key-recovery');
  await app.page.getByRole('button', { name: 'Show data folder' }).click();
  await expect.poll(async () => (await app.testLog()).shownFolders).toEqual([app.dataDir]);

  await app.page.getByRole('button', { name: 'Quit' }).click();
  await expect.poll(async () => (await app.testLog()).quitRequested).toBe(true);

  // Opening again with the same (wrong) keychain lands on the same screen; start fresh this time.
  await app.restart();
  await expectAppState(app.page, 'key-recovery');
  await app.page.getByRole('button', { name: 'Start fresh (erase local data)' }).click();
  const dialog = app.page.getByRole('alertdialog', { name: 'Erase the local data and start fresh?' });
  await dialog.getByRole('button', { name: 'Erase and start fresh' }).click();
  await expectAppState(app.page, 'first-run');
  // Started fresh for real: the next step is choosing how to protect a new key, not recovery.
  await app.page.getByRole('button', { name: /^Explore the demo workspace/ }).click();
  await expect(app.page.getByRole('button', { name: 'Use the keychain and continue' })).toBeVisible();
});
