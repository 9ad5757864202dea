import { expect, type Page } from '@playwright/test';

export type AppStateMarker = 'loading' | 'first-run' | 'locked' | 'key-recovery' | 'store-problem' | 'ready' | 'error';
export type ViewName = 'analytics' | 'inbox' | 'accounts' | 'privacy' | 'settings';

export const DEMO_PASSPHRASE = 'correct horse battery staple';

/** Waits on the renderer's `<html data-app-state>` marker, never on time. */
export async function expectAppState(page: Page, state: AppStateMarker, timeout?: number): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app-state', state, timeout ? { timeout } : {});
}

export async function openView(page: Page, view: ViewName): Promise<void> {
  await page.locator(`[data-nav="${view}"]`).click();
  await expect(page.locator(`[data-view="${view}"]`)).toHaveAttribute('data-status', 'ready');
}

/**
 * First run → "Explore the demo workspace" → protect the key (keychain, or a passphrase typed
 * twice where there is no keychain) → demo loads → the workspace opens on Analytics.
 */
export async function exploreDemo(page: Page, options: { beforeKey?: () => Promise<void> } = {}): Promise<'os-keychain' | 'passphrase'> {
  await expectAppState(page, 'first-run');
  await page.getByRole('button', { name: /^Explore the demo workspace/ }).click();
  const keyStep = page.locator('[data-step="key"]');
  await expect(keyStep).toBeVisible();
  await options.beforeKey?.();
  const mode = (await keyStep.getAttribute('data-key-mode')) === 'passphrase' ? 'passphrase' : 'os-keychain';
  if (mode === 'os-keychain') {
    await page.getByRole('button', { name: 'Use the keychain and continue' }).click();
  } else {
    await page.getByLabel('Passphrase (at least 8 characters)').fill(DEMO_PASSPHRASE);
    await page.getByLabel('Type the passphrase again').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Set passphrase and continue' }).click();
  }
  // The demo runs a real sync against the emulator; give it more than the default expect timeout
  // (a busy machine makes it several times slower), and stop at once with the
  // app's own words if it reports a failure instead.
  const demoError = page.locator('[data-demo-status="error"]');
  await expect(page.locator('html[data-app-state="ready"]').or(demoError)).toBeVisible({ timeout: 90_000 });
  if (await demoError.isVisible()) throw new Error(`The demo did not load: ${await demoError.innerText()}`);
  await expect(page.locator('[data-view="analytics"]')).toHaveAttribute('data-status', 'ready');
  return mode;
}

/** First run → "Connect an account" → key kept by the keychain → the workspace opens on the connect panel. */
export async function firstRunToConnect(page: Page): Promise<void> {
  await expectAppState(page, 'first-run');
  await page.getByRole('button', { name: /^Connect an account/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Use the keychain and continue' }).click();
  await expectAppState(page, 'ready');
}

/** First run → connect the accounts of an access token (e.g. the emulator's system user) → the first sync has finished. */
export async function connectWithToken(page: Page, token: string): Promise<void> {
  await firstRunToConnect(page);
  const tokenCard = page.locator('[data-connect-method="token"]');
  await tokenCard.locator('[data-token-input]').fill(token);
  await tokenCard.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('[data-sync-state="idle"]')).toBeVisible({ timeout: 45_000 });
}

/** Reads a whole number shown with grouping or a compact suffix (`12,345`, `12.3K`, `1.2M`). */
export function parseShownNumber(text: string): number {
  const match = /([\d.,]+)\s*([KMB])?/i.exec(text.replace(/\u00a0/g, ' '));
  if (!match?.[1]) return Number.NaN;
  const base = Number(match[1].replace(/,/g, ''));
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[(match[2] ?? '').toUpperCase() as 'K' | 'M' | 'B'] ?? 1;
  return base * scale;
}
