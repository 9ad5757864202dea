import type { Page } from '@playwright/test';
import type { RunningEmulator } from '../../src-main/emulator/server';
import { expect, test } from './fixtures';
import { startBridgeChild, type BridgeChild } from './support/bridge-child';
import { openBridgeDemoSession } from './support/bridge-demo-session';
import { exploreDemo, openView } from './support/flows';
import { composer, replyInOpenThread } from './support/replies';
import { captureScreen } from './support/screens';

/** Meta misbehaves on purpose: the demo emulator's fault switch (POST /__emulator/faults). */
async function fault(emulator: RunningEmulator, spec: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${emulator.url}/__emulator/faults`, spec ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) } : { method: 'DELETE' });
  expect(res.ok).toBe(true);
}

/** Opens the newest conversation of another brand than `brand` whose window is open; returns its brand. */
async function openThreadOfOtherBrand(page: Page, brand: string): Promise<string> {
  const rows = page.locator('[data-conversation-id]');
  for (let i = 0; i < 60; i++) {
    const row = rows.nth(i);
    const rowBrand = ((await row.locator('.badge--account').textContent()) ?? '').trim();
    if (rowBrand === brand) continue;
    const id = (await row.getAttribute('data-conversation-id')) ?? '';
    await row.click();
    await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
    await expect(composer(page)).toBeVisible();
    if ((await composer(page).getAttribute('data-composer-window')) === 'open') return rowBrand;
  }
  throw new Error(`No open conversation of a brand other than ${brand}`);
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Meta's refusals reach staff in plain words, in the thread and on the Outbox screen, with the
 * right next step: rate limited (613) waits and retries by itself; a missing permission (#10)
 * waits for a reconnect, told as a permission and not as an expired token. The Outbox screen
 * lists both across threads, and discards only after a confirmation.
 */
test('Meta refusals in plain words: rate limited waits, a missing permission asks for a reconnect; the Outbox screen lists them and discards after asking', async ({ lazyBrowser }, testInfo) => {
  const session = await openBridgeDemoSession(await lazyBrowser(), 'outbox');
  const { dataDir, host, page, pageErrors } = session;
  let bridge: BridgeChild | null = null;
  try {
    bridge = await startBridgeChild({ dataDir, keychain: { kind: 'fake', secret: 'keychain-secret-outbox' }, demoWorldHost: host.url });
    await page.goto(bridge.url);
    await exploreDemo(page);
    await openView(page, 'inbox');
    const firstId = await replyInOpenThread(page, 'First, while Meta is well');
    const emulator = host.emulator();
    if (!emulator) throw new Error('The app never reached the demo world');
    const brand = ((await page.locator(`[data-conversation-id="${firstId}"] .badge--account`).textContent()) ?? '').trim();

    // Meta answers (#613) to every send for now: the reply waits with the reason and retries by itself.
    await fault(emulator, { kind: 'rate-limit', code: 613, match: '/messages', count: 100 });
    await send(page, 'Sent while Meta limits us');
    const limited = page.locator('[data-outbox-state="queued"]').filter({ hasText: 'Sent while Meta limits us' });
    await expect(limited).toHaveAttribute('data-outbox-reason', 'rate-limited');
    await expect(limited).toContainText('Meta is limiting how fast this account may send');
    await expect(limited).toContainText(/trying again in \d/);
    // The Outbox nav item counts it from anywhere in the app.
    await expect(page.locator('[data-outbox-badge]')).toHaveAttribute('data-outbox-badge', '1');

    // Another brand, and Meta says the permission is missing (#10) to the next send: a reconnect is
    // the way out. The first reply keeps meeting the rate limit if the outbox tries it meanwhile.
    const otherBrand = await openThreadOfOtherBrand(page, brand);
    await fault(emulator, null);
    await fault(emulator, { kind: 'permission', match: '/messages', count: 1 });
    await fault(emulator, { kind: 'rate-limit', code: 613, match: '/messages', count: 100 });
    await send(page, 'Sent without the permission');
    const denied = page.locator('[data-outbox-state="queued"]').filter({ hasText: 'Sent without the permission' });
    await expect(denied).toHaveAttribute('data-outbox-reason', 'permission-missing');
    await expect(denied).toContainText('a permission is missing');
    await expect(denied).toContainText('after the account is reconnected');
    await expect(denied).not.toContainText('expired');
    await captureScreen(page, testInfo, 'reply-permission-missing');

    // The Outbox screen: both, across threads, with reasons and next steps; the nav says how many.
    await openView(page, 'outbox');
    await expect(page.locator('[data-outbox-badge]')).toHaveAttribute('data-outbox-badge', '2');
    const unsent = page.getByRole('list', { name: 'Not sent yet' });
    const limitedEntry = unsent.locator('[data-outbox-item]').filter({ hasText: 'Sent while Meta limits us' });
    const deniedEntry = unsent.locator('[data-outbox-item]').filter({ hasText: 'Sent without the permission' });
    await expect(limitedEntry).toHaveAttribute('data-outbox-reason', 'rate-limited');
    await expect(limitedEntry).toContainText(brand);
    await expect(deniedEntry).toHaveAttribute('data-outbox-reason', 'permission-missing');
    await expect(deniedEntry).toContainText(otherBrand);
    await expect(deniedEntry.getByRole('button', { name: 'Reconnect in Accounts' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Sent' }).locator('[data-outbox-item]').filter({ hasText: 'First, while Meta is well' })).toHaveCount(1);
    await captureScreen(page, testInfo, 'outbox-view');

    // Discard asks first and shows what goes; cancelled, nothing changes.
    await limitedEntry.getByRole('button', { name: 'Discard…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Sent while Meta limits us');
    await captureScreen(page, testInfo, 'outbox-discard-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(limitedEntry).toHaveCount(1);
    await limitedEntry.getByRole('button', { name: 'Discard…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await expect(limitedEntry).toHaveCount(0);
    await expect(page.locator('[data-outbox-badge]')).toHaveAttribute('data-outbox-badge', '1');

    // The reconnect step is where staff reconnect: the Accounts screen, with the account flagged.
    await deniedEntry.getByRole('button', { name: 'Reconnect in Accounts' }).click();
    await expect(page.locator('[data-view="accounts"]')).toBeVisible();
    await fault(emulator, null);
  } finally {
    await bridge?.stop();
    await session.close();
  }
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});
