import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openConfStore } from '../../../src-main/settings/conf-store';
import { DEFAULT_SCRYPT, KeyUnavailableError, osProtection, ScryptParamsSchema, WrongPassphraseError } from '../../../src-main/vault/key-wrapping';
import { Vault } from '../../../src-main/vault/vault';
import { createFakeKeychain } from '../../support/fake-keychain';
import { TEST_SCRYPT } from '../../support/core';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function vaultIn(dir: string, keychain = createFakeKeychain('machine-a')) {
  return new Vault({ dataDir: dir, openStore: openConfStore, osCrypto: keychain, platform: 'linux', now: () => 1, scryptCost: TEST_SCRYPT });
}

describe('vault', () => {
  it('bounds the scrypt cost read from vault.json by what the app writes, so a tampered file cannot hang unlock', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    vaultIn(tmp.dir).create('passphrase', 'correct horse battery');
    const file = join(tmp.dir, 'vault.json');
    const original = JSON.parse(readFileSync(file, 'utf8')) as { record: { kdf: Record<string, number> } };
    for (const [field, value] of [['N', 2 ** 18], ['N', 3000], ['r', 64], ['p', 1_000_000]] as const) {
      writeFileSync(file, JSON.stringify({ record: { ...original.record, kdf: { ...original.record.kdf, [field]: value } } }));
      expect(() => vaultIn(tmp.dir).open('correct horse battery'), `${field}=${value}`).toThrow(new RegExp(`altered \\(kdf\\.${field}`));
    }
    expect(ScryptParamsSchema.safeParse({ ...DEFAULT_SCRYPT, salt: 'c2FsdA==' }).success).toBe(true);
  });

  it('wraps with a passphrase: the right one opens, a wrong one is refused, the key never hits the disk', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const key = vaultIn(tmp.dir).create('passphrase', 'correct horse battery');
    const onDisk = readFileSync(join(tmp.dir, 'vault.json'), 'utf8');
    expect(onDisk).not.toContain(key.toString('hex'));
    expect(onDisk).not.toContain(key.toString('base64'));
    expect(onDisk).toContain('"backend": "passphrase"');
    expect(vaultIn(tmp.dir).open('correct horse battery').equals(key)).toBe(true);
    expect(() => vaultIn(tmp.dir).open('wrong horse battery')).toThrow(WrongPassphraseError);
  });

  it('wraps with the OS keychain and records which backend; another keychain cannot open it', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const key = vaultIn(tmp.dir).create('os-keychain');
    expect(vaultIn(tmp.dir).record()).toMatchObject({ backend: 'os-keychain', osBackendName: 'gnome_libsecret' });
    expect(vaultIn(tmp.dir).open().equals(key)).toBe(true);
    expect(() => vaultIn(tmp.dir, createFakeKeychain('machine-b')).open()).toThrow(KeyUnavailableError);
    expect(() => vaultIn(tmp.dir, createFakeKeychain('machine-a', 'kwallet5')).open()).not.toThrow();
  });

  it('treats Linux basic_text as no protection and never stores the key in plaintext instead', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const basic = createFakeKeychain('x', 'basic_text');
    expect(osProtection(basic, 'linux')).toEqual({ available: false, backendName: 'basic_text' });
    expect(osProtection(basic, 'darwin')).toEqual({ available: true, backendName: 'keychain' });
    expect(osProtection(null, 'win32')).toEqual({ available: false, backendName: null });
    expect(() => vaultIn(tmp.dir, basic).create('os-keychain')).toThrow(KeyUnavailableError);
    expect(vaultIn(tmp.dir, basic).record()).toBeNull();
  });

  it('rejects a short passphrase and refuses to overwrite an existing key', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    expect(() => vaultIn(tmp.dir).create('passphrase', 'short')).toThrow(RangeError);
    vaultIn(tmp.dir).create('passphrase', 'long enough passphrase');
    expect(() => vaultIn(tmp.dir).create('os-keychain')).toThrow(/already exists/);
  });

  it('reports a damaged key file as unavailable rather than crashing', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const store = openConfStore(tmp.dir, 'vault');
    store.set('record', { version: 1, backend: 'os-keychain', wrappedKey: 42 });
    expect(() => vaultIn(tmp.dir).record()).toThrow(KeyUnavailableError);
  });
});
