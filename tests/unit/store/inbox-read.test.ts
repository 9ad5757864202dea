import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src-main/store/database';
import { countRows, type Repositories } from '../../../src-main/store/repositories';
import { ALL_CONVERSATIONS } from '../../../src-main/store/repositories/inbox-queries';
import { matchRanges, readableName, snippetRuns, attachmentKind } from '../../../src-main/store/repositories/inbox-text';
import { useTempStore } from '../../support/temp-store';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 10, 12);
const store = useTempStore(3);
let db: Db;
let repos: Repositories;

beforeEach(() => {
  ({ db, repos } = store);
});

function account(name: string, network: 'instagram' | 'facebook', externalId: string, handle: string | null = null) {
  return repos.accounts.upsert({ network, externalId, name, handle, loginKind: 'demo' }, NOW);
}

function thread(accountId: number, platform: 'instagram' | 'messenger', who: { name?: string | null; username?: string | null; id: string }, messages: Array<[number, 'in' | 'out', string | null, Record<string, unknown>?]>) {
  const personId = repos.inbox.upsertPerson(accountId, { idKind: platform === 'instagram' ? 'igsid' : 'psid', externalId: who.id, name: who.name ?? null, username: who.username ?? null }, NOW);
  const last = Math.max(...messages.map((m) => m[0]));
  const id = repos.inbox.upsertConversation(accountId, { externalId: `t_${who.id}`, platform, personId, updatedAt: NOW - last * HOUR });
  messages.forEach(([hoursAgo, direction, text, extra], i) =>
    repos.inbox.upsertMessage(id, { externalId: `m_${who.id}_${i}`, direction, sentAt: NOW - hoursAgo * HOUR, text, ...extra }, NOW),
  );
  repos.inbox.refreshConversationTimes(id);
  return id;
}

function seed() {
  const cafe = account('Café Lumen', 'instagram', '1784');
  const studio = account('Studio Page', 'facebook', '1055');
  const mia = thread(cafe, 'instagram', { name: 'Mia', id: '11' }, [[30, 'in', 'Hello, is the blue mug back?'], [29, 'out', 'Yes, tomorrow!']]);
  const omar = thread(cafe, 'instagram', { name: '\u200B\u200D', username: 'omar.h', id: '12' }, [[2, 'in', 'Price [list] please']]);
  const zed = thread(studio, 'messenger', { id: '99' }, [[200, 'in', 'Old question'], [1, 'in', 'Hello again', { attachments: [{ image_data: { url: 'x' } }] }]]);
  return { cafe, studio, mia, omar, zed };
}

describe('conversation list queries', () => {
  it('lists across accounts newest first with account, channel, "You:", window and readable names', () => {
    const { mia, omar, zed } = seed();
    const page = repos.inbox.queryConversations(ALL_CONVERSATIONS, 0, 50, NOW);
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.id)).toEqual([zed, omar, mia]);
    const [z, o, m] = page.items;
    expect(z).toMatchObject({ accountName: 'Studio Page', platform: 'messenger', personName: 'Person 99', replyWindow: 'open', needsReply: true, unread: true, lastMessageAttachments: ['image'] });
    expect(o?.lastMessageAttachments).toEqual([]);
    expect(o).toMatchObject({ personName: '@omar.h', accountName: 'Café Lumen' });
    // 30 h after their message: closed, unless Meta approved Human Agent replies for the account.
    expect(m).toMatchObject({ lastMessageText: 'Yes, tomorrow!', lastMessageFromUs: true, needsReply: false, replyWindow: 'closed', humanAgentAllowed: false, replyWindowEndsAt: null });
    repos.outbox.setHumanAgentAllowed(m!.accountId, true, NOW);
    expect(repos.inbox.getConversation(mia, NOW)).toMatchObject({ replyWindow: 'human-agent', humanAgentAllowed: true });
    expect(repos.inbox.searchMessages({ query: 'blue mug', accountId: null, platform: null, from: null, to: null, offset: 0, limit: 5 }, NOW).hits[0]).toMatchObject({ conversationId: mia, replyWindow: 'human-agent' });
  });

  it('filters by account, channel, unread, needs reply, window, label and done, with counts that agree', () => {
    const { cafe, mia, omar, zed } = seed();
    const q = (f: Partial<typeof ALL_CONVERSATIONS>) => repos.inbox.queryConversations({ ...ALL_CONVERSATIONS, ...f }, 0, 50, NOW);
    expect(q({ accountId: cafe }).items.map((c) => c.id)).toEqual([omar, mia]);
    expect(q({ platform: 'messenger' }).items.map((c) => c.id)).toEqual([zed]);
    expect(q({ needsReply: true }).total).toBe(2);
    expect(q({ windowOpen: true }).items.map((c) => c.id)).toEqual([zed, omar]);

    repos.triage.markRead(omar, true, NOW);
    // Mia's thread ends with our reply, which read what she wrote: not unread, though never opened here.
    expect(q({ unread: true }).items.map((c) => c.id)).toEqual([zed]);
    repos.triage.markRead(mia, false, NOW);
    expect(q({ unread: true }).items.map((c) => c.id)).toEqual([zed, mia]);
    repos.triage.markRead(mia, true, NOW);
    repos.triage.setLabels(mia, [' VIP ', 'vip', 'refund'], NOW);
    expect(q({ label: 'VIP' }).items.map((c) => c.id)).toEqual([mia]);
    repos.triage.setDone(zed, true, NOW);
    expect(q({ state: 'done' }).items.map((c) => c.id)).toEqual([zed]);
    expect(q({ state: 'open' }).total).toBe(2);

    const counts = repos.inbox.counts(NOW);
    expect(counts).toMatchObject({ total: 3, unread: 1, needsReply: 2, windowOpen: 2, done: 1 });
    expect(counts.byLabel).toEqual([{ label: 'VIP', count: 1 }, { label: 'refund', count: 1 }]);
    expect(counts.byPlatform).toEqual([{ platform: 'instagram', count: 2 }, { platform: 'messenger', count: 1 }]);
    expect(counts.total).toBe(countRows(db).conversations);
  });

  it('"closing soon" finds open windows that end within 3 hours, and counts them', () => {
    const { cafe } = seed();
    const late = thread(cafe, 'instagram', { name: 'Lou', id: '13' }, [[22, 'in', 'Still there?']]);
    const edge = thread(cafe, 'instagram', { name: 'Ada', id: '14' }, [[20.5, 'in', 'Any news?']]);
    const soon = repos.inbox.queryConversations({ ...ALL_CONVERSATIONS, closingSoon: true }, 0, 50, NOW);
    expect(soon.items.map((c) => c.id)).toEqual([late]);
    expect(soon.total).toBe(1);
    expect(repos.inbox.counts(NOW)).toMatchObject({ windowOpen: 4, closingSoon: 1 });
    // An hour later, the 20.5-hour-old one is closing soon too; the others are not.
    expect(repos.inbox.queryConversations({ ...ALL_CONVERSATIONS, closingSoon: true }, 0, 50, NOW + HOUR).items.map((c) => c.id)).toEqual([edge, late]);
  });

  it('a done conversation reopens when the person writes again; mark all read clears unread', () => {
    const { zed } = seed();
    repos.triage.setDone(zed, true, NOW);
    repos.inbox.upsertMessage(zed, { externalId: 'late', direction: 'in', sentAt: NOW + HOUR, text: 'one more thing' }, NOW);
    repos.inbox.refreshConversationTimes(zed);
    expect(repos.inbox.getConversation(zed, NOW + 2 * HOUR)?.done).toBe(false);
    repos.triage.markAllRead(NOW + 2 * HOUR);
    expect(repos.inbox.counts(NOW + 2 * HOUR).unread).toBe(0);
    repos.triage.markRead(zed, false, NOW);
    expect(repos.inbox.counts(NOW + 2 * HOUR).unread).toBe(1);
  });

  it('counts unread exactly as the unread filter lists them, whatever mix of marks', () => {
    const { mia, omar, zed } = seed();
    const agree = () => {
      const listed = repos.inbox.queryConversations({ ...ALL_CONVERSATIONS, unread: true }, 0, 50, NOW).total;
      expect(repos.inbox.counts(NOW).unread).toBe(listed);
    };
    agree();
    repos.triage.markRead(mia, true, NOW);
    agree();
    repos.triage.markRead(mia, false, NOW);
    agree();
    repos.triage.markRead(omar, true, NOW);
    repos.triage.markRead(omar, false, NOW);
    agree();
    repos.triage.markAllRead(NOW - 5 * HOUR);
    repos.triage.markRead(zed, false, NOW);
    agree();
  });

  it('a conversation emptied by retention stays in the list, in place, and says so', () => {
    const { mia, omar, zed } = seed();
    repos.inbox.deleteMessagesBefore(NOW - 10 * HOUR);
    const page = repos.inbox.queryConversations(ALL_CONVERSATIONS, 0, 50, NOW);
    expect(page.total).toBe(countRows(db).conversations);
    expect(page.items.map((c) => c.id)).toEqual([zed, omar, mia]);
    expect(page.items.find((c) => c.id === mia)).toMatchObject({ emptiedByRetention: true, lastMessageText: null, messageCount: 0 });
    expect(repos.inbox.counts(NOW).emptiedByRetention).toBe(1);
    // Paging by offset reaches it too.
    expect(repos.inbox.queryConversations(ALL_CONVERSATIONS, 2, 1, NOW).items[0]?.id).toBe(mia);
  });
});

describe('thread and search queries', () => {
  it('leaves unsent messages out, types attachments and links replies to the message they answer', () => {
    const { zed } = seed();
    repos.inbox.upsertMessage(zed, { externalId: 'r1', direction: 'out', sentAt: NOW - HOUR / 2, text: 'Hi!', replyToExternalId: 'm_99_1' }, NOW);
    repos.inbox.upsertMessage(zed, { externalId: 'gone', direction: 'in', sentAt: NOW - HOUR / 4, text: null, isDeleted: true }, NOW);
    const messages = repos.inbox.getMessages(zed, 50, null);
    expect(messages.map((m) => m.text)).toEqual(['Hi!', 'Hello again', 'Old question']);
    expect(messages[1]?.attachments).toEqual(['image']);
    expect(messages[0]?.replyTo).toEqual({ messageId: messages[1]?.id, direction: 'in', text: 'Hello again' });
  });

  it('pages every hit with the total and filters by account, channel and date', () => {
    const { cafe } = seed();
    const base = { query: 'again', accountId: null, platform: null, from: null, to: null, offset: 0, limit: 10 };
    expect(repos.inbox.searchMessages(base, NOW)).toMatchObject({ total: 1, hits: [{ personName: 'Person 99', platform: 'messenger', replyWindow: 'open' }] });
    expect(repos.inbox.searchMessages({ ...base, accountId: cafe }, NOW).total).toBe(0);
    const hello = { ...base, query: 'hello' };
    const first = repos.inbox.searchMessages({ ...hello, limit: 1 }, NOW);
    expect(first).toMatchObject({ total: 2, hits: [{ snippet: 'Hello again' }] });
    expect(repos.inbox.searchMessages({ ...hello, offset: 1 }, NOW).hits.map((h) => h.snippet)).toEqual(['Hello, is the blue mug back?']);
    // A later page need not count every hit again.
    expect(repos.inbox.searchMessages({ ...hello, offset: 1, withTotal: false }, NOW)).toMatchObject({ total: null, hits: [{ snippet: 'Hello, is the blue mug back?' }] });
    expect(repos.inbox.searchMessages({ ...hello, platform: 'instagram' }, NOW).total).toBe(1);
    expect(repos.inbox.searchMessages({ ...hello, from: NOW - 3 * HOUR, to: NOW }, NOW).hits.map((h) => h.snippet)).toEqual(['Hello again']);
  });

  it('highlights by offsets: brackets in the text are text, not a match', () => {
    seed();
    const page = repos.inbox.searchMessages({ query: 'price', accountId: null, platform: null, from: null, to: null, offset: 0, limit: 10 }, NOW);
    expect(page.hits[0]?.runs).toEqual([
      { text: 'Price', match: true },
      { text: ' [list] please', match: false },
    ]);
    expect(matchRanges('Crème brûlée [creme]', 'creme')).toEqual([[0, 5], [14, 19]]);
    expect(snippetRuns('x'.repeat(500) + ' needle ' + 'y'.repeat(500), 'needle').snippet.length).toBeLessThan(200);
  });
});

describe('text helpers', () => {
  it('never gives a blank or invisible name', () => {
    expect(readableName('\u200B\u200C\u2060', null, '123')).toBe('Person 123');
    expect(readableName(' ', 'mia', '1')).toBe('@mia');
    expect(readableName('Ana', 'ana', '1')).toBe('Ana');
  });

  it('types attachments from the Graph and webhook shapes', () => {
    expect(attachmentKind({ type: 'story_mention', payload: {} })).toBe('story_mention');
    expect(attachmentKind({ type: 'ig_reel' })).toBe('reel');
    expect(attachmentKind({ type: 'share' })).toBe('shared_post');
    expect(attachmentKind({ mime_type: 'audio/mpeg', file_url: 'x' })).toBe('audio');
    expect(attachmentKind({ video_data: {} })).toBe('video');
    expect(attachmentKind({ mime_type: 'application/pdf', file_url: 'x' })).toBe('file');
    expect(attachmentKind({ type: 'unsupported_type' })).toBe('other');
  });
});

describe('triage and comments', () => {
  it('keeps saved replies, refuses a duplicate shortcut and counts new comments by others', () => {
    const { cafe } = seed();
    const saved = repos.triage.saveReply({ title: 'Thanks', body: 'Thank you!', shortcut: '/thanks' }, NOW);
    expect(saved).toMatchObject({ shortcut: 'thanks' });
    expect(() => repos.triage.saveReply({ title: 'Other', body: 'x', shortcut: 'thanks' }, NOW)).toThrow(/UNIQUE/);
    expect(repos.triage.listSavedReplies()).toHaveLength(1);

    const post = repos.posts.upsert(cafe, { externalId: 'p1', caption: 'New mugs', publishedAt: NOW - 48 * HOUR }, NOW);
    expect(repos.triage.badge(0, NOW).newComments).toBe(0);
    const c1 = { externalId: 'c1', personId: null, authorUsername: 'fan', text: 'Love it', createdAt: NOW + HOUR };
    // Synced (stored) after they were written, as a sync stores them: the badge counts by arrival.
    const synced = NOW + 4 * HOUR;
    repos.comments.upsert(cafe, post, c1, synced);
    repos.comments.upsert(cafe, post, { externalId: 'c2', personId: null, authorUsername: 'fan2', text: 'When?', createdAt: NOW + 2 * HOUR }, synced);
    repos.comments.upsert(cafe, post, { externalId: 'c3', parentExternalId: 'c1', personId: repos.inbox.upsertPerson(cafe, { idKind: 'ig_user', externalId: '1784' }, NOW), authorUsername: null, text: 'Thanks!', createdAt: NOW + 3 * HOUR }, synced);
    expect(repos.triage.badge(0, NOW).newComments).toBe(2);

    const threads = repos.comments.listThreads({ accountId: null, postId: null, unansweredOnly: false, offset: 0, limit: 10 });
    expect(threads.total).toBe(2);
    expect(threads.threads.map((t) => [t.text, t.unanswered, t.replies.map((r) => [r.text, r.fromUs])])).toEqual([
      ['When?', true, []],
      ['Love it', false, [['Thanks!', true]]],
    ]);
    expect(repos.comments.listThreads({ accountId: cafe, postId: post, unansweredOnly: true, offset: 0, limit: 10 }).threads.map((t) => t.text)).toEqual(['When?']);
    expect(repos.comments.commentedPosts(null)).toEqual([{ id: post, accountId: cafe, caption: 'New mugs', publishedAt: NOW - 48 * HOUR, comments: 3 }]);
    // Unanswered first: an older unanswered comment goes before a newer answered one.
    repos.comments.upsert(cafe, post, { externalId: 'c4', personId: null, authorUsername: 'fan3', text: 'Older question', createdAt: NOW - 2 * HOUR }, synced);
    const ordered = (unansweredFirst: boolean) => repos.comments.listThreads({ accountId: null, postId: null, unansweredOnly: false, unansweredFirst, offset: 0, limit: 10 }).threads.map((t) => t.text);
    expect(ordered(false)).toEqual(['When?', 'Love it', 'Older question']);
    expect(ordered(true)).toEqual(['When?', 'Older question', 'Love it']);
  });
});
