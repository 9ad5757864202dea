import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { RelayLinkStore } from '../../../src-main/relay/link-store';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function dbAtVersion6() {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 7), migrate: false });
  migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
  return db;
}

describe('migration 007 (relay link)', () => {
  it('adds the relay tables, STRICT, to a version-6 database and keeps its data', () => {
    const db = dbAtVersion6();
    db.prepare(`INSERT INTO app_config (key, value, updated_at) VALUES ('facebook_app_id', '1', 1)`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 7));
    expect(db.prepare('SELECT value FROM app_config').all()).toEqual([{ value: '1' }]);
    for (const table of ['relay_link', 'relay_meta_requests']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql;
      expect(sql).toMatch(/STRICT$/);
    }
    // One pairing at most; a wrong kind is refused by the schema itself.
    expect(() => db.prepare(`INSERT INTO relay_link (id, relay_url, device_id, device_token, public_key, secret_key, paired_at) VALUES (2, 'u', 'd', 't', x'00', x'00', 1)`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO relay_meta_requests (kind, app_user_id, received_at) VALUES ('other', '1', 1)`).run()).toThrow();
    db.close();
  });

  it('keeps one pairing, advances the sequence and counts what the relay link reports', () => {
    const db = dbAtVersion6();
    migrate(db);
    const links = new RelayLinkStore(db);
    expect(links.get()).toBeNull();
    links.save({ relayUrl: 'https://relay.example', deviceId: 'dev_1', deviceToken: 'sdr_x', publicKey: new Uint8Array(32).fill(1), secretKey: new Uint8Array(32).fill(2), pairedAt: 10 });
    links.advance(5, 100, 90, false);
    links.advance(7, 200, 150, true);
    links.addRecovered(3);
    expect(links.get()).toMatchObject({ deviceId: 'dev_1', lastSeq: 7, eventsReceived: 2, lastEventAt: 200, lastEventArrivedAt: 150, gapsDetected: 1, messagesRecoveredBySync: 3 });
    expect(links.get()?.secretKey).toEqual(new Uint8Array(32).fill(2));
    links.save({ relayUrl: 'https://other.example', deviceId: 'dev_2', deviceToken: 'sdr_y', publicKey: new Uint8Array(32), secretKey: new Uint8Array(32), pairedAt: 20 });
    expect(links.get()).toMatchObject({ deviceId: 'dev_2', lastSeq: 0, eventsReceived: 0 });
    links.addMetaRequest({ kind: 'data-deletion', appUserId: '42', confirmationCode: 'abc', statusUrl: 'https://relay.example/meta/data-deletion/abc' }, 1);
    links.addMetaRequest({ kind: 'data-deletion', appUserId: '42', confirmationCode: 'abc' }, 2);
    expect(links.pendingDeletionCodes()).toEqual(['abc']);
    expect(links.completeDeletion('abc', 3)).toBe(true);
    expect(links.pendingDeletionCodes()).toEqual([]);
    db.close();
  });
});
