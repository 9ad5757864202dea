import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_HEAD_FILE } from '../../../src-main/privacy/audit-anchor';
import { DATABASE_FILE } from '../../../src-main/store/database';
import { makeCore } from '../../support/core';
import { runCli } from '../../support/cli-runner';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

const PASSPHRASE = 'anchor test passphrase';

function dataFolder(): string {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return join(tmp.dir, 'data');
}

/** A core on `dataDir` (passphrase mode, so the CLI can open the same store); closed after the test. */
function core(dataDir: string) {
  const c = makeCore(dataDir, createFakeKeychain('anchor'));
  c.start();
  if (c.state().phase === 'first-run') c.createVault('passphrase', PASSPHRASE);
  else c.unlock(PASSPHRASE);
  cleanups.push(() => c.state().phase === 'ready' && c.close());
  return c;
}

/** As an attacker with the key would: around the append-only triggers. */
function deleteNewest(c: ReturnType<typeof core>, n = 1): number[] {
  const db = c.repos.db;
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  const ids = db.prepare('SELECT id FROM audit_log ORDER BY id DESC LIMIT ?').pluck().all(n) as number[];
  for (const id of ids) db.prepare('DELETE FROM audit_log WHERE id = ?').run(id);
  return ids.sort((a, b) => a - b);
}

describe('audit log head, kept outside the database', () => {
  it('deleting the newest entry is detected and named, in plain words, by the app and by `audit verify`', async () => {
    const dataDir = dataFolder();
    let c = core(dataDir);
    for (let i = 0; i < 3; i += 1) c.repos.audit.record(c.now(), 'export.written', null, { where: `/tmp/x${i}` });
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'matched' });
    const [gone] = deleteNewest(c);
    c.close();

    c = core(dataDir);
    // Unlocking appended an entry after the cut: the chain links up again, the anchor still sees the cut.
    const verification = c.repos.audit.verify();
    expect(verification.ok).toBe(false);
    expect(verification.brokenAt?.id).toBe(gone);
    expect(verification.brokenAt?.reason).toMatch(new RegExp(`^it is not the entry written as #${gone} at .* UTC: an older or altered copy of the database was put back$`));
    c.close();

    const cli = await runCli(['audit', 'verify', '--data-dir', dataDir], { SOCIAL_DESK_PASSPHRASE: PASSPHRASE });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`The audit log is broken at entry ${gone}:`);
  }, 120_000);

  it('a cut with nothing appended after it names the missing entries', () => {
    const dataDir = dataFolder();
    const c = core(dataDir);
    for (let i = 0; i < 4; i += 1) c.repos.audit.record(c.now(), 'sync.completed', 'Brand', { itemsWritten: i });
    const gone = deleteNewest(c, 2);
    expect(c.repos.audit.verify()).toMatchObject({
      ok: false,
      brokenAt: { id: gone[0], reason: expect.stringMatching(new RegExp(`^entries #${gone[0]}–#${gone[1]} are missing: the log went up to #${gone[1]} \\(noted outside the database at .* UTC\\), so its newest entries were deleted or an older copy of the database was put back$`)) },
    });
    deleteNewest(c, 0);
    c.repos.audit.record(c.now(), 'settings.changed', 'theme', {});
    expect(c.repos.audit.verify().ok, 'appending after the cut does not move the anchor over it').toBe(false);
  });

  it('putting an older copy of the database back (a rollback) is detected', () => {
    const dataDir = dataFolder();
    let c = core(dataDir);
    c.close();
    const copy = join(dataDir, '..', 'older.db');
    copyFileSync(join(dataDir, DATABASE_FILE), copy);
    c = core(dataDir);
    c.repos.audit.record(c.now(), 'export.everything', 'json+csv', { where: '/media/usb' });
    c.close();
    copyFileSync(copy, join(dataDir, DATABASE_FILE));
    for (const name of readdirSync(dataDir)) if (name.startsWith(`${DATABASE_FILE}-`)) rmSync(join(dataDir, name));
    c = core(dataDir);
    expect(c.repos.audit.verify().ok).toBe(false);
  });

  it('an entry rolled back with its transaction is never anchored (no false alarm); a crash before the anchor moves is accepted', () => {
    const dataDir = dataFolder();
    const c = core(dataDir);
    expect(() =>
      c.repos.db.transaction(() => {
        c.repos.audit.record(c.now(), 'person.forgotten', 'FG-X', {});
        throw new Error('fails after the audit entry');
      })(),
    ).toThrow('fails after the audit entry');
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'matched' });
    // The anchor one entry behind (a crash between commit and anchor write): the log verifies and the anchor catches up.
    c.repos.audit.record(c.now(), 'export.written', null, {});
    const db = c.repos.db;
    const [newest, older] = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 2').all() as Array<{ id: number; hash: string }>;
    const headFile = join(dataDir, `${AUDIT_HEAD_FILE}.json`);
    writeFileSync(headFile, JSON.stringify({ head: { lastId: older!.id, hash: older!.hash, at: 1 } }));
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'matched' });
    expect(JSON.parse(readFileSync(headFile, 'utf8')).head).toMatchObject({ lastId: newest!.id, hash: newest!.hash });
  });

  it('no head yet (first start of this version, or the file removed): verified, said so, and anchored from then on', () => {
    const dataDir = dataFolder();
    let c = core(dataDir);
    c.close();
    rmSync(join(dataDir, `${AUDIT_HEAD_FILE}.json`));
    c = core(dataDir);
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'anchored-now' });
    c.close();
    c = core(dataDir);
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'matched' });
    c.close();
    writeFileSync(join(dataDir, `${AUDIT_HEAD_FILE}.json`), '{ damaged');
    c = core(dataDir);
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, head: 'anchored-now' });
    expect(readdirSync(dataDir).some((n) => n.startsWith(`${AUDIT_HEAD_FILE}.damaged-`)), 'the damaged file is kept aside').toBe(true);
  });

  it('starting fresh after setting a store aside starts a new log that verifies', () => {
    const dataDir = dataFolder();
    const c = core(dataDir);
    for (let i = 0; i < 3; i += 1) c.repos.audit.record(c.now(), 'export.written', null, {});
    c.close();
    writeFileSync(join(dataDir, DATABASE_FILE), Buffer.alloc(8192, 7));
    for (const name of readdirSync(dataDir)) if (name.startsWith(`${DATABASE_FILE}-`)) rmSync(join(dataDir, name));
    c.start();
    c.unlock(PASSPHRASE);
    expect(c.state().phase).toBe('store-problem');
    c.setAsideAndStartFresh();
    c.createVault('passphrase', PASSPHRASE);
    expect(c.repos.audit.verify()).toMatchObject({ ok: true, checked: 1 });
  });
});
