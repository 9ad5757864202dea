import { join } from 'node:path';
import type { AppCore, AppCoreOptions } from '../../src-main/core/app-core';
import { startEmulator, type RunningEmulator } from '../../src-main/emulator/server';
import { createDispatch, type Dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { AppServices } from '../../src-main/services/app-services';
import { makeCore } from './core';
import { createFakeKeychain } from './fake-keychain';
import { T0 } from './sync-harness';
import { makeTempDir } from './temp-dir';

export interface ServicesHarness {
  emulator: RunningEmulator;
  core: AppCore;
  services: AppServices;
  /** The IPC dispatch the renderer talks to, with the same validation. */
  call: Dispatch;
  clock: { now: number };
  close(): Promise<void>;
}

/** An open store with the app's services pointed at a fresh emulator, driven through IPC dispatch. */
export async function makeServicesHarness(keychainSecret: string, coreOptions: Partial<AppCoreOptions> = {}): Promise<ServicesHarness> {
  const clock = { now: T0 };
  const emulator = await startEmulator({ port: 0, scenario: 'small', now: () => clock.now });
  const tmp = makeTempDir();
  const core = makeCore(join(tmp.dir, 'data'), createFakeKeychain(keychainSecret), { now: () => clock.now, ...coreOptions });
  const services = new AppServices(core, { graphConfig: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }), autoStart: false });
  core.start();
  core.createVault('os-keychain');
  const call = createDispatch(
    createHandlers({ core, services, loadDemo: () => Promise.reject(new Error('not used here')), quit: () => {}, openExternal: async () => {}, showFolder: async () => {} }),
  );
  return {
    emulator,
    core,
    services,
    call,
    clock,
    async close() {
      core.close();
      await emulator.stop();
      tmp.cleanup();
    },
  };
}
