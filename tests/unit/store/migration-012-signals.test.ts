import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 012 (message reactions, edits, seen, credential grants)', () => {
  it('adds STRICT tables and the edit columns to a version-11 database, keeping its messages', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 7), migrate: false });
    migrate(db, MIGRATIONS.filter((m) => m.version <= 11));
    db.exec(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'facebook', 'p', 'Page', 'demo', 1, 1);
             INSERT INTO conversations (id, account_id, external_id, platform, updated_at) VALUES (1, 1, 't', 'messenger', 1);
             INSERT INTO messages (id, conversation_id, external_id, direction, sent_at, text, stored_at) VALUES (1, 1, 'm', 'in', 1, 'hello', 1);`);
    migrate(db);
    expect(db.prepare('SELECT text, edited_at, edit_count FROM messages').all()).toEqual([{ text: 'hello', edited_at: null, edit_count: 0 }]);
    for (const table of ['message_reactions', 'conversation_seen', 'credential_grants']) {
      expect((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql).toMatch(/STRICT(, WITHOUT ROWID)?$/);
    }
    // The schema refuses what the webhooks never send: a third action, an oversized "emoji".
    expect(() => db.prepare(`INSERT INTO message_reactions VALUES (1, 0, 'love', '❤️', 'love', 1)`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO message_reactions VALUES (1, 0, 'react', ?, 'love', 1)`).run('x'.repeat(33))).toThrow();
    db.prepare(`INSERT INTO message_reactions VALUES (1, 0, 'react', '❤️', 'love', 1)`).run();
    db.prepare(`INSERT INTO conversation_seen VALUES (1, 1, 1)`).run();
    db.prepare('DELETE FROM accounts').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM message_reactions) + (SELECT count(*) FROM conversation_seen)').pluck().get()).toBe(0);
    db.close();
  });
});
