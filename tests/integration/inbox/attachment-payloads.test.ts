/**
 * Every attachment type the thread names (image, video, audio, file, story mention, story reply,
 * shared post, reel) from Meta's own payloads, through the whole path: webhook body → parser →
 * store → the thread as the Inbox reads it (the row's words per kind: tests/renderer/inbox.test.tsx;
 * the whole path in Chromium: tests/e2e/inbox-meta-payloads.spec.ts). Image and "cannot show" come from the real
 * samples in tests/fixtures/meta; the Instagram kinds no real sample holds come in the shapes of
 * Meta's documentation (tests/fixtures/meta-docs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageItem } from '../../../src-preload/contract';
import { parseWebhookBody } from '../../../src-main/meta/webhooks';
import { applyWebhookEvents } from '../../../src-main/relay/apply-webhook';
import { openDatabase } from '../../../src-main/store/database';
import { createRepositories, type Repositories } from '../../../src-main/store/repositories';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

const read = (folder: string, name: string) => readFileSync(join(import.meta.dirname, '../../fixtures', folder, name), 'utf8');
const accountOf = (body: string) => String((JSON.parse(body) as { entry: Array<{ id: string | number }> }).entry[0]!.id);

function storeWith(bodies: Array<{ body: string; network: 'facebook' | 'instagram' }>, textOnly = false): Repositories {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const repos = createRepositories(openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 5) }));
  for (const { body, network } of bodies) {
    repos.accounts.upsert({ network, externalId: accountOf(body), name: network, loginKind: 'system_user' }, 1);
    applyWebhookEvents(repos, parseWebhookBody(body), 10, { textOnly });
  }
  return repos;
}

/** The thread as the Inbox reads it, by Meta's message id. */
function thread(repos: Repositories): Map<string, MessageItem> {
  const rows = repos.db.prepare('SELECT id, external_id, conversation_id FROM messages').all() as Array<{ id: number; external_id: string; conversation_id: number }>;
  const byId = new Map<number, MessageItem>();
  for (const conversation of new Set(rows.map((r) => r.conversation_id))) for (const m of repos.inbox.getMessages(conversation, 100, null)) byId.set(m.id, m);
  return new Map(rows.map((r) => [r.external_id, byId.get(r.id) as MessageItem]));
}

const realImage = read('meta', 'fb-messenger-webhook-message-image-attachment.json');
const realUnsupported = read('meta', 'ig-messaging-webhook-attachment-unsupported.json');
const documented = read('meta-docs', 'ig-messaging-webhook-attachment-kinds.json');

describe('attachments from Meta payloads, as the thread shows them', () => {
  it('reads each kind as its own type', () => {
    const messages = thread(storeWith([
      { body: realImage, network: 'facebook' },
      { body: realUnsupported, network: 'instagram' },
      { body: documented, network: 'instagram' },
    ]));
    const expected: Array<[string, MessageItem['attachments']]> = [
      ['mid.1458696618141:b4ef9d19ec21086067', ['image']],
      ['doc-video', ['video']],
      ['doc-audio', ['audio']],
      ['doc-file', ['file']],
      ['doc-story-mention', ['story_mention']],
      ['doc-story-reply', ['story_reply']],
      // Meta sends `share` and `ig_post` for one shared post since November 2025: one placeholder.
      ['doc-post-share', ['shared_post']],
      ['doc-reel-share', ['reel']],
    ];
    for (const [mid, kinds] of expected) expect(messages.get(mid)?.attachments, mid).toEqual(kinds);
    // The real Instagram sample Meta marks unsupported: said plainly ("cannot show"), not shown as empty.
    expect([...messages.values()].filter((m) => m.attachments.includes('other'))).toHaveLength(1);
    // A story reply keeps its text beside the placeholder.
    expect(messages.get('doc-story-reply')?.text).toBe('Love this one!');
  });

  it('keeps no attachment, not even the story a reply answers, in text-only mode', () => {
    const messages = thread(storeWith([{ body: documented, network: 'instagram' }], true));
    expect([...messages.values()].flatMap((m) => m.attachments)).toEqual([]);
    expect(messages.get('doc-story-reply')?.text).toBe('Love this one!');
  });
});
