import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkpoint, openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { createRepositories } from '../../../src-main/store/repositories';
import { forgetPerson } from '../../../src-main/privacy/forget';
import { applyRetention, KEEP_FOREVER } from '../../../src-main/privacy/retention';
import { findWords, readablePageCount } from '../../support/page-scan';
import { seedTwoPeople } from '../../support/privacy-seed';
import { makeTempDir } from '../../support/temp-dir';

const KEY = Buffer.alloc(32, 0x5a);
let cleanup = () => {};
afterEach(() => cleanup());

function store(key: Buffer | null, options: { migrate?: boolean } = {}) {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const file = join(tmp.dir, 'social-desk.db');
  const db = openDatabase({ file, key, migrate: options.migrate ?? true });
  return { file, db, repos: createRepositories(db) };
}

describe('deleted means gone: no page of the database or its -wal keeps deleted words', () => {
  it('the page scan reads the encrypted file: it finds words that are stored (control)', () => {
    const { file, db, repos } = store(KEY);
    seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' });
    expect(readablePageCount(file, KEY)).toBeGreaterThan(10);
    expect(findWords(file, KEY, ['okapiword']).length, 'while in the WAL').toBeGreaterThan(0);
    checkpoint(db);
    expect(findWords(file, KEY, ['okapiword']).map((h) => h.where).join(' ')).toMatch(/db page/);
    expect(findWords(file, Buffer.alloc(32, 1), ['okapiword']), 'a wrong key reads nothing').toEqual([]);
    db.close();
  });

  it('migration 009 rebuilds an index that kept an unsent message in its blocks, and switches it to secure-delete', () => {
    const { file, db, repos } = store(KEY, { migrate: false });
    migrate(db, MIGRATIONS.slice(0, 8));
    const { target } = seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' });
    // FTS5 stores each term prefix-compressed against the one before it, so the marker shares no
    // first letter with any other term: its bytes then appear whole in the index blocks.
    repos.inbox.upsertMessage(target.conversationId, { externalId: 'm-secret', direction: 'in', sentAt: 5, text: 'quaggazz' }, 5);
    checkpoint(db);
    // An unsend on the old schema: the row's text goes, the index blocks keep the word.
    repos.inbox.upsertMessage(target.conversationId, { externalId: 'm-secret', direction: 'in', sentAt: 5, text: null, isDeleted: true }, 6);
    checkpoint(db);
    expect(db.prepare(`SELECT count(*) AS n FROM messages WHERE text LIKE '%quaggazz%'`).get()).toEqual({ n: 0 });
    expect(findWords(file, KEY, ['quaggazz']).length, 'the problem the migration fixes').toBeGreaterThan(0);
    migrate(db);
    checkpoint(db);
    expect(findWords(file, KEY, ['quaggazz'])).toEqual([]);
    expect(db.prepare(`SELECT v FROM messages_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
    expect(repos.inbox.search('narwhalword', 10).length, 'the rebuilt index still finds what is stored').toBe(4);
    db.close();
  });

  for (const [name, key] of [['encrypted', KEY], ['plain', null]] as const) {
    it(`${name}: an unsend, then the TRUNCATE checkpoint every sync run ends with (afterSyncRun), leaves no trace in the file or -wal`, () => {
      const { file, db, repos } = store(key);
      const { target } = seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' });
      repos.inbox.upsertMessage(target.conversationId, { externalId: 'm-secret', direction: 'in', sentAt: 5, text: 'quaggazz' }, 5);
      checkpoint(db);
      repos.inbox.upsertMessage(target.conversationId, { externalId: 'm-secret', direction: 'in', sentAt: 5, text: null, isDeleted: true }, 6);
      expect(findWords(file, key, ['quaggazz']).length, 'until the checkpoint, a -wal frame or the main file still holds it').toBeGreaterThan(0);
      checkpoint(db);
      expect(findWords(file, key, ['quaggazz'])).toEqual([]);
      expect(findWords(file, key, ['okapiword message 1']).length, 'the other messages are still there').toBeGreaterThan(0);
      db.close();
    });

    it(`${name}: forget leaves none of the person's words, handle or id on any page, free pages included`, () => {
      const { file, db, repos } = store(key);
      const { target } = seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' });
      checkpoint(db);
      const receipt = forgetPerson(repos, { personId: target.personId }, 5);
      expect(receipt.total).toBeGreaterThan(0);
      expect(db.pragma('freelist_count', { simple: true }), 'the forget freed pages, which the scan covers').toBeGreaterThanOrEqual(0);
      expect(findWords(file, key, ['okapiword', 'target.person', 'conv-9001', 'm-9001'])).toEqual([]);
      expect(findWords(file, key, ['narwhalword']).length, 'the other person is untouched').toBeGreaterThan(0);
      db.close();
    });

    it(`${name}: retention leaves no trace of what it removed`, () => {
      const { file, db, repos } = store(key);
      seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' }, 1_700_000_000_000);
      checkpoint(db);
      // 'other' wrote 20 s before 'target': a window that ends 15 s ago removes only their messages and comments.
      const now = 1_700_000_000_000 + 86_400_000 - 15_000;
      applyRetention(repos, { ...KEEP_FOREVER, messageText: 1, comments: 1 }, false, now, 'test');
      expect(findWords(file, key, ['narwhalwordlingers', 'narwhalwordcomment'])).toEqual([]);
      expect(findWords(file, key, ['okapiwordlingers']).length).toBeGreaterThan(0);
      db.close();
    });
  }
});
