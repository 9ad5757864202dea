import ElectronStore from 'electron-store';
import type { JsonStoreFactory } from '../settings/json-store';

/** electron-store inside the app (same file format and API as `conf` in the CLI). */
export const openElectronStore: JsonStoreFactory = (dir, name) =>
  new ElectronStore<Record<string, unknown>>({ cwd: dir, name, clearInvalidConfig: false });
