import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REWRAP_STEPS } from '../../../src-main/vault/rewrap';
import { WrongPassphraseError } from '../../../src-main/vault/key-wrapping';
import { makeCore } from '../../support/core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeTempDir } from '../../support/temp-dir';

const OLD = 'old passphrase 1';
const NEW = 'new passphrase 2';
let cleanup = () => {};
afterEach(() => cleanup());

function makeStore() {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const dataDir = join(tmp.dir, 'data');
  const core = makeCore(dataDir, null);
  core.start();
  core.createVault('passphrase', OLD);
  core.repos.audit.record(1, 'marker.before_change');
  core.close();
  return dataDir;
}

/** Which passphrases open the store now; each one that does must also open the database with its data. */
function opensWith(dataDir: string): string[] {
  const works: string[] = [];
  for (const passphrase of [OLD, NEW]) {
    const core = makeCore(dataDir, null);
    expect(core.start().phase).toBe('locked');
    try {
      core.unlock(passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) continue;
      throw error;
    }
    expect(core.state().phase).toBe('ready');
    expect(core.repos.audit.list(50).some((e) => e.action === 'marker.before_change')).toBe(true);
    core.close();
    works.push(passphrase);
  }
  return works;
}

describe('change passphrase: a re-wrap that a crash cannot lose', () => {
  for (const step of REWRAP_STEPS) {
    it(`killed at "${step}": the store opens with the old or the new passphrase, never neither`, () => {
      const dataDir = makeStore();
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../support/rewrap-child.ts'), dataDir, step, OLD, NEW], { encoding: 'utf8' });
      expect(child.signal, child.stderr).toBe('SIGKILL');
      const works = opensWith(dataDir);
      const renamed = REWRAP_STEPS.indexOf(step) >= REWRAP_STEPS.indexOf('renamed');
      expect(works).toEqual(renamed ? [NEW] : [OLD]);
    });
  }

  it('without a crash: the new passphrase opens it, the old does not, it is audited, and a leftover .next file is harmless', () => {
    const dataDir = makeStore();
    const core = makeCore(dataDir, null);
    core.start();
    core.unlock(OLD);
    expect(() => core.changePassphrase('wrong one!', NEW)).toThrow(WrongPassphraseError);
    expect(() => core.changePassphrase(OLD, 'short')).toThrow(/at least 8/);
    core.changePassphrase(OLD, NEW);
    expect(core.repos.audit.list(1)[0]?.action).toBe('vault.passphrase_changed');
    core.close();
    expect(existsSync(join(dataDir, 'vault.json.next'))).toBe(false);
    expect(opensWith(dataDir)).toEqual([NEW]);
  });

  it('switches passphrase → keychain → passphrase without touching the database', () => {
    const dataDir = makeStore();
    const keychain = createFakeKeychain('secret-A');
    const core = makeCore(dataDir, keychain);
    core.start();
    core.unlock(OLD);
    expect(core.switchProtection('os-keychain', { current: OLD }).keyProtection.backend).toBe('os-keychain');
    core.close();
    const again = makeCore(dataDir, keychain);
    expect(again.start().phase, 'the keychain opens it at start').toBe('ready');
    expect(again.switchProtection('passphrase', { passphrase: NEW }).keyProtection.backend).toBe('passphrase');
    expect(again.repos.audit.list(5).map((e) => e.action)).toContain('vault.protection_switched');
    again.close();
    expect(opensWith(dataDir)).toEqual([NEW]);
  });

  it('lock now closes the data and asks again; with the keychain, unlock asks the keychain', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const core = makeCore(join(tmp.dir, 'data'), createFakeKeychain('k'));
    core.start();
    core.createVault('os-keychain');
    const locked = await core.lock('manual');
    expect(locked.phase).toBe('locked');
    expect(() => core.repos).toThrow(/not open/);
    expect(core.unlock('').phase).toBe('ready');
    expect(core.repos.audit.list(2).map((e) => e.action)).toEqual(['vault.unlocked', 'vault.locked']);
    core.close();
  });
});
