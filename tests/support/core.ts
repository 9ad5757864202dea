import { AppCore, type AppCoreOptions } from '../../src-main/core/app-core';
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
