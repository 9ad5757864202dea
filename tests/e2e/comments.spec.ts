import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { exploreDemo, openView } from './support/flows';
import { syncDemoAccounts } from './support/replies';
import { captureScreen } from './support/screens';

async function openComments(page: Page): Promise<void> {
  await openView(page, 'inbox');
  await page.getByRole('tab', { name: 'Comments' }).click();
  await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toBeVisible();
}

/** The actions of a thread's top comment (not of its replies). */
function topActions(thread: Locator): Locator {
  return thread.locator(':scope > .comment [data-comment-actions]');
}

/**
 * Comment moderation on the live demo, through the outbox: a comment hidden and unhidden, a public
 * reply to it seen after the next sync, a private reply (a DM to the commenter, once) and the
 * refusals with their reasons: a second private reply, and one after Meta's 7 days.
 */
test('comments: hide, unhide, reply seen after the next sync; a private reply, not offered a second time nor after 7 days, with the reason', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openComments(page);

  // The newest thread by someone else that can still get a private reply (within 7 days).
  const threads = page.locator('.comment-thread');
  let thread: Locator | null = null;
  for (let i = 0; i < Math.min(20, await threads.count()); i++) {
    const actions = topActions(threads.nth(i));
    if ((await actions.getByRole('button', { name: 'Hide' }).count()) === 0) continue;
    if (await actions.getByRole('button', { name: 'Private reply' }).isEnabled()) {
      thread = page.locator(`.comment-thread[data-comment-id="${await threads.nth(i).getAttribute('data-comment-id')}"]`);
      break;
    }
  }
  if (!thread) throw new Error('No recent comment by someone else among the newest twenty');
  const actions = topActions(thread);
  const top = thread.locator(':scope > .comment .comment__top');

  await actions.getByRole('button', { name: 'Hide' }).click();
  await expect(actions.locator('[data-comment-action-state="sent"]')).toBeVisible();
  await expect(top.getByText('Hidden', { exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Reply', exact: true })).toBeDisabled();
  await captureScreen(page, testInfo, 'comment-hidden');
  await actions.getByRole('button', { name: 'Unhide' }).click();
  await expect(top.getByText('Hidden', { exact: true })).toHaveCount(0);

  const replyText = 'Thank you! Restock lands Friday 🌿';
  await actions.getByRole('button', { name: 'Reply', exact: true }).click();
  const publicField = actions.getByRole('textbox', { name: /^Public reply on/ });
  await publicField.fill(replyText);
  await publicField.press('Enter');
  await expect(actions.locator('[data-comment-action-state="sent"]')).toBeVisible();
  await expect(thread.locator('.comment--ours').filter({ hasText: replyText })).toHaveCount(1);

  const privateText = 'Sending you the wholesale sheet here';
  await actions.getByRole('button', { name: 'Private reply' }).click();
  const privateField = actions.getByRole('textbox', { name: /^Private message to/ });
  await privateField.fill(privateText);
  await privateField.press('Enter');
  await expect(actions.locator('[data-comment-action-state="sent"]')).toBeVisible();
  // Meta allows one private reply per comment: no second one is offered, and the button says why.
  const second = actions.getByRole('button', { name: 'Private reply sent' });
  await expect(second).toBeDisabled();
  await expect(second).toHaveAttribute('title', /one private reply per comment/);
  await expect(actions.locator('[data-private-reply-refusal]')).toHaveText('Private reply sent: Meta allows one per comment.');
  await captureScreen(page, testInfo, 'comment-private-reply-refused');

  // The next sync reads it all back from Meta: the reply there once, the comment not hidden.
  const commentId = await thread.getAttribute('data-comment-id');
  await syncDemoAccounts(page);
  await openComments(page);
  const synced = page.locator(`.comment-thread[data-comment-id="${commentId}"]`);
  await expect(synced.locator('.comment--ours').filter({ hasText: replyText })).toHaveCount(1);
  await expect(synced.locator(':scope > .comment .comment__top').getByText('Hidden', { exact: true })).toHaveCount(0);
  // Reloaded from the store, the comment still knows it has its private reply.
  await expect(topActions(synced).getByRole('button', { name: 'Private reply sent' })).toBeDisabled();
  await captureScreen(page, testInfo, 'comment-reply-synced');

  // The private reply went to the commenter as a DM: the next sync brings it into the inbox.
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.getByRole('searchbox', { name: 'Search messages' }).fill(privateText);
  await expect(page.locator('[data-search-status="ready"]')).toBeVisible();
  await expect(page.locator('[data-search-total]')).toHaveAttribute('data-search-total', '1');
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('');

  // A comment older than 7 days: no private reply, and the reason is given.
  await page.getByRole('tab', { name: 'Comments' }).click();
  const closed = page.locator('.comment-thread > .comment [data-comment-actions] [data-private-reply="closed"]');
  for (let i = 0; i < 40 && (await closed.count()) === 0; i++) await page.getByRole('button', { name: /^Show more/ }).click();
  await expect(closed.first()).toBeDisabled();
  await expect(closed.first()).toHaveText('Private reply');
  await expect(closed.first()).toHaveAttribute('title', /only within 7 days of the comment/);
  // Said in visible words beside the button, not only in its tooltip.
  const closedActions = page.locator('.comment-thread > .comment [data-comment-actions]').filter({ has: page.locator('[data-private-reply="closed"]') }).first();
  await expect(closedActions.locator('[data-private-reply-refusal]')).toHaveText('No private reply: Meta allows one only within 7 days of the comment.');
  await closedActions.scrollIntoViewIfNeeded();
  await captureScreen(page, testInfo, 'comment-private-reply-closed');
});
