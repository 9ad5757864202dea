import { expect, type Locator, type Page } from '@playwright/test';

/** The composer of the open thread, once its window is known. */
export function composer(page: Page): Locator {
  return page.locator('[data-composer-window]:not([data-composer-window="unknown"])');
}

/**
 * Opens conversations from the top of the list until one has an open reply window and sends
 * `text`; a person who turned messages off (Meta's 551) is skipped, as staff would. Returns the
 * opened conversation's id. `heldWhileSending`: the bridge holds the send after Meta accepted it.
 */
export async function replyInOpenThread(page: Page, text: string, options: { heldWhileSending?: boolean } = {}): Promise<string> {
  const rows = page.locator('[data-conversation-id]');
  for (let i = 0; i < 10; i++) {
    const row = rows.nth(i);
    const id = (await row.getAttribute('data-conversation-id')) ?? '';
    await row.click();
    await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
    await expect(composer(page)).toBeVisible();
    if ((await composer(page).getAttribute('data-composer-window')) !== 'open') continue;
    const box = page.getByRole('textbox', { name: 'Reply' });
    await box.fill(text);
    await box.press('Enter');
    // Sent, it shows in the thread; refused, it stays in the outbox list with the reason. Wait for
    // one of those settled states: a "Sending…" item is there only for a moment.
    const sent = page.locator('.message--out .message__bubble').filter({ hasText: text });
    // (A spec that holds the send after Meta accepted it takes the item in any state: it stays there.)
    const settledStates = options.heldWhileSending ? ['[data-outbox-state]'] : ['[data-outbox-state="failed"]', '[data-outbox-state="queued"][data-outbox-reason]'];
    const settled = page.locator(settledStates.join(', ')).filter({ hasText: text });
    await expect(sent.or(settled).first()).toBeVisible();
    if ((await sent.count()) > 0) return id;
    if ((await settled.first().getAttribute('data-outbox-reason')) === 'person-unavailable') continue;
    return id;
  }
  throw new Error('No conversation with an open reply window among the newest ten');
}

/** Opens conversations (loading more) until one whose window is closed; returns its id. */
export async function openClosedThread(page: Page): Promise<string> {
  const rows = page.locator('[data-conversation-id]');
  for (let i = 0; i < 300; i++) {
    if (i >= (await rows.count())) {
      await page.getByRole('button', { name: 'Load more conversations' }).click();
      await expect(rows.nth(i)).toBeVisible();
    }
    const row = rows.nth(i);
    const id = (await row.getAttribute('data-conversation-id')) ?? '';
    await row.click();
    await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
    await expect(composer(page)).toBeVisible();
    if ((await composer(page).getAttribute('data-composer-window')) === 'closed') return id;
  }
  throw new Error('No conversation with a closed reply window');
}

/** The next sync of every demo account against the live demo emulator, from the Accounts screen. */
export async function syncDemoAccounts(page: Page): Promise<void> {
  await page.locator('[data-nav="accounts"]').click();
  await expect(page.locator('[data-view="accounts"]')).toHaveAttribute('data-status', 'ready');
  const demoRows = page.locator('[data-account-id][data-demo="true"]');
  const count = await demoRows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const row = demoRows.nth(i);
    const line = row.locator('[data-last-synced]');
    const before = await line.getAttribute('data-last-synced');
    await row.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => line.getAttribute('data-last-synced'), { timeout: 60_000 }).not.toBe(before);
  }
}
