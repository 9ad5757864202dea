import { expect, test } from './fixtures';
import { exploreDemo, openView, parseShownNumber } from './support/flows';
import { captureScreen } from './support/screens';

/**
 * Reading and triage on the demo workspace, through the real UI and the real store: the one
 * list across accounts (virtualized, keyboard), a thread with its header, paged search opening a
 * hit in context, filters with counts, triage, comments, and counts that agree with Privacy.
 */
test('inbox: list, keyboard, thread header, search in context, filters, triage and comments', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'inbox');

  // One list across accounts, virtualized: every conversation counted, only a window rendered.
  const listbox = page.getByRole('listbox', { name: 'Conversations' });
  await expect(listbox.locator('[data-conversation-id]').first()).toBeVisible();
  const total = Number(await listbox.getAttribute('aria-rowcount'));
  expect(total).toBeGreaterThan(20);
  expect(Number(await listbox.getAttribute('data-rendered-rows'))).toBeLessThan(100);
  const accountsShown = new Set(await listbox.locator('.badge--account').allInnerTexts());
  expect(accountsShown.size, 'rows name their brand account').toBeGreaterThan(0);
  await expect(listbox.locator('[data-window]').first()).toBeVisible();
  await captureScreen(page, testInfo, 'inbox-list');

  // Keyboard: one tab stop (Tab leaves the list, Shift+Tab comes back to it, no row is a stop of
  // its own), j/k and the arrows move, Enter opens the third conversation, Escape returns.
  await listbox.focus();
  await page.keyboard.press('Tab');
  await expect(listbox).not.toBeFocused();
  await expect(listbox.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(listbox).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(listbox).toHaveAttribute('aria-activedescendant', 'conversation-row-3');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(listbox).toHaveAttribute('aria-activedescendant', 'conversation-row-1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(listbox).toHaveAttribute('aria-activedescendant', 'conversation-row-2');
  const third = listbox.locator('#conversation-row-2');
  const thirdId = await third.getAttribute('data-conversation-id');
  await page.keyboard.press('Enter');
  const thread = page.locator(`[data-thread="${thirdId}"]`);
  await expect(thread.locator('[data-thread-status="ready"], [data-message-id]').first()).toBeVisible();
  const header = thread.locator('.thread__header');
  await expect(header.locator('.badge--account')).toBeVisible();
  await expect(header.locator('[data-reply-window]')).toBeVisible();
  await expect(header.getByRole('link', { name: /Open on (Instagram|Facebook)/ })).toBeVisible();
  await captureScreen(page, testInfo, 'inbox-thread');
  await page.keyboard.press('Escape');
  await expect(thread).toHaveCount(0);
  await expect(listbox).toBeFocused();

  // Scrolling deep into the list fetches rows as they come into view.
  await listbox.press('End');
  await expect(listbox.locator(`[data-index="${total - 1}"][data-conversation-id]`)).toBeVisible();
  expect(Number(await listbox.getAttribute('data-rendered-rows'))).toBeLessThan(100);
  await listbox.press('Home');

  // Filters show their counts, and the list total follows the filter.
  const needsReply = page.locator('[data-filter="needsReply"]');
  const expected = parseShownNumber((await needsReply.innerText()).replace(/^\D+/, ''));
  await needsReply.click();
  await expect(page.locator('[data-list-total]')).toHaveAttribute('data-list-total', String(expected));

  // Triage on the first row under that filter: done, a label, then the label filter finds it.
  await listbox.locator('[data-index="0"]').click();
  const open = page.locator('[data-thread]');
  await open.getByRole('button', { name: 'Mark done' }).click();
  await expect(open.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await open.getByRole('textbox', { name: 'Add a label' }).fill('Wholesale');
  await open.getByRole('textbox', { name: 'Add a label' }).press('Enter');
  await expect(open.getByRole('button', { name: 'Remove label Wholesale' })).toBeVisible();

  // Read / unread and the Inbox badge, whose label says what it counts: opening the thread read it;
  // "Mark unread" brings back its dot and one more on the badge; "Mark read" takes both away.
  const navBadge = page.locator('[data-nav="inbox"] [data-inbox-badge]');
  await expect(navBadge).toHaveAttribute('title', /^[\d,]+ unread conversations?, [\d,]+ new comments?$/);
  const badgeBefore = Number(await navBadge.getAttribute('data-inbox-badge'));
  const openRow = listbox.locator(`[data-conversation-id="${await open.getAttribute('data-thread')}"]`);
  await open.getByRole('button', { name: 'Mark unread' }).click();
  await expect(navBadge).toHaveAttribute('data-inbox-badge', String(badgeBefore + 1));
  await expect(openRow.getByRole('img', { name: 'Unread' })).toBeVisible();
  await open.getByRole('button', { name: 'Mark read' }).click();
  await expect(navBadge).toHaveAttribute('data-inbox-badge', String(badgeBefore));
  await expect(openRow.getByRole('img', { name: 'Unread' })).toHaveCount(0);

  // An internal note, kept on this computer: saved, and there again when the thread is opened anew.
  const noteText = 'Wholesale: 40 mugs, call back Tuesday';
  await open.getByRole('button', { name: 'Add internal note' }).click();
  await open.getByLabel(/^Internal note/).fill(noteText);
  await open.getByRole('button', { name: 'Save note' }).click();
  await expect(open.getByRole('button', { name: 'Internal note', exact: true })).toBeVisible();

  await needsReply.click();
  await page.getByLabel('Label', { exact: true }).selectOption('Wholesale');
  await expect(page.locator('[data-list-total]')).toHaveAttribute('data-list-total', '1');
  await listbox.focus();
  await page.keyboard.press('Escape');
  await expect(open).toHaveCount(0);
  await listbox.locator('[data-index="0"]').click();
  // A thread with a note opens with it shown.
  await expect(open.getByRole('button', { name: 'Internal note', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(open.getByLabel(/^Internal note/)).toHaveValue(noteText);
  await page.getByLabel('Label', { exact: true }).selectOption('');

  // Search: every hit counted, paged, and a hit opens in its thread with the window state.
  const sample = await page.locator('.message__text').last().innerText();
  const word = sample.split(/[^A-Za-z]+/).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length)[0];
  expect(word, `a searchable word in "${sample}"`).toBeTruthy();
  await page.keyboard.press('Escape');
  await listbox.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search messages' })).toBeFocused();
  await page.keyboard.type(word as string);
  await expect(page.locator('[data-search-status="ready"]')).toBeVisible();
  const hitsTotal = Number(await page.locator('[data-search-total]').getAttribute('data-search-total'));
  expect(hitsTotal).toBeGreaterThan(0);

  // Search filters: by channel, by account, by date. Each picks what the newest hit is not, so the
  // total must drop, and every hit left says it is of the channel or account chosen.
  const searchFilters = page.getByRole('group', { name: 'Filter search results' });
  const searchTotal = page.locator('[data-search-status="ready"] [data-search-total]');
  const hits = page.locator('[data-search-hit]');
  const narrowTo = async (label: 'Channel' | 'Account', badges: string) => {
    const newest = (await hits.first().locator(badges).innerText()).trim();
    const select = searchFilters.getByLabel(label, { exact: true });
    const options = await select.locator('option:not([value=""])').evaluateAll((all) => all.map((o) => [(o as unknown as { value: string }).value, (o as unknown as { textContent: string }).textContent.trim()]));
    const [value, name] = options.find(([, text]) => text !== newest) as [string, string];
    await select.selectOption(value);
    await expect(searchTotal).not.toHaveAttribute('data-search-total', String(hitsTotal));
    const narrowed = Number(await searchTotal.getAttribute('data-search-total'));
    expect(narrowed, `${label} ${name}`).toBeLessThan(hitsTotal);
    if (narrowed > 0) expect(new Set(await hits.locator(badges).allInnerTexts())).toEqual(new Set([name]));
    await select.selectOption('');
    await expect(searchTotal).toHaveAttribute('data-search-total', String(hitsTotal));
  };
  await narrowTo('Channel', '.badge--instagram, .badge--messenger');
  await narrowTo('Account', '.badge--account');
  // From tomorrow: nothing can match yet, and the screen says so with the word searched for.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await searchFilters.getByLabel('From').fill(day);
  await expect(searchTotal).toHaveAttribute('data-search-total', '0');
  await expect(searchTotal).toContainText(`No messages match “${word as string}”`);
  await searchFilters.getByLabel('From').fill('');
  await expect(searchTotal).toHaveAttribute('data-search-total', String(hitsTotal));
  const hit = page.locator('[data-search-hit]').first();
  await expect(hit.locator('mark').first()).toHaveText(new RegExp(`^${word}`, 'i'));
  await hit.click();
  await expect(page.locator('[data-highlighted="true"]')).toBeVisible();
  await expect(page.locator('.thread__header [data-reply-window]')).toBeVisible();
  await expect(page.locator('.thread__header .badge--account')).toBeVisible();
  await expect(page.locator('.thread__header').getByRole('link', { name: /Open on (Instagram|Facebook)/ })).toBeVisible();
  // The composer is there too, saying whether a reply can go out now.
  const composer = page.getByRole('region', { name: 'Reply' });
  await expect(composer.locator('[data-reply-window]')).toBeVisible();
  await expect(composer.locator('textarea')).toBeVisible();
  await captureScreen(page, testInfo, 'inbox-search');

  // Comments: threads newest first with replies, and an unanswered filter.
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('');
  await page.getByRole('tab', { name: 'Comments' }).click();
  await expect(page.locator('[data-comments-status="ready"] .comment-thread').first()).toBeVisible();
  const allComments = Number(await page.locator('[data-comments-total]').getAttribute('data-comments-total'));
  await page.locator('[data-filter="unanswered"]').click();
  await expect(page.locator('[data-comments-total]')).not.toHaveAttribute('data-comments-total', String(allComments));
  await expect(page.locator('.comment-thread[data-unanswered="true"]').first()).toBeVisible();
  expect(await page.locator('.comment-thread[data-unanswered="false"]').count()).toBe(0);
  await page.locator('[data-filter="unanswered"]').click();
  await captureScreen(page, testInfo, 'inbox-comments');

  // Saved replies, managed in Settings: added, changed, offered in the composer, deleted after asking.
  await openView(page, 'settings');
  const savedSection = page.locator('[data-section="saved-replies"]');
  await savedSection.getByLabel('Title').fill('Shipping times');
  await savedSection.getByLabel(/^Shortcut/).fill('ship');
  await savedSection.getByLabel('Reply text').fill('We ship within 2 working days.');
  await savedSection.getByRole('button', { name: 'Add saved reply' }).click();
  const savedList = savedSection.getByRole('list', { name: 'Saved replies' });
  await expect(savedList).toContainText('We ship within 2 working days.');
  await savedList.getByRole('button', { name: 'Edit saved reply Shipping times' }).click();
  await savedSection.getByLabel('Reply text').fill('We ship within 1 working day.');
  await savedSection.getByRole('button', { name: 'Save changes' }).click();
  await expect(savedList).toContainText('We ship within 1 working day.');
  await openView(page, 'inbox');
  await page.getByRole('tab', { name: 'Messages' }).click();
  await listbox.locator('[data-index="0"]').click();
  await expect(page.getByRole('combobox', { name: 'Insert a saved reply' }).locator('option', { hasText: 'Shipping times (/ship)' })).toHaveCount(1);
  await openView(page, 'settings');
  await savedList.getByRole('button', { name: 'Delete saved reply Shipping times' }).click();
  const confirmDelete = page.getByRole('alertdialog', { name: 'Delete the saved reply “Shipping times”?' });
  await confirmDelete.getByRole('button', { name: 'Delete saved reply' }).click();
  await expect(savedSection.getByRole('list', { name: 'Saved replies' })).toHaveCount(0);
  await captureScreen(page, testInfo, 'settings-saved-replies');

  // The count agrees with Privacy's.
  await openView(page, 'privacy');
  expect(parseShownNumber(await page.locator('[data-count="conversations"] td').innerText())).toBe(total);
});

test('retention, confirmed in Privacy, removes emptied threads with their messages, and every count agrees', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'privacy');
  const stored = parseShownNumber(await page.locator('[data-count="conversations"] td').innerText());
  const messagesBefore = await page.locator('[data-count="messages"] .num').innerText();

  await page.locator('[data-retention="messageText"]').selectOption('30');
  await page.getByRole('button', { name: 'Review changes…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove these now?' });
  const emptiedNote = dialog.locator('[data-conversations-emptied]');
  await expect(emptiedNote).toBeVisible();
  const emptied = Number(await emptiedNote.getAttribute('data-conversations-emptied'));
  expect(emptied).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: /^Remove [\d,]+ items$/ }).click();
  await expect(page.locator('[data-count="messages"] .num')).not.toHaveText(messagesBefore);
  await expect.poll(async () => parseShownNumber(await page.locator('[data-count="conversations"] td').innerText())).toBe(stored - emptied);

  // The inbox lists exactly what Privacy counts: no thread left behind without its messages.
  await openView(page, 'inbox');
  const listbox = page.getByRole('listbox', { name: 'Conversations' });
  await expect(listbox.locator('[data-conversation-id]').first()).toBeVisible();
  await expect(listbox).toHaveAttribute('aria-rowcount', String(stored - emptied));
  await listbox.press('End');
  await expect(listbox.locator('[data-index]').last()).not.toContainText('Messages removed by your retention setting');
  await captureScreen(page, testInfo, 'inbox-after-retention');
});
