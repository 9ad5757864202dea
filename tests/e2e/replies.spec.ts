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

/**
 * Past 24 hours, within 7 days: refused until Human Agent replies are turned on for the account
 * (after a confirmation saying Meta must have approved it); then the reply goes out with Meta's
 * HUMAN_AGENT tag (the demo emulator refuses it without the tag) and shows in the thread.
 */
test('Human Agent: turned on from the reply box after a confirmation, a reply between 24 h and 7 days goes out', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'inbox');
  // Start the live demo, then find a thread closed for 24 h but within 7 days.
  await replyInOpenThread(page, 'Good morning!');
  // Down the (virtualized) list with the keyboard, as staff would, opening each with Enter.
  const listbox = page.getByRole('listbox', { name: 'Conversations' });
  await listbox.press('Home');
  let id = '';
  for (let i = 0; i < 150 && !id; i++) {
    await listbox.press(i === 0 ? 'Enter' : 'ArrowDown');
    if (i > 0) await listbox.press('Enter');
    const active = await listbox.getAttribute('aria-activedescendant');
    const candidate = (await page.locator(`[id="${active}"] [data-conversation-id], [id="${active}"][data-conversation-id]`).first().getAttribute('data-conversation-id')) ?? '';
    await expect(page.locator(`[data-thread="${candidate}"][data-thread-status="ready"]`)).toBeVisible();
    await expect(composer(page)).toBeVisible();
    if ((await page.locator('[data-human-agent="off"]').count()) > 0) id = candidate;
  }
  expect(id, 'a thread past 24 h and within 7 days').not.toBe('');
  await expect(composer(page)).toHaveAttribute('data-composer-window', 'closed');
  await expect(page.locator('[data-composer-refusal]')).toContainText('Human Agent');
  await page.getByRole('button', { name: 'Meta approved Human Agent for this account…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Only if Meta approved the Human Agent feature');
  await captureScreen(page, testInfo, 'human-agent-confirm');
  await dialog.getByRole('button', { name: 'Turn on' }).click();

  await expect(composer(page)).toHaveAttribute('data-composer-window', 'human-agent');
  await expect(page.locator('[data-composer-window] [data-reply-window="human-agent"]')).toContainText(/Human Agent reply: \d+ d \d+ h left/);
  // The thread header agrees with the reply box.
  await expect(page.locator(`[data-thread="${id}"] .reply-window[data-reply-window="human-agent"]`)).toBeVisible();
  const text = 'Sorry for the wait — a person from our team here';
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(text);
  await box.press('Enter');
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: text })).toHaveCount(1);
  await captureScreen(page, testInfo, 'human-agent-sent');
});
