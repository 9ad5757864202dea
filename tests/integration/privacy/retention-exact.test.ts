import { describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../../src-preload/contract';
import { describeAudit } from '../../../src-main/privacy/audit-words';
import { applyRetention, KEEP_FOREVER, previewRetention, retentionMismatch } from '../../../src-main/privacy/retention';
import { useTempStore } from '../../support/temp-store';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const store = useTempStore();
const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;

/**
 * Rows where the classes overlap, which a per-class count would take twice or promise in vain:
 * - an old message with an attachment, which the message window removes whole;
 * - a named person whose only conversation the message window empties (text-only would promise to
 *   scrub them, but the scrub runs after the conversation is gone);
 * - a named person the engaged-people window deletes, whose conversation stays.
 */
function seed(): { emptied: number; kept: number } {
  const { repos } = store;
  const accountId = repos.accounts.upsert({ network: 'instagram', externalId: 'ig', name: 'Brand', handle: 'brand', loginKind: 'demo' }, NOW);
  const person = (externalId: string, lastSeen: number) =>
    repos.inbox.upsertPerson(accountId, { idKind: 'igsid', externalId, username: `user${externalId}`, name: `Name ${externalId}` }, lastSeen);
  const conversation = (externalId: string, personId: number, messages: Array<{ daysAgo: number; attachment?: boolean }>) => {
    const id = repos.inbox.upsertConversation(accountId, { externalId, platform: 'instagram', personId, updatedAt: NOW });
    messages.forEach((m, i) =>
      repos.inbox.upsertMessage(
        id,
        { externalId: `${externalId}-${i}`, direction: 'in', sentAt: NOW - m.daysAgo * DAY, text: `hello ${i}`, ...(m.attachment ? { attachments: [{ type: 'image', url: 'https://cdn.example/x.jpg' }] } : {}) },
        NOW,
      ),
    );
    repos.inbox.refreshConversationTimes(id);
    return id;
  };
  // Emptied: every message older than 30 days, two with attachments; the person was seen recently.
  const emptied = conversation('emptied', person('1', NOW - DAY), [{ daysAgo: 40, attachment: true }, { daysAgo: 35, attachment: true }, { daysAgo: 31 }]);
  // Kept, with one old message (attachment) removed, one 10-day-old attachment cleared, one recent message.
  const kept = conversation('kept', person('2', NOW - DAY), [{ daysAgo: 45, attachment: true }, { daysAgo: 10, attachment: true }, { daysAgo: 1 }]);
  // Kept conversation whose person was last seen 60 days ago: the engaged-people window deletes them.
  conversation('stale-person', person('3', NOW - 60 * DAY), [{ daysAgo: 2 }]);
  return { emptied, kept };
}

describe('retention removes exactly what its preview counts, where classes overlap', () => {
  it('counts each removed row once, in the class that removes it, and the run removes exactly those', () => {
    seed();
    const policy: RetentionPolicy = { ...KEEP_FOREVER, messageText: 30, attachments: 7, engagedPeople: 30 };
    const preview = previewRetention(store.db, policy, true, NOW);
    const byName = Object.fromEntries(preview.classes.map((c) => [c.name, c.count]));
    expect(byName).toMatchObject({ messageText: 4, attachments: 1, engagedPeople: 1 });
    expect(preview.conversationsEmptied).toBe(1);
    // Only person 2 keeps both a name and a conversation after the classes ran.
    expect(preview.namesScrubbed).toBe(1);

    const before = {
      messages: count('SELECT count(*) FROM messages'),
      attachments: count('SELECT count(*) FROM messages WHERE attachments IS NOT NULL'),
      people: count('SELECT count(*) FROM people'),
      conversations: count('SELECT count(*) FROM conversations'),
    };
    const run = applyRetention(store.repos, policy, true, NOW + 60_000, 'confirmed', { asOf: preview.asOf, expectedTotal: preview.total });
    expect(run.total).toBe(preview.total);
    expect(count('SELECT count(*) FROM messages')).toBe(before.messages - byName.messageText!);
    // The attachments still there before, less those removed with their messages, less those cleared.
    expect(count('SELECT count(*) FROM messages WHERE attachments IS NOT NULL')).toBe(0);
    expect(before.attachments).toBe(4);
    expect(count('SELECT count(*) FROM people')).toBe(before.people - byName.engagedPeople!);
    expect(count('SELECT count(*) FROM conversations')).toBe(before.conversations - preview.conversationsEmptied);
    expect(count(`SELECT count(*) FROM people WHERE name IS NOT NULL OR username IS NOT NULL`)).toBe(1);
    expect(count(`SELECT count(*) FROM people WHERE name = 'Name 1'`)).toBe(1);
  });

  it('names the first class whose removal differs from its preview', () => {
    seed();
    const preview = previewRetention(store.db, { ...KEEP_FOREVER, messageText: 30 }, false, NOW);
    expect(retentionMismatch(preview, { messageText: 4, conversationsEmptied: 1 })).toBeNull();
    expect(retentionMismatch(preview, { messageText: 5, conversationsEmptied: 1 })).toBe('it would have removed 5 messages where the preview counted 4');
    expect(retentionMismatch(preview, { messageText: 4, conversationsEmptied: 0 })).toBe('it would have removed 0 emptied conversations where the preview counted 1');
  });

  it("lists the staff's notes, labels and outbox replies that go with emptied conversations, and the audit names them", () => {
    const { emptied, kept } = seed();
    const { repos } = store;
    const accountId = store.db.prepare('SELECT id FROM accounts').pluck().get() as number;
    for (const id of [emptied, kept]) {
      repos.triage.setNote(id, 'Asked for a refund, waiting on the courier', NOW);
      repos.triage.setLabels(id, ['refund', 'vip'], NOW);
      repos.outbox.enqueue({ accountId, kind: 'message', conversationId: id, targetExternalId: 'igsid', text: 'Any news?' }, NOW);
    }
    const policy: RetentionPolicy = { ...KEEP_FOREVER, messageText: 30 };
    const preview = previewRetention(store.db, policy, false, NOW);
    expect(preview.conversationsEmptied).toBe(1);
    // Only the emptied conversation's: the kept one keeps its note, labels and reply.
    expect(preview.emptiedWith).toEqual({ notes: 1, labels: 2, outboxItems: 1 });

    applyRetention(store.repos, policy, false, NOW, 'confirmed', { asOf: preview.asOf, expectedTotal: preview.total });
    expect(count('SELECT count(*) FROM conversation_triage WHERE note IS NOT NULL')).toBe(1);
    expect(count('SELECT count(*) FROM conversation_labels')).toBe(2);
    expect(count('SELECT count(*) FROM outbox')).toBe(1);
    const entry = repos.audit.list(5).find((r) => r.action === 'retention.applied');
    expect(entry && describeAudit(entry).summary).toBe(
      'Retention ran (confirmed): 4 messages, 1 emptied conversation removed; with those conversations, 1 internal note, 2 labels, 1 reply in the outbox',
    );
  });

  it('lists nothing extra when no conversation is emptied', () => {
    seed();
    const preview = previewRetention(store.db, { ...KEEP_FOREVER, messageText: 50 }, false, NOW);
    expect(preview.conversationsEmptied).toBe(0);
    expect(preview.emptiedWith).toEqual({ notes: 0, labels: 0, outboxItems: 0 });
  });
});
