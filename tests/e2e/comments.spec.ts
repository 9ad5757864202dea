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

/** What the specs read of a scroll box (the tests' types have no DOM). */
interface ScrollBox {
  scrollHeight: number;
  scrollTop: number;
}

/** Hides a thread's top comment: it says so, and offers no public reply until it is shown again. */
async function hide(thread: Locator): Promise<{ actions: Locator; top: Locator }> {
  const actions = topActions(thread);
  const top = thread.locator(':scope > .comment .comment__top');
  await actions.getByRole('button', { name: 'Hide' }).click();
  await expect(actions.locator('[data-comment-action-state="sent"]')).toBeVisible();
  await expect(top.getByText('Hidden', { exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Reply', exact: true })).toBeDisabled();
  return { actions, top };
}

/** Scrolls the (virtualized) comment list to the end of what is loaded and waits for the next page to arrive. */
async function scrollToLoadedEnd(page: Page): Promise<void> {
  const list = page.locator('.comment-list');
  const loaded = Number(await list.getAttribute('data-loaded-threads'));
  const total = Number(await page.locator('[data-comments-total]').getAttribute('data-comments-total'));
  await page.locator('.comments-scroller').evaluate((el) => {
    // Runs in the page: no helper from this file is there.
    (el as unknown as ScrollBox).scrollTop = (el as unknown as ScrollBox).scrollHeight;
  });
  if (loaded < total) await expect.poll(async () => Number(await list.getAttribute('data-loaded-threads'))).toBeGreaterThan(loaded);
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
  const { actions, top } = await hide(thread);
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
  for (let i = 0; i < 40 && (await closed.count()) === 0; i++) await scrollToLoadedEnd(page);
  await expect(closed.first()).toBeDisabled();
  await expect(closed.first()).toHaveText('Private reply');
  await expect(closed.first()).toHaveAttribute('title', /only within 7 days of the comment/);
  // Said in visible words beside the button, not only in its tooltip.
  const closedActions = page.locator('.comment-thread > .comment [data-comment-actions]').filter({ has: page.locator('[data-private-reply="closed"]') }).first();
  await expect(closedActions.locator('[data-private-reply-refusal]')).toHaveText('No private reply: Meta allows one only within 7 days of the comment.');
  await closedActions.scrollIntoViewIfNeeded();
  await captureScreen(page, testInfo, 'comment-private-reply-closed');
});

/**
 * A Facebook Page's comments, as staff answer them: the list is virtualized (thousands of threads,
 * under 100 rendered) and keeps its place after an action; a comment hidden (Facebook's
 * `is_hidden`) and shown again, answered, and deleted after a confirmation that names what goes;
 * the next sync agrees. Then one post's comments, from a thread's post line and from Analytics.
 */
test('comments on Facebook: virtualized list kept in place, hide/unhide, reply, delete with confirmation, per post', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openComments(page);
  const list = page.locator('.comment-list');
  const total = Number(await page.locator('[data-comments-total]').getAttribute('data-comments-total'));
  expect(total).toBeGreaterThan(1000);
  // Scrolled through several pages, the list still renders only what is in view.
  for (let i = 0; i < 4; i++) await scrollToLoadedEnd(page);
  expect(Number(await list.getAttribute('data-loaded-threads'))).toBeGreaterThan(100);
  expect(Number(await list.getAttribute('data-rendered-rows'))).toBeLessThan(100);
  expect(await page.locator('.comment-thread').count()).toBeLessThan(100);

  // One Facebook Page: its threads only, each saying it is on Facebook.
  const accountSelect = page.getByLabel('Account', { exact: true });
  const facebookOption = accountSelect.locator('option', { hasText: '· Facebook' }).first();
  await accountSelect.selectOption(await facebookOption.getAttribute('value'));
  await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toBeVisible();
  await expect(page.locator('.comment-thread[data-network="instagram"]')).toHaveCount(0);
  await expect(page.locator('.comment-thread').first().locator('.badge--account')).toContainText('Facebook');
  // Unanswered first: as many threads, those still waiting for a reply ahead of the answered ones.
  const facebookTotal = await page.locator('[data-comments-total]').getAttribute('data-comments-total');
  await page.locator('[data-filter="unanswered-first"]').click();
  await expect(page.locator('[data-comments-total]')).toContainText('unanswered first, then newest first');
  await expect(page.locator('[data-comments-total]')).toHaveAttribute('data-comments-total', facebookTotal ?? '');
  await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toHaveAttribute('data-unanswered', 'true');
  await captureScreen(page, testInfo, 'comments-unanswered-first');
  await page.locator('[data-filter="unanswered-first"]').click();
  await expect(page.locator('[data-comments-total]')).not.toContainText('unanswered first');

  // A comment by someone else further down; the view is scrolled to it before acting.
  const scroller = page.locator('.comments-scroller');
  await scroller.evaluate((el) => {
    (el as unknown as ScrollBox).scrollTop = 800;
  });
  const candidates = page.locator('.comment-thread[data-network="facebook"]').filter({ has: page.locator(':scope > .comment [data-comment-actions] button', { hasText: /^Hide$/ }) });
  const thread = page.locator(`.comment-thread[data-comment-id="${await candidates.last().getAttribute('data-comment-id')}"]`);
  await thread.scrollIntoViewIfNeeded();
  const scrolledTo = await scroller.evaluate((el) => (el as unknown as ScrollBox).scrollTop);
  expect(scrolledTo).toBeGreaterThan(0);
  const { actions, top } = await hide(thread);
  // The refetch after the action kept the list where it was.
  await expect(page.locator('[data-comments-status="ready"]')).toBeVisible();
  expect(Math.abs((await scroller.evaluate((el) => (el as unknown as ScrollBox).scrollTop)) - scrolledTo)).toBeLessThan(2);
  await actions.getByRole('button', { name: 'Unhide' }).click();
  await expect(top.getByText('Hidden', { exact: true })).toHaveCount(0);

  const replyText = 'Yes, dishwasher safe on the top rack';
  await actions.getByRole('button', { name: 'Reply', exact: true }).click();
  const field = actions.getByRole('textbox', { name: 'Public reply on Facebook' });
  await field.fill(replyText);
  await field.press('Enter');
  await expect(actions.locator('[data-comment-action-state="sent"]')).toBeVisible();
  await expect(thread.locator('.comment--ours').filter({ hasText: replyText })).toHaveCount(1);
  await expect(thread).toHaveAttribute('data-unanswered', 'false');
  await captureScreen(page, testInfo, 'comments-facebook');

  // Delete: the confirmation says where it goes, with what, and quotes the comment.
  const threadId = await thread.getAttribute('data-comment-id');
  const quoted = (await thread.locator(':scope > .comment .comment__text').innerText()).trim();
  const shownBefore = Number(await page.locator('[data-comments-total]').getAttribute('data-comments-total'));
  await actions.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this comment from Facebook?' });
  const replies = await thread.locator('.comment--reply').count();
  expect(replies).toBeGreaterThan(0);
  await expect(dialog).toContainText(`removed on Facebook for everyone, with its ${replies === 1 ? 'reply' : `${replies} replies`}, and from this computer`);
  await expect(dialog.locator('blockquote')).toContainText(quoted);
  await captureScreen(page, testInfo, 'comments-delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(thread).toBeVisible();
  await actions.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete comment' }).click();
  await expect(page.locator(`.comment-thread[data-comment-id="${threadId}"]`)).toHaveCount(0);
  await expect(page.locator('[data-comments-total]')).toHaveAttribute('data-comments-total', String(shownBefore - 1));

  // The next sync reads Facebook back: the comment stays gone.
  await syncDemoAccounts(page);
  await openComments(page);
  await expect(page.locator(`.comment-thread[data-comment-id="${threadId}"]`)).toHaveCount(0);
  await expect(page.locator('.comment--ours').filter({ hasText: replyText })).toHaveCount(0);

  // One post's comments: from a thread's post line…
  const first = page.locator('.comment-thread').first();
  const caption = await first.locator('.comment-thread__caption').innerText();
  await first.locator('button.comment-thread__caption').click();
  await expect(page.getByLabel('Post', { exact: true })).not.toHaveValue('');
  await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toBeVisible();
  const captions = await page.locator('.comment-thread .comment-thread__caption').allInnerTexts();
  expect(new Set(captions)).toEqual(new Set([caption]));
  await captureScreen(page, testInfo, 'comments-one-post');

  // …and from a post in Analytics.
  await openView(page, 'analytics');
  await page.locator('[data-tab="posts"]').click();
  const postsWithComments = page.locator('[data-post-id]');
  await expect(postsWithComments.first()).toBeVisible();
  let answered = false;
  for (let i = 0; i < 10 && !answered; i++) {
    await postsWithComments.nth(i).locator('.link-button').first().click();
    const detail = page.locator('[data-post-detail]');
    await expect(detail.getByRole('heading', { name: /^Comments \(\d+\)$/ })).toBeVisible();
    const answer = detail.locator('[data-answer-comments]');
    if ((await answer.count()) === 0) {
      await page.keyboard.press('Escape');
      continue;
    }
    const postId = await answer.getAttribute('data-answer-comments');
    await answer.click();
    await expect(page.locator('[data-view="inbox"]')).toBeVisible();
    await expect(page.getByLabel('Post', { exact: true })).toHaveValue(postId ?? '');
    await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toBeVisible();
    answered = true;
  }
  expect(answered).toBe(true);
});
