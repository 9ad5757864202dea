import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeCore } from '../../support/core';
import { makeReadOnly } from '../../support/fs-faults';
import { makeTempDir } from '../../support/temp-dir';

const keychain = createFakeKeychain('machine-a');
const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('owner-only files, whatever the umask', () => {
  it.each([0o000, 0o022])('umask %o: data folder 0700; database, -wal, -shm, vault and settings 0600', (umask) => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const previous = process.umask(umask);
    cleanups.push(() => process.umask(previous));
    const dataDir = join(tmp.dir, 'nested', 'data');
    const core = makeCore(dataDir, keychain);
    core.start();
    core.createVault('os-keychain');
    core.settings().set('theme', 'dark');
    core.repos.audit.record(1, 'written');
    expect(modeOf(dataDir)).toBe(0o700);
    for (const name of ['social-desk.db', 'social-desk.db-wal', 'social-desk.db-shm', 'vault.json', 'settings.json']) {
      expect(modeOf(join(dataDir, name)), name).toBe(0o600);
    }
    core.close();
  });

  it('a folder an older version left world-readable is tightened at start', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = makeCore(tmp.dir, keychain);
    core.start();
    core.createVault('os-keychain');
    core.close();
    chmodSync(tmp.dir, 0o755);
    chmodSync(join(tmp.dir, 'social-desk.db'), 0o644);
    chmodSync(join(tmp.dir, 'vault.json'), 0o644);
    const again = makeCore(tmp.dir, keychain);
    expect(again.start().phase).toBe('ready');
    expect([modeOf(tmp.dir), modeOf(join(tmp.dir, 'social-desk.db')), modeOf(join(tmp.dir, 'vault.json'))]).toEqual([0o700, 0o600, 0o600]);
    again.close();
  });
});

describe('a wipe that cannot finish', () => {
  it('reports removed and left with the cause, says so in the app state, and completes when run again', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dataDir = join(tmp.dir, 'data');
    const core = makeCore(dataDir, keychain);
    core.start();
    core.createVault('os-keychain');
    core.settings().set('theme', 'dark');
    writeFileSync(join(dataDir, 'settings.json.damaged-1'), '{');

    const ro = makeReadOnly(dataDir);
    cleanups.push(() => ro.restore());
    const partial = await core.wipe();
    expect(partial.removed, `read-only by ${ro.how}`).toEqual([]);
    // Closing could not even fold the WAL back in (read-only), so -wal and -shm are left as well.
    const everything = ['audit-head.json', 'settings.json', 'settings.json.damaged-1', 'social-desk.db', 'social-desk.db-shm', 'social-desk.db-wal', 'vault.json'];
    expect(partial.left.map((l) => l.name).sort()).toEqual(everything);
    expect(partial.left[0]!.cause).toMatch(/read-only|permission/i);
    const state = core.state();
    expect(state.phase).toBe('store-problem');
    expect(state.storeProblem).toMatchObject({ kind: 'wipe-incomplete', left: expect.arrayContaining([expect.stringMatching(/^vault\.json — /)]) });
    // "Try again" would reopen half-erased data: only erasing again is offered.
    expect(() => core.retryOpen()).toThrow(/erase has not finished/);

    ro.restore();
    cleanups.pop();
    const finished = await core.wipe();
    expect(finished.left).toEqual([]);
    expect(finished.removed.sort()).toEqual(everything);
    expect(core.state()).toMatchObject({ phase: 'first-run', storeProblem: null });
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});
