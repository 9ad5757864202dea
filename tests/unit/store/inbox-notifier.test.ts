import { beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src-main/store/repositories';
import { AppEvents } from '../../../src-main/core/events';
import { createInboxNotifier, NOTICE_QUIET_MS, openNoticeTarget } from '../../../src-main/services/inbox-notifier';
import { useTempStore } from '../../support/temp-store';

const T0 = Date.UTC(2026, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const store = useTempStore(5);
let repos: Repositories;
let now = T0;
let enabled = true;
let looking = false;

beforeEach(() => {
  ({ repos } = store);
  now = T0;
  enabled = true;
  looking = false;
});

const notifier = () => createInboxNotifier({ repos: () => repos, enabled: () => enabled, now: () => now, userIsLooking: () => looking });

function seedThread(messageAt: number, externalId = 't1') {
  const account = repos.accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Café', handle: 'cafe', loginKind: 'demo' }, T0);
  const person = repos.inbox.upsertPerson(account, { idKind: 'igsid', externalId: `p-${externalId}`, name: 'Mia' }, T0);
  const conversation = repos.inbox.upsertConversation(account, { externalId, platform: 'instagram', personId: person, updatedAt: messageAt });
  repos.inbox.upsertMessage(conversation, { externalId: `m${messageAt}`, direction: 'in', sentAt: messageAt, text: 'secret order details' }, messageAt);
  const post = repos.posts.upsert(account, { externalId: 'p', publishedAt: T0 - 1 }, T0);
  return { account, conversation, post };
}

/** A message from the customer, written at `sentAt` and stored (synced) now. */
function arrives(conversation: number, id: string, sentAt: number) {
  repos.inbox.upsertMessage(conversation, { externalId: id, direction: 'in', sentAt, text: 'secret' }, now);
}

describe('inbox notifications', () => {
  it('stays quiet on the first look (history), then counts what arrived since, without any name or message text', () => {
    const n = notifier();
    const { account, conversation, post } = seedThread(T0 - 1000);
    expect(n.check({ what: ['all'] }).notice).toBeNull();

    now = T0 + 60_000;
    arrives(conversation, 'new1', T0 + 10_000);
    repos.inbox.upsertMessage(conversation, { externalId: 'ours', direction: 'out', sentAt: T0 + 20_000, text: 'reply' }, now);
    repos.comments.upsert(account, post, { externalId: 'c1', personId: null, authorUsername: 'fan', text: 'Nice', createdAt: T0 + 30_000 }, now);
    repos.comments.upsert(account, post, { externalId: 'c2', personId: null, authorUsername: 'cafe', text: 'Thanks', createdAt: T0 + 40_000 }, now);
    const decision = n.check({ what: ['all'] });
    expect(decision).toEqual({ notice: { title: 'Social Desk', body: '1 new message and 1 new comment', conversationId: conversation }, flushAt: null });
    expect(JSON.stringify(decision)).not.toMatch(/secret|Mia|Nice|fan/);

    now += NOTICE_QUIET_MS;
    expect(n.check({ what: ['all'] }).notice, 'nothing new since the last notice').toBeNull();
    expect(n.check({ what: ['insights'] }).notice, 'unrelated changes are ignored').toBeNull();
  });

  it('coalesces: news within a minute of a notice waits and goes out as one notice', () => {
    const n = notifier();
    const { conversation } = seedThread(T0 - 1000);
    const other = seedThread(T0 - 1000, 't2').conversation;
    n.check({ what: ['messages'] });

    now = T0 + 1_000;
    arrives(conversation, 'a', T0 + 500);
    expect(n.check({ what: ['messages'] }).notice?.body).toBe('1 new message');

    // The next account's sync, moments later: held until the quiet time ends, then counted together.
    now = T0 + 11_000;
    arrives(other, 'b', T0 + 10_000);
    expect(n.check({ what: ['messages'] })).toEqual({ notice: null, flushAt: T0 + 1_000 + NOTICE_QUIET_MS });
    now = T0 + 21_000;
    arrives(conversation, 'c', T0 + 20_000);
    expect(n.check({ what: ['messages'] })).toEqual({ notice: null, flushAt: T0 + 1_000 + NOTICE_QUIET_MS });
    expect(n.flush().notice, 'not before the quiet time is over').toBeNull();
    now = T0 + 1_000 + NOTICE_QUIET_MS;
    expect(n.flush()).toEqual({ notice: { title: 'Social Desk', body: '2 new messages in 2 conversations', conversationId: conversation }, flushAt: null });
    expect(n.flush().notice, 'shown once').toBeNull();
  });

  it('counts by arrival: a message written before the last look but synced after it is news; last week’s back-fill is not', () => {
    const n = notifier();
    const { conversation } = seedThread(T0 - 1000);
    n.check({ what: ['messages'] });
    now = T0 + 30_000;
    arrives(conversation, 'late', T0 - 20_000);
    arrives(conversation, 'history', T0 - 7 * DAY);
    expect(n.check({ what: ['messages'] }).notice?.body).toBe('1 new message');
  });

  it('says nothing while the app is in front, and does not raise it later', () => {
    const n = notifier();
    const { conversation } = seedThread(T0 - 1000);
    n.check({ what: ['messages'] });
    looking = true;
    now = T0 + 5_000;
    arrives(conversation, 'seen', T0 + 4_000);
    expect(n.check({ what: ['messages'] }).notice).toBeNull();
    looking = false;
    now = T0 + 10_000;
    expect(n.check({ what: ['messages'] }).notice).toBeNull();
  });

  it('respects the setting and counts the app badge like the Inbox badge', () => {
    const n = notifier();
    const { conversation } = seedThread(T0 - 1000);
    n.check({ what: ['messages'] });
    enabled = false;
    now = T0 + 60_000;
    arrives(conversation, 'n', T0 + 1);
    repos.inbox.refreshConversationTimes(conversation);
    expect(n.check({ what: ['messages'] }).notice).toBeNull();
    expect(n.badgeCount()).toBe(1);
    repos.triage.markRead(conversation, true, now);
    expect(n.badgeCount()).toBe(0);
  });

  it('a click opens the newest thread with a new message, or the Comments view when only comments arrived', () => {
    const n = notifier();
    const { account, conversation, post } = seedThread(T0 - 1000);
    n.check({ what: ['all'] });
    const events = new AppEvents();
    const opened: string[] = [];
    events.on('inbox:open-conversation', ({ conversationId }) => opened.push(`conversation ${conversationId}`));
    events.on('inbox:open-comments', () => opened.push('comments'));

    now = T0 + 60_000;
    repos.comments.upsert(account, post, { externalId: 'c1', personId: null, authorUsername: 'fan', text: 'Nice', createdAt: T0 + 30_000 }, now);
    const commentsOnly = n.check({ what: ['comments'] }).notice;
    expect(commentsOnly?.body).toBe('1 new comment');
    openNoticeTarget(commentsOnly as NonNullable<typeof commentsOnly>, events);
    expect(opened).toEqual(['comments']);

    now += NOTICE_QUIET_MS;
    arrives(conversation, 'm-new', now - 1);
    const message = n.check({ what: ['messages'] }).notice;
    openNoticeTarget(message as NonNullable<typeof message>, events);
    expect(opened).toEqual(['comments', `conversation ${conversation}`]);
  });
});
