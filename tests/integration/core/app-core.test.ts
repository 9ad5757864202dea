import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, readSettings } from '../../../src-main/settings/settings';
import { SCHEMA_VERSION } from '../../../src-main/store/migrations';
import { join } from 'node:path';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeCore } from '../../support/core';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function filesContaining(dir: string, marker: string): string[] {
  return allFiles(dir).filter((file) => {
    const bytes = readFileSync(file);
    return bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'));
  });
}

describe('app core', () => {
  it('goes first run → ready with the keychain, and reopens straight to ready', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const dataDir = join(tmp.dir, 'data');
    const keychain = createFakeKeychain('machine-a');
    const core = makeCore(dataDir, keychain);
    expect(core.start().phase).toBe('first-run');
    const state = core.createVault('os-keychain');
    expect(state).toMatchObject({ phase: 'ready', keyProtection: { backend: 'os-keychain', osProtectionAvailable: true }, schemaVersion: SCHEMA_VERSION });
    expect(core.repos.audit.list(5).map((e) => e.action)).toEqual(['vault.created']);
    core.close();
    const again = makeCore(dataDir, keychain);
    expect(again.start().phase).toBe('ready');
    again.close();
  });

  it('a passphrase database starts locked; a wrong passphrase is refused and the right one opens it', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const core = makeCore(tmp.dir, null);
    core.start();
    core.createVault('passphrase', 'a long passphrase');
    core.close();
    const next = makeCore(tmp.dir, null);
    expect(next.start().phase).toBe('locked');
    expect(() => next.unlock('not the passphrase')).toThrow(/does not open/);
    expect(next.unlock('a long passphrase').phase).toBe('ready');
    next.close();
  });

  it('shows key recovery — never a crash or a new empty database — when the keychain cannot unwrap the key', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const core = makeCore(tmp.dir, createFakeKeychain('machine-a'));
    core.start();
    core.createVault('os-keychain');
    core.repos.audit.record(1, 'kept');
    core.close();
    const dbBytes = readFileSync(core.databaseFile);
    const moved = makeCore(tmp.dir, createFakeKeychain('machine-b'));
    const state = moved.start();
    expect(state.phase).toBe('key-recovery');
    expect(state.recoveryReason).toMatch(/can no longer unlock/);
    expect(() => moved.repos).toThrow(/not open/);
    expect(readFileSync(core.databaseFile).equals(dbBytes)).toBe(true);
  });

  it('shows key recovery when the database or the key file is missing', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const keychain = createFakeKeychain('machine-a');
    const core = makeCore(tmp.dir, keychain);
    core.start();
    core.createVault('os-keychain');
    core.close();
    rmSync(join(tmp.dir, 'vault.json'));
    expect(makeCore(tmp.dir, keychain).start()).toMatchObject({ phase: 'key-recovery', recoveryReason: 'The key for the local data is missing.' });
  });

  it('one-click wipe: no file ever holds the planted marker, and afterwards nothing of ours is left', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const dataDir = join(tmp.dir, 'data');
    const marker = 'PLANTED-MARKER-7c4e2a';
    const core = makeCore(dataDir, createFakeKeychain('machine-a'));
    core.start();
    core.createVault('os-keychain');
    const { accounts, inbox } = core.repos;
    const accountId = accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Brand', loginKind: 'system_user' }, 1);
    accounts.setCredential(accountId, { tokenKind: 'system_user', accessToken: `EAAG${marker}` }, 1);
    const personId = inbox.upsertPerson(accountId, { idKind: 'igsid', externalId: '99', username: 'ana' }, 1);
    const conversationId = inbox.upsertConversation(accountId, { externalId: 't1', platform: 'instagram', personId, updatedAt: 1 });
    inbox.upsertMessage(conversationId, { externalId: 'm1', direction: 'in', sentAt: 1, text: `hello ${marker}` }, 1);
    core.settings().set('theme', 'dark');
    expect(inbox.search(marker.slice(0, 7), 5)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['social-desk.db-wal', 'social-desk.db-shm']));
    expect(filesContaining(dataDir, marker)).toEqual([]);

    let stopped = false;
    core.registerWork({ stop: async () => void (stopped = true) });
    const events: string[] = [];
    core.events.on('app:state-changed', (s) => events.push(s.phase));
    const report = await core.wipe();
    expect(stopped).toBe(true);
    expect(report.removed).toEqual(['audit-head.json', 'settings.json', 'social-desk.db', 'vault.json']);
    expect(existsSync(dataDir)).toBe(false);
    expect(events).toEqual(['first-run']);
    expect(core.state().phase).toBe('first-run');
    expect(core.state().keyProtection.backend).toBe('none');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a damaged settings file is set aside and defaults are used; the app still opens', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const core = makeCore(tmp.dir, createFakeKeychain('machine-a'));
    core.start();
    core.createVault('os-keychain');
    core.close();
    writeFileSync(join(tmp.dir, 'settings.json'), '{"theme": "dark", "syncInterval');
    const again = makeCore(tmp.dir, createFakeKeychain('machine-a'));
    expect(again.start().phase).toBe('ready');
    expect(readSettings(again.settings())).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(tmp.dir).some((f) => f.startsWith('settings.json.damaged-'))).toBe(true);
    expect(again.repos.audit.list(1)[0]?.action).toBe('settings.reset_damaged_file');
    again.close();
  });
});
