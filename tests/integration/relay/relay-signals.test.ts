/**
 * Emulator → relay → desktop for what happens to a message after it is sent: the person reacts,
 * edits, reads our answer. Each arrives as Meta's signed webhook, sealed through the relay, and
 * ends up in what the thread shows; the emulator's redelivery changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src-main/store/repositories/inbox-queries';
import { makeRelayHarness, until, VERIFY_TOKEN, type RelayHarness } from '../../support/relay-harness';

let h: RelayHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Sent {
  mid: string;
  conversationId: string;
}

/** A relay harness whose device is paired and listening, with the emulator's webhooks subscribed to it. */
async function pairedAndListening() {
  const harness = await makeRelayHarness();
  h = harness;
  await harness.service.pair(harness.relay.url, await harness.pairCode(), 'test device');
  await harness.sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${harness.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 20 } });
  const control = (path: string, body: Record<string, unknown>) => harness.sync.control(`webhooks/${path}`, { method: 'POST', body });
  return { harness, stop: harness.listen(), control };
}

describe('relay: reactions, edits and seen receipts end to end', () => {
  it('shows the reaction, the edited text and "Seen" in the thread, each once', async () => {
    const { harness, stop, control } = await pairedAndListening();
    const question = (await control('message', { platform: 'messenger', text: 'Is the blue one back?' })) as Sent;
    const answer = (await control('message', { platform: 'messenger', conversationId: question.conversationId, text: 'Yes, since Monday.', fromBusiness: true })) as Sent;
    const repos = harness.sync.core.repos;
    const thread = () => {
      const id = repos.db.prepare('SELECT conversation_id FROM messages WHERE external_id = ?').pluck().get(question.mid) as number | undefined;
      return id === undefined ? [] : threadMessages(repos.db, id, 50, null);
    };
    const row = (mid: string) => {
      const id = repos.db.prepare('SELECT id FROM messages WHERE external_id = ?').pluck().get(mid);
      return thread().find((m) => m.id === id);
    };
    await until(() => row(answer.mid) !== undefined, 'both messages in the store');

    await control('reaction', { mid: answer.mid, emoji: '❤️', reaction: 'love' });
    await control('edit', { mid: question.mid, text: 'Is the navy one back?' });
    await control('seen', { conversationId: question.conversationId });
    await until(() => row(answer.mid)?.seen === true, 'the seen receipt');
    await until(() => row(question.mid)?.editedAt != null, 'the edit');
    await until(() => (row(answer.mid)?.reactions.length ?? 0) === 1, 'the reaction');
    expect(row(answer.mid)?.reactions).toEqual([{ emoji: '❤️', reaction: 'love', byBusiness: false }]);
    expect(row(question.mid)?.text).toBe('Is the navy one back?');
    expect(thread().filter((m) => m.seen)).toHaveLength(1);

    // The person takes the reaction back; a catch-up sync then reads the edited text from Graph too.
    await control('reaction', { mid: answer.mid, action: 'unreact' });
    await until(() => row(answer.mid)?.reactions.length === 0, 'the unreact');
    await harness.sync.syncAll();
    expect(row(question.mid)?.text).toBe('Is the navy one back?');
    expect(repos.db.prepare('SELECT count(*) FROM messages WHERE external_id IN (?, ?)').pluck().get(question.mid, answer.mid)).toBe(2);
    expect(harness.stored.reduce((n, e) => n + e.signalsStored, 0)).toBe(4);
    await stop();
  });

  it('a reaction and an edit whose message Meta never sent by webhook wait for it, and the sync that reads it applies them', async () => {
    const { harness, stop, control } = await pairedAndListening();
    // Meta drops the message's own webhook (deliver: false); the reaction and the edit still come.
    const question = (await control('message', { platform: 'messenger', text: 'Is the blue one back?', deliver: false })) as Sent;
    await control('reaction', { mid: question.mid, emoji: '😮', reaction: 'wow', fromBusiness: true });
    await control('edit', { mid: question.mid, text: 'Is the navy one back?' });
    const repos = harness.sync.core.repos;
    const pending = () => repos.db.prepare('SELECT count(*) FROM pending_message_signals').pluck().get() as number;
    await until(() => harness.stored.length >= 2 && pending() === 2, 'both signals waiting');
    // The edit asked for a catch-up sync; whichever sync reads the message applies both.
    await harness.sync.syncAll();
    await until(() => pending() === 0, 'the signals applied');
    const id = repos.db.prepare('SELECT id, conversation_id AS c FROM messages WHERE external_id = ?').get(question.mid) as { id: number; c: number };
    expect(threadMessages(repos.db, id.c, 50, null).find((m) => m.id === id.id)).toMatchObject({
      text: 'Is the navy one back?',
      editCount: 1,
      reactions: [{ emoji: '😮', reaction: 'wow', byBusiness: true }],
    });
    expect(harness.stored.reduce((n, e) => n + e.signalsStored, 0)).toBe(0);
    await stop();
  });
});
