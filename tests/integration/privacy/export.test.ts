import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportAll } from '../../../src-main/privacy/export';
import { EXPORT_STAGING_DIR, moveIntoPlace } from '../../../src-main/privacy/export-staging';
import { makeCore } from '../../support/core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { mountSmallDisk } from '../../support/fs-faults';
import { makeTempDir } from '../../support/temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const SECRET = 'export-tests';
const MARKER = 'PLAINTEXT-MARKER-5d1';
const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A closed store with one message carrying the marker; returns its data folder. */
function storeWithMessage(parent: string): string {
  const dataDir = join(parent, 'data');
  const core = makeCore(dataDir, createFakeKeychain(SECRET));
  core.start();
  core.createVault('os-keychain');
  const { accounts, inbox } = core.repos;
  const accountId = accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Brand', loginKind: 'system_user' }, 1);
  const personId = inbox.upsertPerson(accountId, { idKind: 'igsid', externalId: '99', username: 'ana' }, 1);
  const conversationId = inbox.upsertConversation(accountId, { externalId: 't1', platform: 'instagram', personId, updatedAt: 1 });
  inbox.upsertMessage(conversationId, { externalId: 'm1', direction: 'in', sentAt: 1, text: `hello ${MARKER}` }, 1);
  core.close();
  return dataDir;
}

function tempParent(): string {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

describe('export staging', () => {
  it('a SIGKILLed export leaves its plaintext only inside the data folder, owner-only, and the next start removes it', async () => {
    const parent = tempParent();
    const dataDir = storeWithMessage(parent);
    const outDir = join(parent, 'usb', 'export');
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['tests/support/export-child.ts', dataDir, outDir, SECRET], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const [exporterPid, staging] = await new Promise<[number, string]>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /STAGED (\d+) (.+)\n/.exec(chunk.toString());
        if (match) done([Number(match[1]), match[2]!]);
      });
      child.once('exit', (code) => fail(new Error(`export child exited early (${code})`)));
    });
    const wrapperGone = new Promise((done) => child.once('exit', done));
    process.kill(exporterPid, 'SIGKILL');
    await wrapperGone;
    expect(() => process.kill(exporterPid, 0)).toThrow();

    expect(staging.startsWith(join(dataDir, EXPORT_STAGING_DIR))).toBe(true);
    const staged = join(staging, readdirSync(staging)[0]!);
    expect(readFileSync(staged, 'utf8')).toContain(MARKER);
    expect([modeOf(join(dataDir, EXPORT_STAGING_DIR)), modeOf(staging), modeOf(staged)]).toEqual([0o700, 0o700, 0o600]);
    // Nothing beside (or in) the folder the person chose.
    expect(existsSync(join(parent, 'usb')) ? readdirSync(join(parent, 'usb')) : []).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(['data']);

    const next = makeCore(dataDir, createFakeKeychain(SECRET));
    expect(next.start().phase).toBe('ready');
    expect(readdirSync(join(dataDir, EXPORT_STAGING_DIR))).toEqual([]);
    next.close();
  }, 60_000);

  it('a staging folder of an export still running is left alone; the wipe removes any', async () => {
    const parent = tempParent();
    const dataDir = storeWithMessage(parent);
    const live = join(dataDir, EXPORT_STAGING_DIR, `${process.pid}-live`);
    const dead = join(dataDir, EXPORT_STAGING_DIR, '999999999-dead');
    for (const dir of [live, dead]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'messages.csv'), MARKER);
    }
    const core = makeCore(dataDir, createFakeKeychain(SECRET));
    core.start();
    expect(readdirSync(join(dataDir, EXPORT_STAGING_DIR))).toEqual([`${process.pid}-live`]);
    const report = await core.wipe();
    expect(report.removed).toContain(`${EXPORT_STAGING_DIR}/`);
    expect(existsSync(live)).toBe(false);
  });

  it('--out on another file system (EXDEV): copied, then the staged file removed; files 0600, folder 0700', async () => {
    const parent = tempParent();
    const dataDir = storeWithMessage(parent);
    const usb = join(parent, 'usb');
    const unmount = mountSmallDisk(usb, 4096);
    let outParent = usb;
    if (unmount) cleanups.push(unmount);
    else {
      // No mount permission: /dev/shm is its own tmpfs on Linux; elsewhere only the injected EXDEV below runs.
      const shm = '/dev/shm';
      if (!existsSync(shm) || statSync(shm).dev === statSync(tmpdir()).dev) return;
      const tmp = makeTempDir();
      cleanups.push(tmp.cleanup);
      outParent = tmp.dir.replace(tmpdir(), shm);
    }
    expect(statSync(outParent).dev).not.toBe(statSync(dataDir).dev);
    const core = makeCore(dataDir, createFakeKeychain(SECRET));
    core.start();
    const outDir = join(outParent, 'export');
    const counts = await exportAll(core.repos.db, outDir, 'json', { dataDir });
    core.close();
    expect(counts.messages).toBe(1);
    expect(readdirSync(outDir).sort()).toEqual(['account_daily_insights.json', 'conversations.json', 'messages.json', 'posts.json']);
    expect(modeOf(outDir)).toBe(0o700);
    for (const name of readdirSync(outDir)) expect(modeOf(join(outDir, name)), name).toBe(0o600);
    expect(readFileSync(join(outDir, 'messages.json'), 'utf8')).toContain(MARKER);
    expect(readdirSync(join(dataDir, EXPORT_STAGING_DIR))).toEqual([]);
  });

  it('moveIntoPlace copies across devices when rename says EXDEV, leaving no partial file', () => {
    const parent = tempParent();
    const from = join(parent, 'staged.csv');
    const to = join(parent, 'final.csv');
    writeFileSync(from, 'a,b\r\n', { mode: 0o644 });
    moveIntoPlace(from, to, () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    });
    expect(readFileSync(to, 'utf8')).toBe('a,b\r\n');
    expect(existsSync(from)).toBe(false);
    expect(modeOf(to)).toBe(0o600);
    expect(readdirSync(parent)).toEqual(['final.csv']);
  });

  it('--out that is a file is refused by name, and nothing is staged', async () => {
    const parent = tempParent();
    const dataDir = storeWithMessage(parent);
    const file = join(parent, 'not-a-folder');
    writeFileSync(file, 'mine');
    const core = makeCore(dataDir, createFakeKeychain(SECRET));
    core.start();
    await expect(exportAll(core.repos.db, file, 'csv', { dataDir })).rejects.toThrow(/is a file, not a folder/);
    core.close();
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(existsSync(join(dataDir, EXPORT_STAGING_DIR)) ? readdirSync(join(dataDir, EXPORT_STAGING_DIR)) : []).toEqual([]);
  });
});
