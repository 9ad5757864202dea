import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { createRepositories } from '../../../src-main/store/repositories';
import { describeAudit } from '../../../src-main/privacy/audit-words';
import { auditEntryHash } from '../../../src-main/store/audit-hash';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function open(migrateNow = true) {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: null, migrate: migrateNow });
  return { db, repos: () => createRepositories(db) };
}

function fill(repos: ReturnType<typeof createRepositories>) {
  for (let i = 1; i <= 5; i += 1) repos.audit.record(i * 1000, 'account.connected', `Account ${i}`, 'facebook');
}

/** The triggers guard the app's own writes; tampering goes around them, as an attacker with the key would. */
function tamper(db: ReturnType<typeof openDatabase>, sql: string) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('audit log: append-only and hash-chained', () => {
  it('an intact chain verifies', () => {
    const { db, repos } = open();
    fill(repos());
    expect(repos().audit.verify()).toEqual({ ok: true, checked: 5, brokenAt: null });
    db.close();
  });

  it('refuses updates and deletes', () => {
    const { db, repos } = open();
    fill(repos());
    expect(() => db.exec(`UPDATE audit_log SET subject = 'x' WHERE id = 2`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_log WHERE id = 2`)).toThrow(/append-only/);
    db.close();
  });

  it('an edited row is named', () => {
    const { db, repos } = open();
    fill(repos());
    tamper(db, `UPDATE audit_log SET subject = 'Someone else' WHERE id = 3`);
    expect(repos().audit.verify()).toEqual({ ok: false, checked: 2, brokenAt: { id: 3, reason: 'its content was changed after it was written' } });
    db.close();
  });

  it('a removed row is named by the gap it leaves', () => {
    const { db, repos } = open();
    fill(repos());
    tamper(db, `DELETE FROM audit_log WHERE id = 2`);
    expect(repos().audit.verify().brokenAt).toEqual({ id: 3, reason: 'entries 2–2 are missing' });
    db.close();
  });

  it('a row rewritten with a fresh hash still breaks the link of the next one', () => {
    const { db, repos } = open();
    fill(repos());
    const r = db.prepare('SELECT prev_hash FROM audit_log WHERE id = 2').get() as { prev_hash: string };
    tamper(db, `UPDATE audit_log SET subject = 'forged', prev_hash = '${r.prev_hash}' WHERE id = 2`);
    // Recompute row 2's own hash as a careful forger would.
    const row = db.prepare('SELECT id, at, action, subject, detail FROM audit_log WHERE id = 2').get() as never;
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = 2').run(auditEntryHash(r.prev_hash, row));
    expect(repos().audit.verify().brokenAt).toEqual({ id: 3, reason: 'it does not link to the entry before it (an entry was removed or inserted)' });
    db.close();
  });

  it('migration 004 chains the entries an older database already had', () => {
    const { db } = open(false);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.exec(`INSERT INTO audit_log (at, action, subject) VALUES (1, 'vault.created', 'passphrase'), (2, 'demo.loaded', 'demo')`);
    migrate(db);
    const repos = createRepositories(db);
    repos.audit.record(3, 'vault.unlocked', 'passphrase');
    expect(repos.audit.verify()).toEqual({ ok: true, checked: 3, brokenAt: null });
    db.close();
  });

  it('says each event in plain words, with no JSON and no secret', () => {
    const { db, repos } = open();
    const r = repos();
    r.audit.record(1, 'settings.changed', 'syncIntervalMinutes', { field: 'syncIntervalMinutes', from: 30, to: 60 });
    r.audit.record(2, 'settings.meta_app_changed', null, { fields: ['facebookAppId', 'facebookAppSecret'], secretsChanged: true });
    r.audit.record(3, 'sync.completed', 'Maple & Moss', { status: 'ok', itemsWritten: 12, requests: 3, errors: 0 });
    r.audit.record(4, 'vault.protection_switched', null, { from: 'passphrase', to: 'os-keychain' });
    r.audit.record(5, 'export.everything', 'json+csv', { where: '/tmp/x', format: 'json + csv', counts: { messages: 3 } });
    const words = r.audit.list(10).map((row) => describeAudit(row).summary).reverse();
    expect(words).toEqual([
      'Setting "sync interval (minutes)" changed from 30 to 60',
      'Meta app settings changed: facebook app id, facebook app secret (secret values are never recorded)',
      'Sync of Maple & Moss finished: 12 items written, 3 requests',
      "Key protection switched from a passphrase to this computer's keychain",
      'Everything exported to /tmp/x as JSON + CSV (3 messages)',
    ]);
    expect(r.audit.list(10, { actionPrefixes: ['settings.'] }).length).toBe(2);
    r.audit.record(6, 'account.connected', `Invoice \u202Efdp.exe ${'x'.repeat(500)}`, 'instagram');
    expect(describeAudit(r.audit.list(1)[0]!).summary).toBe(`Account connected: Invoice fdp.exe ${'x'.repeat(120 - 'Invoice fdp.exe '.length)}…`);
    db.close();
  });
});
