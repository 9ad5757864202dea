import { expect, test } from './fixtures';
import type { BrowserGlobals } from './support/browser';
import { expectAppState } from './support/flows';

type NavLog = { __socialDeskE2eNav?: Array<{ url: string; prevented: boolean }> };

/** What only real Electron can show: new windows are denied and the page cannot navigate away. */
test('electron: window.open is denied and navigation away is blocked', async ({ app }) => {
  const page = app.page;
  const electronApp = app.electronApp;
  if (!electronApp) throw new Error('This spec runs in the electron project only.');
  await expectAppState(page, 'first-run');
  const appUrl = page.url();

  const opened = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).open('https://example.com/') === null);
  expect(opened, 'window.open returned no window').toBe(true);
  // An allow-listed link asked for with window.open goes to the system browser instead.
  await page.evaluate(() => (globalThis as unknown as BrowserGlobals).open('https://www.facebook.com/business/help'));
  await expect.poll(async () => (await app.testLog()).openedExternal).toEqual(['https://www.facebook.com/business/help']);
  expect(electronApp.windows()).toHaveLength(1);

  // Listeners run in order, so this one (added after the app's) sees whether the app prevented it.
  await electronApp.evaluate(({ webContents }) => {
    const log: NonNullable<NavLog['__socialDeskE2eNav']> = [];
    (globalThis as NavLog).__socialDeskE2eNav = log;
    for (const contents of webContents.getAllWebContents()) {
      contents.on('will-navigate', (event, url) => log.push({ url, prevented: event.defaultPrevented }));
    }
  });
  await page.evaluate(() => {
    (globalThis as unknown as BrowserGlobals).location.href = 'https://example.com/';
  });
  await expect
    .poll(() => electronApp.evaluate(() => (globalThis as NavLog).__socialDeskE2eNav ?? []))
    .toEqual([{ url: 'https://example.com/', prevented: true }]);
  expect(page.url()).toBe(appUrl);
  await expectAppState(page, 'first-run');
});
