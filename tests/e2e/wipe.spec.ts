import { readdirSync, existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectAppState, exploreDemo, openView } from './support/flows';

/** The one-click wipe really leaves nothing behind and returns the app to its first screen. */
test('erase everything after the demo → first run, and the data directory is empty', async ({ app }) => {
  const page = app.page;
  await exploreDemo(page);
  expect(readdirSync(app.dataDir).length, 'the demo wrote files').toBeGreaterThan(0);

  await openView(page, 'privacy');
  await page.getByRole('button', { name: 'Erase everything on this computer' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Erase everything on this computer?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, erase everything' }).click();

  await expectAppState(page, 'first-run');
  await expect(page.locator('[data-wipe-report]')).toContainText('social-desk.db');
  await expect(page.getByRole('button', { name: /^Explore the demo workspace/ })).toBeVisible();

  if (app.backend === 'chromium') {
    // The bridge leaves the directory it was given; the app's own one may be removed whole.
    const left = existsSync(app.dataDir) ? readdirSync(app.dataDir) : [];
    expect(left, 'files left in the data directory').toEqual([]);
  }

  // A restart finds nothing either: first run again, not key recovery over leftovers.
  await app.restart();
  await expectAppState(app.page, 'first-run');
  await expect(app.page.locator('[data-wipe-report]')).toHaveCount(0);
});
