import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { createRepositories, type Repositories } from '../../../src-main/store/repositories';
import { createInboxNotifier } from '../../../src-main/services/inbox-notifier';
import { makeTempDir } from '../../support/temp-dir';

const T0 = Date.UTC(2026, 5, 1);
let db: Db;
let repos: Repositories;
let cleanup = () => {};
let now = T0;
let enabled = true;

beforeEach(() => {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 5), migrate: true });
  repos = createRepositories(db);
  now = T0;
  enabled = true;
});
afterEach(() => {
  db.close();
  cleanup();
});

function seedThread(messageAt: number) {
  const account = repos.accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Café', handle: 'cafe', loginKind: 'demo' }, T0);
  const person = repos.inbox.upsertPerson(account, { idKind: 'igsid', externalId: '9', name: 'Mia' }, T0);
  const conversation = repos.inbox.upsertConversation(account, { externalId: 't1', platform: 'instagram', personId: person, updatedAt: messageAt });
  repos.inbox.upsertMessage(conversation, { externalId: `m${messageAt}`, direction: 'in', sentAt: messageAt, text: 'secret order details' }, messageAt);
  const post = repos.posts.upsert(account, { externalId: 'p', publishedAt: T0 - 1 }, T0);
  return { account, conversation, post };
}

describe('inbox notifications', () => {
  it('stays quiet on the first look (history), then counts what arrived since, without any message text', () => {
    const notifier = createInboxNotifier({ repos: () => repos, enabled: () => enabled, now: () => now });
    const { account, conversation, post } = seedThread(T0 - 1000);
    expect(notifier.check({ what: ['all'] })).toBeNull();

    now = T0 + 60_000;
    repos.inbox.upsertMessage(conversation, { externalId: 'new1', direction: 'in', sentAt: T0 + 10_000, text: 'secret' }, now);
    repos.inbox.upsertMessage(conversation, { externalId: 'ours', direction: 'out', sentAt: T0 + 20_000, text: 'reply' }, now);
    repos.comments.upsert(account, post, { externalId: 'c1', personId: null, authorUsername: 'fan', text: 'Nice', createdAt: T0 + 30_000 }, now);
    repos.comments.upsert(account, post, { externalId: 'c2', personId: null, authorUsername: 'cafe', text: 'Thanks', createdAt: T0 + 40_000 }, now);
    const notice = notifier.check({ what: ['all'] });
    expect(notice).toEqual({ title: 'Social Desk', body: '1 new message and 1 new comment', conversationId: conversation });
    expect(JSON.stringify(notice)).not.toContain('secret');

    now += 60_000;
    expect(notifier.check({ what: ['all'] }), 'nothing new since the last notice').toBeNull();
    expect(notifier.check({ what: ['insights'] }), 'unrelated changes are ignored').toBeNull();
  });

  it('respects the setting and counts the app badge like the Inbox badge', () => {
    const notifier = createInboxNotifier({ repos: () => repos, enabled: () => enabled, now: () => now });
    const { conversation } = seedThread(T0 - 1000);
    notifier.check({ what: ['messages'] });
    enabled = false;
    now = T0 + 60_000;
    repos.inbox.upsertMessage(conversation, { externalId: 'n', direction: 'in', sentAt: T0 + 1, text: 'hi' }, now);
    repos.inbox.refreshConversationTimes(conversation);
    expect(notifier.check({ what: ['messages'] })).toBeNull();
    expect(notifier.badgeCount()).toBe(1);
    repos.triage.markRead(conversation, true, now);
    expect(notifier.badgeCount()).toBe(0);
  });
});
