import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 014 (signals waiting for their message)', () => {
  it('adds a STRICT table to a version-12 database that refuses what webhooks never send and leaves with the account', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 9), migrate: false });
    migrate(db, MIGRATIONS.filter((m) => m.version <= 12));
    db.exec(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', 'ig', 'Brand', 'demo', 1, 1)`);
    migrate(db);
    expect((db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'pending_message_signals'`).get() as { sql: string }).sql).toMatch(/STRICT$/);
    const insert = db.prepare(
      `INSERT INTO pending_message_signals (account_id, platform, kind, message_external_id, person_external_id, by_business, happened_at, received_at, event) VALUES (1, ?, ?, 'mid', 'p', 0, 5, 6, ?)`,
    );
    insert.run('instagram', 'reaction', '{"type":"reaction"}');
    expect(() => insert.run('instagram', 'reaction', '{"type":"reaction"}'), 'the same event twice').toThrow(/UNIQUE/);
    expect(() => insert.run('whatsapp', 'read', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('instagram', 'delivery', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('instagram', 'read', 'not json')).toThrow(/CHECK/);
    db.prepare('DELETE FROM accounts').run();
    expect(db.prepare('SELECT count(*) FROM pending_message_signals').pluck().get()).toBe(0);
    db.close();
  });
});
