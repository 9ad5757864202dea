import { expect, test } from './fixtures';
import { exploreDemo, openView } from './support/flows';
import { composer, openClosedThread, replyInOpenThread, syncDemoAccounts } from './support/replies';
import { captureScreen } from './support/screens';

/**
 * Answering customers on the live demo: a reply inside Meta's window goes out, shows at once and
 * is still there exactly once after the next sync (read back from the demo's emulator); after the
 * window the composer refuses and says why.
 */
test('reply inside the window, see it after the next sync; refused after the window with the reason', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'inbox');

  const text = 'Thanks! Your order ships today 📦';
  const id = await replyInOpenThread(page, text);
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: text })).toHaveCount(1);
  await captureScreen(page, testInfo, 'reply-sent');

  // The next sync of every demo account, against the live demo emulator.
  await syncDemoAccounts(page);

  await openView(page, 'inbox');
  await page.locator(`[data-conversation-id="${id}"]`).click();
  await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
  const mine = page.locator('.message--out').filter({ hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine).not.toHaveAttribute('data-deleted', 'true');

  await openClosedThread(page);
  await expect(composer(page)).toHaveAttribute('data-composer-window', 'closed');
  await expect(page.locator('[data-composer-refusal]')).toContainText(/window has closed|written to you/);
  await expect(page.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
  await captureScreen(page, testInfo, 'reply-refused');
});
