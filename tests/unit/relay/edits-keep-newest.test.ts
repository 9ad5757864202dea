/**
 * An edit keeps only the newest text (the person edited the old words away) and says how often it
 * was edited: after the checkpoint the relay runs for such an envelope, no page of the store or its
 * -wal holds the earlier words; forget and retention take the edited message, count and all.
 * The webhook is Meta's message_edits shape (reference page; no real sample is in tests/fixtures/meta).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWebhookBody } from '../../../src-main/meta/webhooks';
import { forgetPerson } from '../../../src-main/privacy/forget';
import { applyRetention, KEEP_FOREVER } from '../../../src-main/privacy/retention';
import { applyWebhookEvents } from '../../../src-main/relay/apply-webhook';
import { checkpoint, openDatabase } from '../../../src-main/store/database';
import { createRepositories } from '../../../src-main/store/repositories';
import { threadMessages } from '../../../src-main/store/repositories/inbox-queries';
import { findWords } from '../../support/page-scan';
import { seedTwoPeople } from '../../support/privacy-seed';
import { makeTempDir } from '../../support/temp-dir';

const KEY = Buffer.alloc(32, 0x3c);
const NOW = 1_700_000_000_000;
let cleanup = () => {};
afterEach(() => cleanup());

function setUp() {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const file = join(tmp.dir, 'social-desk.db');
  const db = openDatabase({ file, key: KEY });
  const repos = createRepositories(db);
  const { target } = seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' }, NOW);
  repos.inbox.upsertMessage(target.conversationId, { externalId: 'm-edited', direction: 'in', sentAt: NOW - 100, text: 'first quaggazz' }, NOW);
  checkpoint(db);
  const edit = (text: string, numEdit: number, at: number) =>
    applyWebhookEvents(
      repos,
      parseWebhookBody(JSON.stringify({ object: 'instagram', entry: [{ id: '1789', time: at, messaging: [{ sender: { id: target.externalId }, recipient: { id: '1789' }, timestamp: at, message_edit: { mid: 'm-edited', text, num_edit: numEdit } }] }] })),
      at,
    );
  const shown = () => threadMessages(db, target.conversationId, 50, null).find((m) => m.text?.includes('zz'));
  return { file, db, repos, target, edit, shown };
}

describe('edited messages keep only the newest text', () => {
  it('replaces the words, counts the edits, and after the checkpoint no page keeps the earlier versions', () => {
    const { file, db, edit, shown } = setUp();
    expect(edit('second wombatzz', 1, NOW + 1_000)).toMatchObject({ signalsStored: 1, textsReplaced: 1 });
    expect(edit('third marmotzz', 2, NOW + 2_000)).toMatchObject({ textsReplaced: 1 });
    expect(shown()).toMatchObject({ text: 'third marmotzz', editCount: 2, editedAt: NOW + 2_000 });
    // What RelayService.handleEnvelope does when an envelope replaced a text.
    checkpoint(db);
    expect(findWords(file, KEY, ['quaggazz', 'wombatzz'])).toEqual([]);
    expect(findWords(file, KEY, ['marmotzz']).length).toBeGreaterThan(0);
    db.close();
  });

  it('retention removes the edited message with its edit count and time, and no page keeps its words', () => {
    const { file, db, repos, edit } = setUp();
    edit('second wombatzz', 1, NOW + 1_000);
    expect(repos.db.prepare("SELECT edit_count FROM messages WHERE external_id = 'm-edited'").pluck().get()).toBe(1);
    applyRetention(repos, { ...KEEP_FOREVER, messageText: 1 }, false, NOW + 86_400_000 - 50, 'test');
    expect(repos.db.prepare("SELECT count(*) FROM messages WHERE external_id = 'm-edited'").pluck().get()).toBe(0);
    expect(findWords(file, KEY, ['quaggazz', 'wombatzz'])).toEqual([]);
    db.close();
  });

  it('forget removes the edited message with its edit count and time, and no page keeps its words', () => {
    const { file, db, repos, target, edit } = setUp();
    edit('second wombatzz', 1, NOW + 1_000);
    forgetPerson(repos, { personId: target.personId }, NOW + 20);
    expect(repos.db.prepare('SELECT count(*) FROM messages WHERE edit_count > 0 OR edited_at IS NOT NULL').pluck().get()).toBe(0);
    expect(findWords(file, KEY, ['quaggazz', 'wombatzz'])).toEqual([]);
    db.close();
  });
});
