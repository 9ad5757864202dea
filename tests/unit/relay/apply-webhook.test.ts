/**
 * Routing Meta's real webhook samples (tests/fixtures/meta) into the store: DMs and echoes into
 * the person's thread, comments onto stored posts, and what cannot be completed alone flagged
 * for a sync.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookBody } from '../../../src-main/meta/webhooks';
import { applyWebhookEvents } from '../../../src-main/relay/apply-webhook';
import { openDatabase } from '../../../src-main/store/database';
import { createRepositories, type Repositories } from '../../../src-main/store/repositories';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/meta', name), 'utf8');

function repos(): Repositories {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  return createRepositories(openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 3) }));
}

const messages = (r: Repositories) =>
  r.db.prepare('SELECT m.external_id, m.direction, m.text, c.external_id AS thread FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id').all();

describe('applyWebhookEvents', () => {
  it('stores a Messenger text DM once, in a provisional thread the next sync adopts under Meta\'s id', () => {
    const r = repos();
    r.accounts.upsert({ network: 'facebook', externalId: '12345654332', name: 'Page', loginKind: 'system_user' }, 1);
    const events = parseWebhookBody(fixture('fb-messenger-webhook-message-text.json'));
    expect(applyWebhookEvents(r, events, 5)).toMatchObject({ messagesStored: 1, needsSync: false });
    expect(applyWebhookEvents(r, events, 6)).toMatchObject({ messagesStored: 0 });
    expect(messages(r)).toEqual([{ external_id: 'mid.1457764197618:41d102a3e1ae206a38', direction: 'in', text: 'hello, world!', thread: 'webhook:987654321432' }]);
    // The sync later reads the thread under Meta's conversation id: the same row, no second copy.
    const account = r.accounts.list()[0]!;
    const person = r.inbox.upsertPerson(account.id, { idKind: 'psid', externalId: '987654321432' }, 7);
    const thread = r.inbox.upsertConversation(account.id, { externalId: 't_10223', platform: 'messenger', personId: person, updatedAt: 7 });
    r.inbox.upsertMessage(thread, { externalId: 'mid.1457764197618:41d102a3e1ae206a38', direction: 'in', sentAt: 1, text: 'hello, world!' }, 8);
    expect(messages(r)).toEqual([{ external_id: 'mid.1457764197618:41d102a3e1ae206a38', direction: 'in', text: 'hello, world!', thread: 't_10223' }]);
  });

  it('stores an echo as outgoing, in the thread with the recipient', () => {
    const r = repos();
    const body = JSON.parse(fixture('fb-messenger-webhook-message-echo.json')) as { entry: Array<{ id: string | number }> };
    r.accounts.upsert({ network: 'facebook', externalId: String(body.entry[0]!.id), name: 'Page', loginKind: 'system_user' }, 1);
    expect(applyWebhookEvents(r, parseWebhookBody(fixture('fb-messenger-webhook-message-echo.json')), 5).messagesStored).toBe(1);
    expect(messages(r)).toEqual([expect.objectContaining({ direction: 'out' })]);
  });

  it('flags an event for an account that is not connected, and a comment on an unknown post, for a sync', () => {
    const r = repos();
    expect(applyWebhookEvents(r, parseWebhookBody(fixture('fb-messenger-webhook-message-text.json')), 5)).toMatchObject({ messagesStored: 0, ignored: 1, needsSync: true });
    r.accounts.upsert({ network: 'instagram', externalId: '0', name: 'IG', loginKind: 'system_user' }, 1);
    expect(applyWebhookEvents(r, parseWebhookBody(fixture('ig-webhook-comments-facebook-login-shape.json')), 5)).toMatchObject({ commentsStored: 0, needsSync: true });
  });

  it('stores an Instagram comment on a stored post, once', () => {
    const r = repos();
    const account = r.accounts.upsert({ network: 'instagram', externalId: '0', name: 'IG', loginKind: 'system_user' }, 1);
    r.posts.upsert(account, { externalId: '76543987', publishedAt: 1 } as Parameters<Repositories['posts']['upsert']>[1], 1);
    const events = parseWebhookBody(fixture('ig-webhook-comments-facebook-login-shape.json'));
    expect(applyWebhookEvents(r, events, 5)).toMatchObject({ commentsStored: 1 });
    applyWebhookEvents(r, events, 6);
    expect(r.db.prepare('SELECT external_id, text, parent_external_id, author_username FROM comments').all()).toEqual([
      { external_id: '123456789', text: 'This is an example.', parent_external_id: '987654321', author_username: 'testuser' },
    ]);
  });

  it('keeps the words but not the attachment in text-only mode', () => {
    const r = repos();
    const body = fixture('fb-messenger-webhook-message-image-attachment.json');
    const entryId = String((JSON.parse(body) as { entry: Array<{ id: string | number }> }).entry[0]!.id);
    r.accounts.upsert({ network: 'facebook', externalId: entryId, name: 'Page', loginKind: 'system_user' }, 1);
    expect(applyWebhookEvents(r, parseWebhookBody(body), 5, { textOnly: true }).messagesStored).toBe(1);
    expect(r.db.prepare('SELECT attachments FROM messages').all()).toEqual([{ attachments: null }]);
  });

  it('keeps a seen receipt for a message not stored yet (pending-signals.test.ts) rather than dropping it', () => {
    const r = repos();
    r.accounts.upsert({ network: 'instagram', externalId: '17841452691600098', name: 'IG', loginKind: 'system_user' }, 1);
    expect(applyWebhookEvents(r, parseWebhookBody(fixture('ig-messaging-webhook-seen.json')), 5)).toMatchObject({ messagesStored: 0, signalsPending: 1, ignored: 0, needsSync: false });
  });
});
