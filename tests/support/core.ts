import { join } from 'node:path';
import { AppCore, type AppCoreOptions } from '../../src-main/core/app-core';
import { createFakeKeychain } from './fake-keychain';
import { makeTempDir } from './temp-dir';
import { openConfStore } from '../../src-main/settings/conf-store';
import type { OsCrypto } from '../../src-main/vault/key-wrapping';

/** Cheap scrypt so tests stay fast; the app uses the default cost. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 } as const;

export function makeCore(dataDir: string, osCrypto: OsCrypto | null, extra: Partial<AppCoreOptions> = {}): AppCore {
  return new AppCore({
    dataDir,
    removeDataDirOnWipe: true,
    appVersion: '0.0.0-test',
    platform: 'linux',
    osCrypto,
    openStore: openConfStore,
    scryptCost: TEST_SCRYPT,
    ...extra,
  });
}

/**
 * A ready store (keychain mode) in a fresh temporary folder: `{ core, dataDir, parent }`. `cleanups`
 * gets the folder's removal and, first, closing the core if it is still open.
 */
export function readyCoreInTempDir(cleanups: Array<() => unknown>, secret: string): { core: AppCore; dataDir: string; parent: string } {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const dataDir = join(tmp.dir, 'data');
  const core = makeCore(dataDir, createFakeKeychain(secret));
  core.start();
  core.createVault('os-keychain');
  cleanups.unshift(() => core.state().phase === 'ready' && core.close());
  return { core, dataDir, parent: tmp.dir };
}
