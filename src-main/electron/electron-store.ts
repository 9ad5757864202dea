import ElectronStore from 'electron-store';
import { PRIVATE_FILE_MODE } from '../core/private-files';
import type { JsonStoreFactory } from '../settings/json-store';

/** electron-store inside the app (same file format and API as `conf` in the CLI); files owner-only. */
export const openElectronStore: JsonStoreFactory = (dir, name) =>
  new ElectronStore<Record<string, unknown>>({ cwd: dir, name, clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE });
