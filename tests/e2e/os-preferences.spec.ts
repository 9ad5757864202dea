import { expect, test } from './fixtures';
import { expectAppState } from './support/flows';

/** The few browser globals used below (the e2e sources compile without the DOM library). */
type Styled = { animationName: string; borderTopStyle: string; getPropertyValue(name: string): string };
type BrowserGlobals = {
  document: {
    body: { append(node: unknown): void };
    documentElement: unknown;
    createElement(tag: string): { className: string; dataset: Record<string, string> };
    querySelectorAll(selector: string): ArrayLike<unknown>;
  };
  getComputedStyle(element: unknown): Styled;
};

/**
 * The OS's accessibility settings reach the app as CSS media features (Chromium and Electron map
 * macOS/Windows "reduce motion", "increase contrast" and Windows contrast themes onto them).
 * Emulated here on the real renderer; computed styles, not the stylesheet's text, are checked.
 */
test('reduced motion stops the sync animations; more contrast and forced colours keep text and edges full-strength', async ({ app }) => {
  const page = app.page;
  await expectAppState(page, 'first-run');
  // The sync indicator's spinner and pulsing dot, as the sync view draws them.
  await page.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    for (const className of ['sync-dot sync-dot--running', 'spinner']) {
      const probe = document.createElement('span');
      probe.className = className;
      probe.dataset.probe = className;
      document.body.append(probe);
    }
  });
  const animations = () =>
    page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
      return Array.from(document.querySelectorAll('[data-probe]')).map((element) => getComputedStyle(element).animationName);
    });

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await animations()).toEqual(['sync-pulse', 'spinner-turn']);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animations()).toEqual(['none', 'none']);

  const muted = () =>
    page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
      const root = getComputedStyle(document.documentElement);
      return { muted: root.getPropertyValue('--text-muted').trim(), text: root.getPropertyValue('--text').trim(), border: root.getPropertyValue('--border').trim() };
    });
  const normal = await muted();
  expect(normal.muted).not.toBe(normal.text);
  await page.emulateMedia({ contrast: 'more' });
  const more = await muted();
  expect(more.muted).toBe(more.text);
  expect(more.border).toBe(more.text);

  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
  const button = page.getByRole('button').first();
  await expect(button).toBeVisible();
  expect(await button.evaluate((element) => (globalThis as unknown as BrowserGlobals).getComputedStyle(element).borderTopStyle)).toBe('solid');
  await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
});
