import { expect, test } from './fixtures';
import { exploreDemo, openView } from './support/flows';
import { replyInOpenThread } from './support/replies';
import { captureScreen } from './support/screens';

/**
 * A reply written while the network is down waits in the outbox with the reason and goes out when
 * the network is back. Only the web bridge runs the services in this process, where the test can
 * cut the network (every Graph call goes through the global fetch), hence a bridge-only spec.
 */
test('a reply made offline waits in the outbox and goes out when the network is back', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'inbox');

  // Start the live demo with a first reply, then cut the network.
  await replyInOpenThread(page, 'First, while online');
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENETUNREACH' } }));
  try {
    const box = page.getByRole('textbox', { name: 'Reply' });
    await box.fill('Written offline');
    await box.press('Enter');
    const waiting = page.locator('[data-outbox-state="queued"]').filter({ hasText: 'Written offline' });
    await expect(waiting).toHaveAttribute('data-outbox-reason', 'offline');
    await expect(waiting).toContainText('No connection to Meta');
    await captureScreen(page, testInfo, 'reply-offline');
  } finally {
    globalThis.fetch = realFetch;
  }
  await page.locator('[data-outbox-state="queued"]').filter({ hasText: 'Written offline' }).getByRole('button', { name: 'Send now' }).click();
  await expect(page.locator('[data-outbox-state]').filter({ hasText: 'Written offline' })).toHaveCount(0);
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: 'Written offline' })).toHaveCount(1);

  // Offline again; this time nobody clicks: when the computer is back online, it goes by itself.
  globalThis.fetch = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENETUNREACH' } }));
  try {
    const box = page.getByRole('textbox', { name: 'Reply' });
    await box.fill('Goes when the network is back');
    await box.press('Enter');
    await expect(page.locator('[data-outbox-state="queued"]').filter({ hasText: 'Goes when the network is back' })).toHaveAttribute('data-outbox-reason', 'offline');
  } finally {
    globalThis.fetch = realFetch;
  }
  // What the desktop's renderer hears when the network returns.
  await page.evaluate(() => (globalThis as unknown as { dispatchEvent(event: Event): boolean }).dispatchEvent(new Event('online')));
  await expect(page.locator('[data-outbox-state]').filter({ hasText: 'Goes when the network is back' })).toHaveCount(0);
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: 'Goes when the network is back' })).toHaveCount(1);
});
