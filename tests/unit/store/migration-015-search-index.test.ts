import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function open(upTo: number): Db {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 7), migrate: false });
  migrate(db, MIGRATIONS.filter((m) => m.version <= upTo));
  db.exec(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', 'ig', 'A', 'demo', 1, 1);
           INSERT INTO conversations (id, account_id, external_id, platform, updated_at) VALUES (1, 1, 't', 'instagram', 1);`);
  return db;
}

let next = 1;
/** One sync page's worth of messages, committed on its own: FTS5 writes one new segment per commit. */
function commitPage(db: Db, messages = 25): void {
  const insert = db.prepare(`INSERT INTO messages (conversation_id, external_id, direction, sent_at, text, stored_at) VALUES (1, ?, 'in', ?, ?, 1)`);
  db.transaction(() => {
    for (let i = 0; i < messages; i++, next++) insert.run(`m${next}`, next, `order ${next} about the blue mug`);
  })();
}

const overflowPages = (db: Db) => db.prepare(`SELECT count(*) FROM dbstat WHERE name = 'messages_fts_data' AND pagetype = 'overflow'`).pluck().get() as number;
const segments = (db: Db) => db.prepare('SELECT count(DISTINCT segid) FROM messages_fts_idx').pluck().get() as number;

describe('migration 015 (message search index in fewer segments)', () => {
  it('rewrites an existing index as one segment of page-sized leaves; later writes stay in far fewer segments than FTS5 defaults leave, none spilling into overflow pages', () => {
    // The same 200 commits under FTS5's defaults (the version-14 schema) leave this many segments.
    const before = open(14);
    for (let page = 0; page < 200; page++) commitPage(before);
    const withDefaults = segments(before);
    // FTS5's 4,050-byte leaves do not fit the 4,016 bytes SQLCipher leaves usable in a page.
    expect(overflowPages(before)).toBeGreaterThan(0);
    migrate(before);
    expect(segments(before)).toBe(1);
    expect(overflowPages(before)).toBe(0);
    expect(before.prepare(`SELECT k, v FROM messages_fts_config WHERE k IN ('automerge', 'crisismerge', 'pgsz', 'secure-delete') ORDER BY k`).all()).toEqual([
      { k: 'automerge', v: 2 },
      { k: 'crisismerge', v: 4 },
      { k: 'pgsz', v: 3900 },
      { k: 'secure-delete', v: 1 },
    ]);
    before.close();

    const after = open(15);
    for (let page = 0; page < 200; page++) commitPage(after);
    const withMerging = segments(after);
    expect(overflowPages(after)).toBe(0);
    expect(withMerging).toBeLessThan(withDefaults / 2);
    // Search and the index's own check still agree with the table.
    expect(after.prepare(`SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'mug'`).pluck().get()).toBe(5000);
    after.exec(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`);
    after.close();
  });
});
