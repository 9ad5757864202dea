import { expect, test } from './fixtures';
import { firstRunToConnect, openView } from './support/flows';
import { captureScreen } from './support/screens';

test.use({ useEmulator: true });

/**
 * A brand connects its accounts the simplest way (a system-user token from Business Manager)
 * against the Graph API emulator, syncs, checks the token, survives a dead token by
 * reconnecting without losing history, and removes one account.
 */
test('connect with a system-user token → sync → token health → needs reconnect → reconnect → remove', async ({ app, metaEmulator }, testInfo) => {
  const emulator = metaEmulator!;
  const page = app.page;
  await firstRunToConnect(page);

  const tokenCard = page.locator('[data-connect-method="token"]');
  await expect(tokenCard).toBeVisible();
  await tokenCard.locator('[data-token-input]').fill(emulator.tokens.systemUser);
  await tokenCard.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('[data-connect-result]')).toContainText('Connected');
  await expect(tokenCard.locator('[data-token-input]')).toHaveValue('');
  const rows = page.locator('[data-account-id]');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-sync-state="idle"]')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('[data-budget-percent]')).toBeVisible();
  expect(await page.content()).not.toContain(emulator.tokens.systemUser);
  await captureScreen(page, testInfo, 'accounts-connected');

  // What the sync brought in shows up in Analytics and the Inbox.
  await openView(page, 'analytics');
  const views = page.locator('[data-network="instagram"] [data-figure="views"] [data-value]').first();
  expect(Number(await views.getAttribute('data-value'))).toBeGreaterThan(0);
  await openView(page, 'inbox');
  await expect(page.locator('[data-conversation-id]').first()).toBeVisible();
  const conversationsBefore = await page.locator('[data-conversation-id]').count();

  // Token health from Meta's /debug_token.
  await openView(page, 'accounts');
  const instagram = rows.filter({ hasText: /instagram|IG/i }).first();
  await instagram.getByRole('button', { name: 'Check token' }).click();
  await expect(page.locator('[data-token-health="valid"]')).toBeVisible();
  await expect(page.locator('[data-token-health="valid"]')).toContainText(/never expires/i);

  // Meta kills the token mid-life: the account asks to be reconnected, with the next step.
  await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'token-expired', count: 100 }) });
  await instagram.getByRole('button', { name: 'Sync now' }).click();
  await expect(instagram).toHaveAttribute('data-account-status', 'needs_reconnect', { timeout: 30_000 });
  await expect(instagram.locator('[data-status-detail]')).toContainText(/Reconnect/);
  await captureScreen(page, testInfo, 'accounts-needs-reconnect');

  // Reconnecting lands on the same account: every byte of history is kept.
  await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
  await instagram.getByRole('button', { name: 'Reconnect' }).click();
  await tokenCard.locator('[data-token-input]').fill(emulator.tokens.systemUser);
  await tokenCard.getByRole('button', { name: 'Connect' }).click();
  await expect(instagram).toHaveAttribute('data-account-status', 'active', { timeout: 30_000 });
  await expect(rows).toHaveCount(2);
  await openView(page, 'inbox');
  await expect(page.locator('[data-conversation-id]')).toHaveCount(conversationsBefore);

  // Remove the Page: one confirmation, a report of what left this computer.
  await openView(page, 'accounts');
  const pageRow = rows.filter({ hasNotText: /@/ }).last();
  await pageRow.getByRole('button', { name: 'Remove account…' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.locator('[data-removal-report]')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await captureScreen(page, testInfo, 'accounts-removed');
});
