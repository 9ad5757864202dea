import { expect, test } from './fixtures';
import { DEMO_PASSPHRASE, expectAppState, exploreDemo } from './support/flows';
import { captureScreen } from './support/screens';

test.use({ keychain: { kind: 'none' } });

/** No usable keychain: the key is wrapped with a passphrase, asked for twice, then on every start. */
test('first run without a keychain → passphrase twice → demo; restart → locked → unlock', async ({ app }, testInfo) => {
  const mode = await exploreDemo(app.page, {
    beforeKey: async () => {
      await expect(app.page.getByLabel('Type the passphrase again')).toBeVisible();
      // Mismatched passphrases are caught in the form, before anything is created.
      await app.page.getByLabel('Passphrase (at least 8 characters)').fill(DEMO_PASSPHRASE);
      await app.page.getByLabel('Type the passphrase again').fill(`${DEMO_PASSPHRASE}!`);
      await app.page.getByRole('button', { name: 'Set passphrase and continue' }).click();
      await expect(app.page.getByRole('alert')).toContainText("don't match");
    },
  });
  expect(mode).toBe('passphrase');

  await app.restart();
  await expectAppState(app.page, 'locked');
  await captureScreen(app.page, testInfo, 'locked');
  const field = app.page.getByLabel('Passphrase', { exact: true });

  await field.fill('not the passphrase');
  await app.page.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAppState(app.page, 'locked');

  await field.fill(DEMO_PASSPHRASE);
  await app.page.getByRole('button', { name: 'Unlock' }).click();
  await expectAppState(app.page, 'ready');
  await expect(app.page.locator('[data-view="analytics"]')).toHaveAttribute('data-status', 'ready');
  await expect(app.page.locator('[data-figure="posts"]').first()).toBeVisible();
});
