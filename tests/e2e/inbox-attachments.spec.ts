import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config';
import { hashSecret, newPairCode } from '../../relay/src/crypto';
import { silentLogger } from '../../relay/src/log';
import { startRelay } from '../../relay/src/server';
import { expect, test } from './fixtures';
import { firstRunToConnect, openView } from './support/flows';
import { captureScreen } from './support/screens';

test.use({ useEmulator: true });

const fixture = (folder: string, name: string) => readFileSync(join(import.meta.dirname, '../fixtures', folder, name), 'utf8');

interface WebhookBody {
  entry: Array<{ id: string | number; time: number; messaging: Array<{ recipient: { id: string | number }; timestamp: number }> }>;
}

/**
 * One of Meta's payloads, addressed to an account connected in this run and dated now (Meta's
 * samples name their own ids and 2016–2025 times); every other field stays as Meta wrote it.
 */
function addressedTo(raw: string, accountId: string, now: number): string {
  const body = JSON.parse(raw) as WebhookBody;
  for (const entry of body.entry) {
    entry.id = accountId;
    entry.time = now;
    entry.messaging.forEach((event, index) => {
      event.recipient.id = accountId;
      event.timestamp = now - (entry.messaging.length - index) * 1000;
    });
  }
  return JSON.stringify(body);
}

/**
 * Every attachment type the issue names, from Meta's own payloads (the real samples in
 * tests/fixtures/meta, and Meta's documented shapes in tests/fixtures/meta-docs for the Instagram
 * kinds no sample holds), sent as Meta sends webhooks (signed, to the relay) and read in the thread
 * through the real UI: each a typed placeholder, none blank.
 */
test('attachments from Meta payloads show as typed placeholders in the thread', async ({ app, metaEmulator }, testInfo) => {
  const emulator = metaEmulator!;
  const relayDir = mkdtempSync(join(tmpdir(), 'relay-e2e-'));
  const relay = await startRelay(loadConfig({ META_APP_SECRET: emulator.app.secret, META_VERIFY_TOKEN: 'e2e-verify' }, { port: 0, dataDir: relayDir }), { log: silentLogger });
  try {
    const page = app.page;
    await firstRunToConnect(page);
    const tokenCard = page.locator('[data-connect-method="token"]');
    await tokenCard.locator('[data-token-input]').fill(emulator.tokens.systemUser);
    await tokenCard.getByRole('button', { name: 'Connect' }).click();
    await expect(page.locator('[data-sync-state="idle"]')).toBeVisible({ timeout: 45_000 });

    const code = newPairCode();
    await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
    await openView(page, 'settings');
    const section = page.locator('fieldset.relay');
    await section.getByLabel('Relay address').fill(relay.url);
    await section.getByLabel('Pairing code').fill(code);
    await section.getByRole('button', { name: 'Pair with relay' }).click();
    await expect(section).toHaveAttribute('data-relay-connection', 'connected');

    const send = async (raw: string, accountId: string) => {
      const body = addressedTo(raw, accountId, Date.now());
      const signature = `sha256=${createHmac('sha256', emulator.app.secret).update(body).digest('hex')}`;
      const answer = await fetch(`${relay.url}/webhooks/meta`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
      expect(answer.status, 'the relay took the signed webhook').toBe(200);
    };
    const instagram = emulator.world.igAccounts[0]!.id;
    const facebookPage = emulator.world.pages[0]!.id;
    await openView(page, 'inbox');
    await send(fixture('meta', 'fb-messenger-webhook-message-image-attachment.json'), facebookPage);
    await send(fixture('meta', 'ig-messaging-webhook-attachment-unsupported.json'), instagram);
    await send(fixture('meta-docs', 'ig-messaging-webhook-attachment-kinds.json'), instagram);

    const listbox = page.getByRole('listbox', { name: 'Conversations' });
    const open = async (sender: string) => {
      const row = listbox.locator('[data-conversation-id]', { hasText: `Person ${sender}` });
      await expect(row).toBeVisible();
      await row.click();
      const thread = page.locator('[data-thread]');
      await expect(thread.locator('[data-message-id]').first()).toBeVisible();
      return thread;
    };

    // Meta's documented Instagram shapes: one thread, one placeholder per message, each named.
    const thread = await open('5614879045270001');
    const kinds: Array<[string, string]> = [
      ['story_mention', 'Mentioned you in their story'],
      ['story_reply', 'Replied to your story'],
      ['shared_post', 'Shared a post'],
      ['reel', 'Shared a reel'],
      ['video', 'Video'],
      ['audio', 'Voice message'],
      ['file', 'File'],
    ];
    for (const [kind, words] of kinds) await expect(thread.locator(`[data-attachment="${kind}"]`), kind).toHaveText(new RegExp(`${words}$`));
    // A shared post arrives as `share` + `ig_post` (Meta, since November 2025): shown once.
    await expect(thread.locator('[data-attachment="shared_post"]')).toHaveCount(1);
    await expect(thread.locator('[data-message-id]', { has: page.locator('[data-attachment="story_reply"]') })).toContainText('Love this one!');
    await expect(thread.locator('.message__note')).toHaveCount(0);
    await captureScreen(page, testInfo, 'inbox-attachments');
    await thread.locator('[data-attachment="story_mention"]').scrollIntoViewIfNeeded();
    await captureScreen(page, testInfo, 'inbox-attachments-top');
    // The list rows say what a message without text carries.
    const rowText = (sender: string) => listbox.locator('[data-conversation-id]', { hasText: `Person ${sender}` }).locator('.item__text');
    await expect(rowText('5614879045270001')).toHaveText('File');
    await expect(rowText('987654321432')).toHaveText('Photo');

    // The real samples: a Messenger photo, and what Instagram marks unsupported said plainly.
    await expect((await open('987654321432')).locator('[data-attachment="image"]')).toHaveText(/Photo$/);
    await expect((await open('5614879045272581')).locator('[data-attachment="other"]')).toHaveText(/Attachment this app cannot show$/);
  } finally {
    await relay.close();
    rmSync(relayDir, { recursive: true, force: true });
  }
});
