/**
 * A reaction, a seen receipt or an edit whose webhook comes before the message it names (Meta gives
 * no ordering between webhooks) waits in the store and is applied when the message arrives, by its
 * own webhook or by a sync; redeliveries change nothing; unapplied ones expire after 7 days and
 * leave with the person (forget) and with the messages of their time (retention).
 * The seen receipt is Meta's real sample (tests/fixtures/meta); the reaction and the edit keep that
 * sample's envelope and swap `read` for the `reaction` / `message_edit` object of Meta's reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebhookBody } from '../../../src-main/meta/webhooks';
import { forgetPerson, previewForget } from '../../../src-main/privacy/forget';
import { applyRetention, KEEP_FOREVER } from '../../../src-main/privacy/retention';
import { applyWebhookEvents } from '../../../src-main/relay/apply-webhook';
import { PENDING_SIGNAL_WINDOW_MS, settlePendingSignals } from '../../../src-main/relay/pending-signals';
import { threadMessages } from '../../../src-main/store/repositories/inbox-queries';
import type { Repositories } from '../../../src-main/store/repositories';
import { useTempStore } from '../../support/temp-store';

const store = useTempStore();

type Envelope = { object: string; entry: Array<{ id: string; time: number; messaging: Array<Record<string, unknown>> }> };
const SAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/meta/ig-messaging-webhook-seen.json'), 'utf8')) as Envelope;
const ENTRY = SAMPLE.entry[0]!;
const ACCOUNT = ENTRY.id; // 17841452691600098
const PERSON = (ENTRY.messaging[0]!.sender as { id: string }).id; // 5614879045272581
const READ_AT = ENTRY.messaging[0]!.timestamp as number;
const NOW = READ_AT + 60_000;

const seenSample = () => JSON.stringify(SAMPLE);
/** The sample's envelope with its event replaced (sender/recipient swapped when the business acts). */
function sampleWith(event: Record<string, unknown>, at = READ_AT, fromBusiness = false): string {
  const { read: _read, ...base } = ENTRY.messaging[0]!;
  const people = fromBusiness ? { sender: { id: ACCOUNT }, recipient: { id: PERSON } } : { sender: { id: PERSON }, recipient: { id: ACCOUNT } };
  return JSON.stringify({ ...SAMPLE, entry: [{ ...ENTRY, messaging: [{ ...base, ...people, timestamp: at, ...event }] }] });
}
/** Our message MESSAGE-ID (the one the sample says was read), as its echo webhook brings it. */
const echo = (at = READ_AT - 5_000) =>
  JSON.stringify({ object: 'instagram', entry: [{ id: ACCOUNT, time: at, messaging: [{ sender: { id: ACCOUNT }, recipient: { id: PERSON }, timestamp: at, message: { mid: 'MESSAGE-ID', text: 'Your parcel left today.', is_echo: true } }] }] });

function setUp(): { repos: Repositories; account: number } {
  const repos = store.repos;
  const account = repos.accounts.upsert({ network: 'instagram', externalId: ACCOUNT, name: 'Brand', loginKind: 'system_user' }, 1);
  return { repos, account };
}
const apply = (repos: Repositories, body: string, now = NOW) => applyWebhookEvents(repos, parseWebhookBody(body), now);
const pendingCount = (repos: Repositories) => repos.db.prepare('SELECT count(*) FROM pending_message_signals').pluck().get() as number;
const messageRow = (repos: Repositories) => {
  const row = repos.db.prepare("SELECT id, conversation_id AS c FROM messages WHERE external_id = 'MESSAGE-ID'").get() as { id: number; c: number } | undefined;
  return row ? threadMessages(repos.db, row.c, 50, null).find((m) => m.id === row.id) : undefined;
};

describe('signals that arrive before their message', () => {
  it("keeps Meta's real seen receipt for a message not stored yet, once, and shows \"Seen\" when the message's webhook comes", () => {
    const { repos } = setUp();
    expect(apply(repos, seenSample())).toMatchObject({ signalsStored: 0, signalsPending: 1, ignored: 0, needsSync: false });
    // Meta redelivers: still one waiting.
    expect(apply(repos, seenSample())).toMatchObject({ signalsPending: 0 });
    expect(pendingCount(repos)).toBe(1);
    expect(apply(repos, echo())).toMatchObject({ messagesStored: 1, signalsStored: 1 });
    expect(messageRow(repos)?.seen).toBe(true);
    expect(pendingCount(repos)).toBe(0);
    // The receipt once more, after the fact: nothing changes, nothing waits.
    expect(apply(repos, seenSample())).toMatchObject({ signalsStored: 0, signalsPending: 0 });
    expect(pendingCount(repos)).toBe(0);
  });

  it('applies a reaction and an edit that came first when a sync reads the message; the edit marks it but keeps the text Graph returned', () => {
    const { repos, account } = setUp();
    apply(repos, sampleWith({ reaction: { mid: 'MESSAGE-ID', action: 'react', reaction: 'love', emoji: '❤️' } }, READ_AT));
    const edit = apply(repos, sampleWith({ message_edit: { mid: 'MESSAGE-ID', text: 'Your parcel left on Monday.', num_edit: 1 } }, READ_AT + 1_000, true));
    // An edit of an unknown message still asks for a sync: Graph has the current text.
    expect(edit).toMatchObject({ signalsPending: 1, needsSync: true });
    expect(pendingCount(repos)).toBe(2);
    // What the sync does for a new message (sync/conversations.ts): store it, then settle.
    const person = repos.inbox.upsertPerson(account, { idKind: 'igsid', externalId: PERSON }, 1);
    const thread = repos.inbox.upsertConversation(account, { externalId: 'aWdfZAG06MTIz', platform: 'instagram', personId: person, updatedAt: READ_AT });
    repos.inbox.upsertMessage(thread, { externalId: 'MESSAGE-ID', direction: 'out', sentAt: READ_AT - 5_000, text: 'Your parcel left on Monday (tracking 42).' }, NOW);
    expect(settlePendingSignals(repos, { accountId: account, platform: 'instagram', externalId: 'MESSAGE-ID', personExternalId: PERSON, origin: 'graph' }, NOW)).toBe(2);
    expect(messageRow(repos)).toMatchObject({
      reactions: [{ emoji: '❤️', reaction: 'love', byBusiness: false }],
      text: 'Your parcel left on Monday (tracking 42).',
      editedAt: READ_AT + 1_000,
      editCount: 1,
    });
    expect(pendingCount(repos)).toBe(0);
  });

  it('a message that arrives already unsent takes its waiting signals with it', () => {
    const { repos } = setUp();
    apply(repos, sampleWith({ reaction: { mid: 'MESSAGE-ID', action: 'react', emoji: '😮' } }));
    const unsent = JSON.stringify({ object: 'instagram', entry: [{ id: ACCOUNT, time: READ_AT, messaging: [{ sender: { id: PERSON }, recipient: { id: ACCOUNT }, timestamp: READ_AT, message: { mid: 'MESSAGE-ID', is_deleted: true } }] }] });
    apply(repos, unsent);
    expect(pendingCount(repos)).toBe(0);
  });

  it('drops what waited longer than 7 days for a message that never came', () => {
    const { repos } = setUp();
    apply(repos, seenSample(), NOW);
    apply(repos, sampleWith({ reaction: { mid: 'OTHER-ID', action: 'react', emoji: '👍' } }), NOW + PENDING_SIGNAL_WINDOW_MS - 1);
    expect(pendingCount(repos)).toBe(2);
    // Any later envelope sweeps: the first has waited past the window, the second not yet.
    apply(repos, sampleWith({ read: { mid: 'THIRD-ID' } }), NOW + PENDING_SIGNAL_WINDOW_MS + 1);
    expect(repos.db.prepare('SELECT message_external_id FROM pending_message_signals ORDER BY id').pluck().all()).toEqual(['OTHER-ID', 'THIRD-ID']);
    expect(apply(repos, echo(), NOW + PENDING_SIGNAL_WINDOW_MS + 2)).toMatchObject({ messagesStored: 1, signalsStored: 0 });
    expect(messageRow(repos)?.seen).toBe(false);
  });

  it('forget counts and removes the person\'s waiting signals; retention removes those of messages past their time', () => {
    const { repos, account } = setUp();
    repos.inbox.upsertPerson(account, { idKind: 'igsid', externalId: PERSON, username: 'parcel.person' }, 1);
    apply(repos, seenSample());
    apply(repos, sampleWith({ reaction: { mid: 'MESSAGE-ID', action: 'react', emoji: '👍' } }, READ_AT + 1, true));
    const target = { handleOrId: 'parcel.person' };
    expect(previewForget(repos.db, target).counts).toMatchObject({ pending_message_signals: 2 });
    forgetPerson(repos, target, NOW);
    expect(pendingCount(repos)).toBe(0);

    apply(repos, seenSample());
    applyRetention(repos, { ...KEEP_FOREVER, messageText: 30 }, false, READ_AT + 29 * 86_400_000, 'test');
    expect(pendingCount(repos)).toBe(1);
    applyRetention(repos, { ...KEEP_FOREVER, messageText: 30 }, false, READ_AT + 31 * 86_400_000, 'test');
    expect(pendingCount(repos)).toBe(0);
  });

  it('forget by Meta id finds the waiting signals of someone the store has no row for yet', () => {
    const { repos } = setUp();
    // An edit carries the person's new words: it must not outlive a forget just because their message never came.
    apply(repos, sampleWith({ message_edit: { mid: 'THEIR-UNSEEN-MID', text: 'my new address is 4 Elm Row', num_edit: 1 } }));
    apply(repos, seenSample());
    expect(repos.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect(pendingCount(repos)).toBe(2);
    const target = { handleOrId: PERSON };
    const preview = previewForget(repos.db, target);
    expect(preview.people).toEqual([]);
    expect(preview.counts).toMatchObject({ pending_message_signals: 2 });
    forgetPerson(repos, target, NOW);
    expect(pendingCount(repos)).toBe(0);
    // Someone else's id finds nothing, and says so.
    apply(repos, seenSample());
    expect(() => forgetPerson(repos, { handleOrId: '999000111' }, NOW)).toThrow(/Nothing stored here belongs to that person/);
    expect(pendingCount(repos)).toBe(1);
  });
});
