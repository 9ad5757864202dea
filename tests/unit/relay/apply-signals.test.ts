/**
 * Reactions, edits and seen receipts from Meta's messaging webhooks: stored once, in order, and
 * shown by the thread query. The seen receipt is Meta's real sample; reactions and edits use the
 * shapes of Meta's webhook reference (no real sample is in tests/fixtures/meta).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookBody } from '../../../src-main/meta/webhooks';
import { applyWebhookEvents } from '../../../src-main/relay/apply-webhook';
import { openDatabase } from '../../../src-main/store/database';
import { threadMessages } from '../../../src-main/store/repositories/inbox-queries';
import { createRepositories, type Repositories } from '../../../src-main/store/repositories';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

const PAGE = '1111';
const PSID = '2222';
/** Meta's times are epoch ms (small numbers would read as seconds). */
const T = 1_764_000_000_000;

function setUp(network: 'facebook' | 'instagram' = 'facebook', business = PAGE, person = PSID) {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const r: Repositories = createRepositories(openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 3) }));
  const account = r.accounts.upsert({ network, externalId: business, name: 'Brand', loginKind: 'system_user' }, 1);
  const personId = r.inbox.upsertPerson(account, { idKind: network === 'instagram' ? 'igsid' : 'psid', externalId: person }, 1);
  const thread = r.inbox.upsertConversation(account, { externalId: 't_1', platform: network === 'instagram' ? 'instagram' : 'messenger', personId, updatedAt: 1 });
  r.inbox.upsertMessage(thread, { externalId: 'm_in', direction: 'in', sentAt: T + 1_000, text: 'Is the blue one back?' }, 1);
  r.inbox.upsertMessage(thread, { externalId: 'm_out1', direction: 'out', sentAt: T + 2_000, text: 'Yes, since Monday.' }, 1);
  r.inbox.upsertMessage(thread, { externalId: 'MESSAGE-ID', direction: 'out', sentAt: T + 3_000, text: 'Want me to hold one?' }, 1);
  return { r, thread };
}

const messenger = (event: Record<string, unknown>, fromBusiness = false, timestamp = T + 5_000) =>
  JSON.stringify({
    object: 'page',
    entry: [{ id: PAGE, time: timestamp, messaging: [{ sender: { id: fromBusiness ? PAGE : PSID }, recipient: { id: fromBusiness ? PSID : PAGE }, timestamp, ...event }] }],
  });

const byExternal = (r: Repositories, thread: number) =>
  Object.fromEntries(threadMessages(r.db, thread, 50, null).map((m) => [r.db.prepare('SELECT external_id FROM messages WHERE id = ?').pluck().get(m.id) as string, m]));

describe('webhook signals', () => {
  it('shows a reaction under the message, once, and removes it on unreact even if the react is redelivered later', () => {
    const { r, thread } = setUp();
    const react = messenger({ reaction: { reaction: 'love', emoji: '\u2764\uFE0F', action: 'react', mid: 'm_out1' } }, false, T + 5_000);
    expect(applyWebhookEvents(r, parseWebhookBody(react), 9)).toMatchObject({ signalsStored: 1, ignored: 0 });
    expect(applyWebhookEvents(r, parseWebhookBody(react), 9)).toMatchObject({ signalsStored: 0, ignored: 0 });
    expect(byExternal(r, thread).m_out1?.reactions).toEqual([{ emoji: '❤️', reaction: 'love', byBusiness: false }]);
    // The business reacts too: a second chip, by the other side.
    applyWebhookEvents(r, parseWebhookBody(messenger({ reaction: { reaction: 'like', emoji: '👍', action: 'react', mid: 'm_in' } }, true, T + 5_500)), 9);
    expect(byExternal(r, thread).m_in?.reactions).toEqual([{ emoji: '👍', reaction: 'like', byBusiness: true }]);
    // Unreact (no emoji, as Meta sends it), then the older react arrives again: it stays removed.
    applyWebhookEvents(r, parseWebhookBody(messenger({ reaction: { action: 'unreact', mid: 'm_out1' } }, false, T + 6_000)), 9);
    applyWebhookEvents(r, parseWebhookBody(react), 9);
    expect(byExternal(r, thread).m_out1?.reactions).toEqual([]);
  });

  it('replaces the text of an edited message, marks it edited, reindexes it, and ignores an older edit arriving late', () => {
    const { r, thread } = setUp();
    const edit = (text: string, n: number, at: number) => parseWebhookBody(messenger({ message_edit: { mid: 'm_in', text, num_edit: n } }, false, at));
    expect(applyWebhookEvents(r, edit('Is the navy one back?', 2, T + 7_000), 9)).toMatchObject({ signalsStored: 1 });
    expect(applyWebhookEvents(r, edit('Is the green one back?', 1, T + 6_000), 9)).toMatchObject({ signalsStored: 0 });
    const m = byExternal(r, thread).m_in;
    expect(m).toMatchObject({ text: 'Is the navy one back?', editedAt: T + 7_000 });
    const search = (word: string) => r.db.prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(word);
    expect(search('navy')).toBe(1);
    expect(search('blue')).toBe(0);
  });

  it('an edit of a message the store lacks waits and asks for a sync (which reads the current text); a reaction to one waits for its message', () => {
    const { r } = setUp();
    expect(applyWebhookEvents(r, parseWebhookBody(messenger({ message_edit: { mid: 'm_unknown', text: 'x', num_edit: 1 } })), 9)).toMatchObject({ signalsStored: 0, signalsPending: 1, ignored: 0, needsSync: true });
    expect(applyWebhookEvents(r, parseWebhookBody(messenger({ reaction: { action: 'react', emoji: '😮', mid: 'm_unknown' } })), 9)).toMatchObject({ signalsStored: 0, signalsPending: 1, ignored: 0, needsSync: false });
  });

  it('marks "Seen" on our newest message the person has read: Instagram names the mid (Meta\'s real sample)', () => {
    const sample = readFileSync(join(import.meta.dirname, '../../fixtures/meta/ig-messaging-webhook-seen.json'), 'utf8');
    const { r, thread } = setUp('instagram', '17841452691600098', '5614879045272581');
    expect(Object.values(byExternal(r, thread)).some((m) => m.seen)).toBe(false);
    expect(applyWebhookEvents(r, parseWebhookBody(sample), 9)).toMatchObject({ signalsStored: 1, ignored: 0 });
    expect(applyWebhookEvents(r, parseWebhookBody(sample), 9)).toMatchObject({ signalsStored: 0 });
    const messages = byExternal(r, thread);
    expect(messages['MESSAGE-ID']?.seen).toBe(true);
    expect(messages.m_out1?.seen).toBe(false);
    expect(messages.m_in?.seen).toBe(false);
  });

  it('marks "Seen" from a Messenger watermark, never moving it back', () => {
    const { r, thread } = setUp();
    applyWebhookEvents(r, parseWebhookBody(messenger({ read: { watermark: T + 2_500 } })), 9);
    expect(Object.entries(byExternal(r, thread)).filter(([, m]) => m.seen).map(([id]) => id)).toEqual(['m_out1']);
    applyWebhookEvents(r, parseWebhookBody(messenger({ read: { watermark: T + 9_000 } })), 9);
    applyWebhookEvents(r, parseWebhookBody(messenger({ read: { watermark: T + 2_500 } })), 9);
    expect(Object.entries(byExternal(r, thread)).filter(([, m]) => m.seen).map(([id]) => id)).toEqual(['MESSAGE-ID']);
  });

  it('removes reactions and the seen mark with the messages and thread they describe', () => {
    const { r, thread } = setUp();
    applyWebhookEvents(r, parseWebhookBody(messenger({ reaction: { action: 'react', emoji: '😮', mid: 'm_out1' } })), 9);
    applyWebhookEvents(r, parseWebhookBody(messenger({ read: { watermark: T + 9_000 } })), 9);
    r.db.prepare('DELETE FROM conversations WHERE id = ?').run(thread);
    expect(r.db.prepare('SELECT (SELECT count(*) FROM message_reactions) + (SELECT count(*) FROM conversation_seen)').pluck().get()).toBe(0);
  });
});
