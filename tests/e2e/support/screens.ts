import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserGlobals } from './browser';

export const SCREENS_DIR = join('test-results', 'screens');

/** Lets React and the chart re-render after the colour scheme changed (two frames, not a timer). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const { requestAnimationFrame } = globalThis as unknown as BrowserGlobals;
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
  );
}

/**
 * Saves the current screen in light and dark (the app follows the system theme by default),
 * as `test-results/screens/<project>-<name>-<scheme>.png`, then returns to light.
 */
export async function captureScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // The pointer stays where the last click was; parked in a corner it opens no tooltip or hover state.
  await page.mouse.move(0, 0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle(page);
    const path = join(SCREENS_DIR, `${testInfo.project.name}-${name}-${colorScheme}.png`);
    await page.screenshot({ path, fullPage: false });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await settle(page);
}
