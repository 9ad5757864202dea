import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config';
import { silentLogger } from '../../relay/src/log';
import { startRelay } from '../../relay/src/server';
import { expect, test } from './fixtures';
import { connectWithToken, openView } from './support/flows';
import { openRelaySettings } from './support/relay-settings';
import { captureScreen } from './support/screens';

test.use({ useEmulator: true });

/**
 * A brand's relay on loopback: pair in Settings → Relay with the code from the relay's admin
 * command, then a DM sent on the emulator reaches the relay as Meta's signed webhook, sealed, and
 * appears in the inbox without any sync being asked for.
 */
test('pair with the relay in Settings, then a webhook DM appears in the inbox', async ({ app, metaEmulator }, testInfo) => {
  const emulator = metaEmulator!;
  const relayDir = mkdtempSync(join(tmpdir(), 'relay-e2e-'));
  const relay = await startRelay(loadConfig({ META_APP_SECRET: emulator.app.secret, META_VERIFY_TOKEN: 'e2e-verify' }, { port: 0, dataDir: relayDir }), { log: silentLogger });
  try {
    const page = app.page;
    await connectWithToken(page, emulator.tokens.systemUser);

    const { section, code } = await openRelaySettings(page, relay);
    await section.getByLabel('Pairing code').fill('WRONG-CODE-XXXX');
    await section.getByRole('button', { name: 'Pair with relay' }).click();
    await expect(section.locator('[role="alert"]')).toContainText('refused that pairing code');
    await section.getByLabel('Pairing code').fill(code);
    await section.getByRole('button', { name: 'Pair with relay' }).click();
    await expect(section).toHaveAttribute('data-relay-connection', 'connected');
    await expect(page.locator('.relay-line')).toContainText('Relay: Live');

    const subscribed = await fetch(`${emulator.url}/__emulator/webhooks/subscribe`, { method: 'POST', body: JSON.stringify({ url: `${relay.url}/webhooks/meta`, verifyToken: 'e2e-verify' }) });
    expect(subscribed.status).toBe(200);
    await openView(page, 'inbox');
    const text = 'Is the linen tote back in stock? 🌿';
    await fetch(`${emulator.url}/__emulator/webhooks/message`, { method: 'POST', body: JSON.stringify({ platform: 'instagram', text }) });
    await expect(page.locator('[data-conversation-id]').first()).toContainText('linen tote');
    await expect(page.locator('.relay-line')).toContainText('event just now');
    await captureScreen(page, testInfo, 'relay-inbox');

    // What happens next arrives by webhook too: our answer, their reaction, their edit, their read.
    const control = async (path: string, body: Record<string, unknown>) =>
      (await (await fetch(`${emulator.url}/__emulator/webhooks/${path}`, { method: 'POST', body: JSON.stringify(body) })).json()) as { mid: string; conversationId: string };
    const question = await control('message', { platform: 'instagram', text: 'And in navy?' });
    const answer = await control('message', { platform: 'instagram', conversationId: question.conversationId, text: 'Navy is back on Friday.', fromBusiness: true });
    await page.locator('[data-conversation-id]').first().click();
    const thread = page.locator('.thread');
    await expect(thread).toContainText('Navy is back on Friday.');
    const scroller = thread.locator('.thread__scroll');
    // tsconfig.node has no DOM types: the scroll box's three numbers, as the page reads them.
    type ScrollBox = { scrollHeight: number; scrollTop: number; clientHeight: number };
    const distanceFromBottom = () => scroller.evaluate((el) => ((box: ScrollBox) => box.scrollHeight - box.scrollTop - box.clientHeight)(el as unknown as ScrollBox));
    // The reader is at the bottom of a thread longer than the window (nothing scrolled by hand).
    await expect.poll(() => scroller.evaluate((el) => (el as unknown as ScrollBox).scrollHeight > (el as unknown as ScrollBox).clientHeight)).toBe(true);
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    await control('reaction', { mid: answer.mid, emoji: '❤️', reaction: 'love' });
    // The newest message grew by a reaction row: the view stays at the bottom, so it shows unscrolled.
    await expect(thread.locator('[data-reaction-by="person"]')).toBeInViewport({ ratio: 1 });
    await expect.poll(distanceFromBottom).toBeLessThan(2);
    await control('edit', { mid: question.mid, text: 'And in navy, size M?' });
    await control('seen', { conversationId: question.conversationId });
    await expect(thread.locator('[data-reaction-by="person"]')).toHaveText('They reacted ❤️');
    await expect(thread.locator('[data-seen]')).toHaveText('Seen');
    await expect(thread).toContainText('And in navy, size M?');
    await expect(thread.locator('[data-edited]')).toHaveCount(1);
    await captureScreen(page, testInfo, 'relay-thread-signals');
    await openView(page, 'settings');
    await section.scrollIntoViewIfNeeded();
    await expect(section).toContainText('Events received');
    await captureScreen(page, testInfo, 'relay-settings');
  } finally {
    await relay.close();
    rmSync(relayDir, { recursive: true, force: true });
  }
});
