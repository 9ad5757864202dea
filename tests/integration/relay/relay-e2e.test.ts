/**
 * End to end on loopback: the emulator sends Meta's signed webhooks to the relay (SQLite), the
 * relay seals them, the desktop's RelayService opens, stores, acknowledges. Then the faults:
 * duplicates, a relay killed mid-stream, a dropped webhook recovered by sync, a device offline.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { messagePayload, metaJson } from '../../../src-main/emulator/webhooks/payloads';
import { makeRelayHarness, until, VERIFY_TOKEN, type RelayHarness } from '../../support/relay-harness';

let h: RelayHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface SentMessage {
  mid: string;
  conversationId: string;
  personId: string;
  delivery: { status: string } | null;
}

async function setUp(): Promise<RelayHarness> {
  const harness = await makeRelayHarness();
  await harness.service.pair(harness.relay.url, await harness.pairCode(), 'test device');
  const sub = (await harness.sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${harness.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 50 } })) as { success?: boolean };
  expect(sub.success).toBe(true);
  return harness;
}

const send = (harness: RelayHarness, body: Record<string, unknown>) => harness.sync.control('webhooks/message', { method: 'POST', body }) as Promise<SentMessage>;

function storedMessages(harness: RelayHarness, mid: string): Array<{ text: string | null; direction: string; conversation: string }> {
  return harness.sync.core.repos.db
    .prepare('SELECT m.text, m.direction, c.external_id AS conversation FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.external_id = ?')
    .all(mid) as Array<{ text: string | null; direction: string; conversation: string }>;
}

function relayFilesContain(dir: string, needle: string): string[] {
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(Buffer.from(needle)));
}

describe('relay end to end (SQLite storage)', () => {
  it('delivers a DM from the emulator into the store, sealed on the way, and keeps no plaintext on the relay', async () => {
    h = await setUp();
    const stop = h.listen();
    const text = 'Secret restock question 🧦 — is the navy size M back?';
    const sent = await send(h, { platform: 'instagram', text });
    expect(sent.delivery?.status).toBe('delivered');
    const harness = h;
    await until(() => storedMessages(harness, sent.mid).length === 1, 'the message in the store');
    const [row] = storedMessages(h, sent.mid);
    expect(row).toMatchObject({ text, direction: 'in' });
    // Stored in the thread the sync already had with this person, not a provisional one.
    expect(row?.conversation).toBe(sent.conversationId);
    // The relay acknowledged: nothing pending, and neither its files nor its logs hold the text.
    await until(async () => (await harness.relay.storage.pendingCount()) === 0, 'the ack to reach the relay');
    const summary = await stop();
    expect(summary.envelopes).toBe(1);
    expect(relayFilesContain(h.relayDir, 'restock')).toEqual([]);
    expect(relayFilesContain(h.relayDir, 'navy size')).toEqual([]);
    expect(h.logs.join('\n')).not.toMatch(/restock|navy|🧦/);
    expect(h.logs.some((l) => l.includes('"webhook accepted"'))).toBe(true);
    expect(h.service.status()).toMatchObject({ eventsReceived: 1, gapsDetected: 0 });
  });

  it('stores a message once when Meta delivers it twice (the relay drops the replay, the store dedupes on mid) and a later sync adds no copy', async () => {
    h = await setUp();
    const stop = h.listen();
    const sent = await send(h, { platform: 'messenger', text: 'Do you ship to Ghent?' });
    const harness = h;
    await until(() => storedMessages(harness, sent.mid).length === 1, 'the message in the store');
    // Meta redelivers the same signed body (a retry after a lost 200): the relay keeps nothing.
    const body = metaJson(messagePayload(h.sync.emulator.world.conversations[sent.conversationId]!, h.sync.emulator.world.messages[sent.mid]!, 1));
    const signature = `sha256=${createHmac('sha256', h.sync.emulator.app.secret).update(body).digest('hex')}`;
    const post = () => fetch(`${harness.relay.url}/webhooks/meta`, { method: 'POST', body, headers: { 'x-hub-signature-256': signature } });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    await until(() => harness.stored.length === 2, 'the redelivered copy');
    expect(await h.relay.storage.counters()).toMatchObject({ webhooks_replayed: 1 });
    await h.sync.syncAll();
    expect(storedMessages(h, sent.mid)).toHaveLength(1);
    await stop();
  });

  it('survives the relay being killed mid-stream: the emulator retries, nothing is lost or stored twice, and the reconnect triggers a catch-up sync', async () => {
    h = await setUp();
    const stop = h.listen();
    const first = await send(h, { platform: 'instagram', text: 'first before the crash' });
    const harness = h;
    await until(() => storedMessages(harness, first.mid).length === 1, 'the first message');
    await h.stopRelay();
    // While the relay is down Meta keeps retrying; one webhook Meta never sends at all.
    const during = await send(h, { platform: 'instagram', text: 'sent while the relay was down' });
    expect(during.delivery?.status).toBe('pending');
    const dropped = await send(h, { platform: 'instagram', text: 'a webhook Meta dropped', deliver: false });
    await h.startRelayAgain();
    await until(() => storedMessages(harness, during.mid).length === 1, 'the retried message');
    await until(() => storedMessages(harness, dropped.mid).length === 1, 'the dropped message, recovered by sync');
    const summary = await stop();
    expect(summary.reconnects).toBeGreaterThanOrEqual(1);
    expect(h.service.status().messagesRecoveredBySync).toBeGreaterThanOrEqual(1);
    for (const mid of [first.mid, during.mid, dropped.mid]) expect(storedMessages(h, mid)).toHaveLength(1);
  });

  it('keeps envelopes while the device is offline and delivers all of them, once, when it returns', async () => {
    h = await setUp();
    const mids: string[] = [];
    for (let i = 0; i < 5; i++) mids.push((await send(h, { platform: i % 2 ? 'messenger' : 'instagram', text: `offline message ${i}` })).mid);
    expect(await h.relay.storage.pendingCount()).toBe(5);
    const stop = h.listen();
    const harness = h;
    await until(() => mids.every((mid) => storedMessages(harness, mid).length === 1), 'all five messages');
    await until(async () => (await harness.relay.storage.pendingCount()) === 0, 'every ack');
    const summary = await stop();
    expect(summary.envelopes).toBe(5);
    // Listening again receives nothing: every envelope was acknowledged and deleted.
    const again = await h.service.listen({ untilIdleMs: 300 });
    expect(again.envelopes).toBe(0);
  });

  it('re-acknowledges an envelope whose ack was lost without storing it again', async () => {
    h = await setUp();
    const sent = await send(h, { platform: 'instagram', text: 'ack lost' });
    const [envelope] = await h.relay.storage.pending((h.service.status().deviceId as string), 0, 10);
    expect(envelope).toBeDefined();
    await h.service.handleEnvelope(envelope!);
    // Simulate the relay never getting the ack: the copy is put back and redelivered.
    expect(await h.service.handleEnvelope(envelope!)).toBeNull();
    expect(storedMessages(h, sent.mid)).toHaveLength(1);
  });

  it('turns an unsend into erased text', async () => {
    h = await setUp();
    const stop = h.listen();
    const sent = await send(h, { platform: 'instagram', text: 'oops, wrong chat' });
    const harness = h;
    await until(() => storedMessages(harness, sent.mid).length === 1, 'the message');
    await h.sync.control('webhooks/unsend', { method: 'POST', body: { mid: sent.mid } });
    await until(() => storedMessages(harness, sent.mid)[0]?.text === null, 'the unsend');
    await stop();
  });
});
