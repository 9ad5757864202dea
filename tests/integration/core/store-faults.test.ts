import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../../src-main/core/app-core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeCore } from '../../support/core';
import { fillDisk, holdLockInChild, makeReadOnly, mountSmallDisk, release } from '../../support/fs-faults';
import { makeTempDir } from '../../support/temp-dir';

const keychain = createFakeKeychain('machine-a');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

/** A data folder with a real store holding one audit entry, closed; returns the folder. */
function storeWithData(dir: string, passphrase?: string): string {
  const core = passphrase ? makeCore(dir, null) : makeCore(dir, keychain);
  core.start();
  if (passphrase) core.createVault('passphrase', passphrase);
  else core.createVault('os-keychain');
  core.repos.audit.record(1, 'kept');
  core.close();
  return dir;
}

function tempStore(): { dir: string; core: () => AppCore } {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const dir = storeWithData(join(tmp.dir, 'data'));
  return { dir, core: () => makeCore(dir, keychain, { busyTimeoutMs: 200 }) };
}

const keyHex = (dir: string) => makeCore(dir, keychain).vault.open().toString('hex');
const dbFile = (dir: string) => join(dir, 'social-desk.db');

describe('opening a store with an intact key never ends on key recovery', () => {
  it('another process holding the write lock: opens anyway (reading needs no write) and leaves its runs alone', async () => {
    const { dir, core } = tempStore();
    const seed = core();
    seed.start();
    const running = seed.repos.syncRuns.start(seed.repos.accounts.upsert({ network: 'instagram', externalId: '1', name: 'B', loginKind: 'system_user' }, 1), 'routine', 1);
    seed.close();
    const holder = await holdLockInChild(dbFile(dir), keyHex(dir), 'write');
    cleanups.push(() => release(holder));

    const app = core();
    const state = app.start();
    expect(state).toMatchObject({ phase: 'ready', recoveryReason: null, storeProblem: null });
    expect(app.repos.audit.list(5).map((e) => e.action)).toContain('kept');
    // The other process may be syncing: its "running" run is not closed from under it.
    expect(app.repos.db.prepare('SELECT status FROM sync_runs WHERE id = ?').get(running)).toEqual({ status: 'running' });
    app.close();

    await release(holder);
    const later = core();
    later.start();
    expect(later.repos.db.prepare('SELECT status FROM sync_runs WHERE id = ?').get(running)).toEqual({ status: 'cancelled' });
    later.close();
  });

  it('another process keeping even readers out: "busy", says another Social Desk is running, and Try again opens once it quits', async () => {
    const { dir, core } = tempStore();
    const before = readFileSync(dbFile(dir));
    const holder = await holdLockInChild(dbFile(dir), keyHex(dir), 'exclusive-read');
    cleanups.push(() => release(holder));

    const app = core();
    const state = app.start();
    expect(state.phase).toBe('store-problem');
    expect(state.recoveryReason).toBeNull();
    expect(state.storeProblem).toMatchObject({ kind: 'busy', detail: expect.stringMatching(/another Social Desk/i), dataDir: dir });
    expect(app.retryOpen().storeProblem?.kind).toBe('busy');

    await release(holder);
    expect(app.retryOpen().phase).toBe('ready');
    expect(app.repos.audit.list(5).map((e) => e.action)).toContain('kept');
    app.close();
    expect(readFileSync(dbFile(dir)).subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true);
  });

  it('a passphrase store that is busy at unlock: Try again opens it without asking for the passphrase again', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = storeWithData(join(tmp.dir, 'data'), 'a long passphrase');
    const key = makeCore(dir, null).vault.open('a long passphrase').toString('hex');
    const holder = await holdLockInChild(dbFile(dir), key, 'exclusive-read');
    cleanups.push(() => release(holder));
    const app = makeCore(dir, null, { busyTimeoutMs: 200 });
    expect(app.start().phase).toBe('locked');
    expect(app.unlock('a long passphrase').storeProblem?.kind).toBe('busy');
    expect(app.retryOpen().storeProblem?.kind).toBe('busy');
    await release(holder);
    expect(app.retryOpen().phase).toBe('ready');
    app.close();
  });

  it('a read-only data folder: "read-only", named as such, nothing written', () => {
    const { dir, core } = tempStore();
    const ro = makeReadOnly(dir);
    cleanups.push(() => ro.restore());
    const app = core();
    const state = app.start();
    expect(state.phase, `made read-only by ${ro.how}`).toBe('store-problem');
    expect(state.storeProblem).toMatchObject({ kind: 'read-only', detail: expect.stringMatching(/read-only|permission/i) });
    ro.restore();
    cleanups.pop();
    expect(app.retryOpen().phase).toBe('ready');
    app.close();
  });

  it('a full disk: "disk-full" (on a real small tmpfs where this process may mount one)', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const mountPoint = join(tmp.dir, 'disk');
    const unmount = mountSmallDisk(mountPoint, 2048);
    if (!unmount) {
      // No mount permission: the same SQLite error a full disk raises, from a database capped at its size.
      const db = new Database(':memory:');
      db.exec('CREATE TABLE t (x BLOB)');
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      let failure: unknown = null;
      try {
        db.prepare('INSERT INTO t VALUES (zeroblob(100000))').run();
      } catch (error) {
        failure = error;
      }
      expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
      return;
    }
    cleanups.push(unmount);
    const dir = storeWithData(join(mountPoint, 'data'));
    fillDisk(mountPoint);
    const app = makeCore(dir, keychain);
    const state = app.start();
    expect(state.phase).toBe('store-problem');
    expect(state.storeProblem).toMatchObject({ kind: 'disk-full', detail: expect.stringMatching(/full/i) });
    rmSync(join(mountPoint, 'filler'));
    expect(app.retryOpen().phase).toBe('ready');
    expect(app.repos.audit.list(5).map((e) => e.action)).toContain('kept');
    app.close();
  });

  it('a database written by a newer Social Desk: "newer-version", not key recovery', () => {
    const { dir, core } = tempStore();
    const db = new Database(dbFile(dir));
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${keyHex(dir)}'"`);
    db.pragma('user_version = 999');
    db.close();
    expect(core().start()).toMatchObject({ phase: 'store-problem', recoveryReason: null, storeProblem: { kind: 'newer-version' } });
  });
});

describe('a database file that is not ours is reported damaged, never replaced', () => {
  it.each([
    ['0 bytes', Buffer.alloc(0), /empty \(0 bytes\)/],
    ['plain SQLite', null, /not encrypted/],
    ['random bytes', Buffer.alloc(8192, 7), /cannot be read with this key/],
  ] as Array<[string, Buffer | null, RegExp]>)('%s beside a vault: damaged, untouched, and "keep a copy" moves it aside with its key', (_label, bytes, reason) => {
    const { dir, core } = tempStore();
    const content = bytes;
    if (content) writeFileSync(dbFile(dir), content);
    else {
      rmSync(dbFile(dir));
      const plain = new Database(dbFile(dir));
      plain.exec('CREATE TABLE someone_elses (x)');
      plain.close();
    }
    const original = readFileSync(dbFile(dir));

    const app = core();
    const state = app.start();
    expect(state).toMatchObject({ phase: 'store-problem', recoveryReason: null, storeProblem: { kind: 'damaged', detail: expect.stringMatching(reason) } });
    expect(readFileSync(dbFile(dir)).equals(original)).toBe(true);
    expect(() => app.repos).toThrow(/not open/);

    const report = app.setAsideAndStartFresh();
    expect(report.state.phase).toBe('first-run');
    expect(report.moved).toEqual(expect.arrayContaining(['social-desk.db', 'vault.json']));
    expect(readFileSync(join(report.keptAt, 'social-desk.db')).equals(original)).toBe(true);
    expect(existsSync(join(report.keptAt, 'vault.json'))).toBe(true);
    expect(report.keptAt.startsWith(dir)).toBe(true);
    expect(statSync(report.keptAt).mode & 0o777).toBe(0o700);
  });

  it('a missing database beside its key is damaged too (keep a copy of the key), not key recovery', () => {
    const { dir, core } = tempStore();
    rmSync(dbFile(dir));
    expect(core().start()).toMatchObject({ phase: 'store-problem', storeProblem: { kind: 'damaged', detail: expect.stringMatching(/missing/) } });
  });

  it('a passphrase store whose file was emptied: unlock reports it damaged and keeps the file', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = storeWithData(join(tmp.dir, 'data'), 'a long passphrase');
    writeFileSync(dbFile(dir), '');
    const app = makeCore(dir, null);
    expect(app.start().phase).toBe('locked');
    expect(() => app.unlock('not the passphrase')).toThrow(/does not open/);
    expect(app.unlock('a long passphrase')).toMatchObject({ phase: 'store-problem', storeProblem: { kind: 'damaged' } });
    expect(statSync(dbFile(dir)).size).toBe(0);
  });

  it('set aside is refused for a store that is not reported damaged', () => {
    const { core } = tempStore();
    const app = core();
    app.start();
    expect(() => app.setAsideAndStartFresh()).toThrow(/not reported damaged/);
    expect(app.state().phase).toBe('ready');
    app.close();
    expect(readdirSync(app.dataDir).some((name) => name.startsWith('set-aside-'))).toBe(false);
  });
});
