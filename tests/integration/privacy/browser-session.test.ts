import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetAndClearBrowserCaches } from '../../../src-main/ipc/privacy-handlers';
import { describeAudit } from '../../../src-main/privacy/audit-words';
import {
  BROWSER_SESSION_DIR,
  browserSessionDir,
  clearBrowserSessions,
  clearSessionsAfterWipe,
  FORGET_CLEARS_STORAGES,
  removeBrowserSessionLeftovers,
  type ClearableSession,
} from '../../../src-main/privacy/browser-session';
import { makeCore, readyCoreInTempDir } from '../../support/core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { seedTwoPeople } from '../../support/privacy-seed';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  while (cleanups.length) cleanups.shift()!();
});

/**
 * Stands in for an Electron session whose storage lives in `dir` the way Chromium lays it out,
 * recording each call; like Chromium, clearing writes some state back (an empty cookie store).
 */
function fakeSession(dir: string | null, calls: string[]): ClearableSession {
  const writeBack = () => {
    if (!dir) return;
    mkdirSync(join(dir, 'Network'), { recursive: true });
    writeFileSync(join(dir, 'Network', 'Cookies'), '');
  };
  return {
    clearStorageData: async (options) => {
      calls.push(`storage:${options?.storages?.join(',') ?? 'all'}`);
      writeBack();
    },
    clearCache: async () => void calls.push('cache'),
    clearCodeCaches: async () => void calls.push('code caches'),
    clearAuthCache: async () => void calls.push('auth cache'),
    clearHostResolverCache: async () => void calls.push('host resolver cache'),
  };
}

/** What Chromium keeps for the default session and the login partition once sessionData points into the data folder. */
function chromiumWrites(dataDir: string): void {
  const root = browserSessionDir(dataDir);
  const files: Array<[string, string]> = [
    ['Cache/Cache_Data/data_1', 'cached response'],
    ['Code Cache/js/index', 'v8 code'],
    ['Local Storage/leveldb/000003.log', 'social-desk-theme dark'],
    ['IndexedDB/file__0.indexeddb.leveldb/LOG', ''],
    ['blob_storage/4f1c/1', 'handle,name\ntarget.person,Target Name'],
    ['Network/Cookies', ''],
    ['Partitions/meta-login/Cache/Cache_Data/data_1', 'facebook.com login page'],
    ['Preferences', '{}'],
  ];
  for (const [path, text] of files) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('browser sessions live in the data folder and go with a wipe', () => {
  it('the wipe removes the session folder, what Chromium writes back while clearing, and then the data folder itself', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dataDir = join(tmp.dir, 'data');
    const calls: string[] = [];
    const sessions = [
      { name: 'default', session: fakeSession(browserSessionDir(dataDir), calls) },
      { name: 'persist:meta-login', session: fakeSession(join(browserSessionDir(dataDir), 'Partitions', 'meta-login'), calls) },
    ];
    // The desktop wipe's glue (index.ts → clearSessionsForWipe) with these sessions in place of Electron's.
    const core = makeCore(dataDir, createFakeKeychain('browser-session'), { wipeExtras: () => clearSessionsAfterWipe(sessions, dataDir, true) });
    core.start();
    core.createVault('os-keychain');
    chromiumWrites(dataDir);
    const report = await core.wipe();
    expect(report.left).toEqual([]);
    expect(report.removed).toEqual(
      expect.arrayContaining([`${BROWSER_SESSION_DIR}/`, 'browser storage (default): cookies, local storage, cache, auth and code caches', 'browser storage (persist:meta-login): cookies, local storage, cache, auth and code caches']),
    );
    expect(calls.filter((c) => c === 'storage:all')).toHaveLength(2);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('keeps a data folder that still holds something else, removing only the session folder', () => {
    const { core, dataDir } = readyCoreInTempDir(cleanups, 'browser-session-keep');
    core.close();
    chromiumWrites(dataDir);
    expect(removeBrowserSessionLeftovers(dataDir, true)).toEqual([]);
    // The store's files are still there: the folder stays.
    expect(existsSync(dataDir)).toBe(true);
    expect(existsSync(browserSessionDir(dataDir))).toBe(false);
  });
});

describe('a forget clears the browser caches and page storage too', () => {
  it('clears HTTP and code caches and page storage of every session, keeping the theme (localStorage) and the login cookies', async () => {
    const calls: string[] = [];
    await clearBrowserSessions([{ name: 'default', session: fakeSession(null, calls) }], 'forget');
    expect(calls).toEqual([`storage:${FORGET_CLEARS_STORAGES.join(',')}`, 'cache', 'code caches']);
    expect(FORGET_CLEARS_STORAGES).not.toContain('localstorage');
    expect(FORGET_CLEARS_STORAGES).not.toContain('cookies');
  });

  it('runs after the forget; a failure to clear is recorded against the receipt and the forget still stands', async () => {
    const { core } = readyCoreInTempDir(cleanups, 'browser-session-forget');
    const { target, other } = seedTwoPeople(core.repos, { target: 'zebrafinch', other: 'kestrel' });
    let cleared = 0;
    const receipt = await forgetAndClearBrowserCaches(core, { handleOrId: target.handle }, async () => {
      cleared += 1;
      return [];
    });
    expect(cleared).toBe(1);
    expect(receipt.counts.messages).toBe(4);

    const second = await forgetAndClearBrowserCaches(core, { handleOrId: other.handle }, () => Promise.reject(new Error('the cache folder is read-only')));
    expect(core.repos.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    const entry = core.repos.audit.list(1)[0]!;
    expect(describeAudit(entry).summary).toBe(`After forget ${second.code}, the browser caches could not be cleared: the cache folder is read-only`);
  });
});
