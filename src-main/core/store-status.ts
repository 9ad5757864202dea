import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreStatus } from '../../src-preload/contract';
import type { JsonStore, JsonStoreFactory } from '../settings/json-store';
import { DATABASE_FILE } from '../store/database';
import { schemaVersion } from '../store/migrations';
import { countRows, type Repositories } from '../store/repositories';

/** What is stored, its size on disk (database + WAL) and how fresh it is. */
export function readStoreStatus(repos: Repositories, dataDir: string, keyBackend: StoreStatus['keyBackend']): StoreStatus {
  const bytes = [DATABASE_FILE, `${DATABASE_FILE}-wal`].reduce((sum, name) => {
    const path = join(dataDir, name);
    return sum + (existsSync(path) ? statSync(path).size : 0);
  }, 0);
  return {
    schemaVersion: schemaVersion(repos.db),
    keyBackend,
    dataDir,
    databaseBytes: bytes,
    counts: countRows(repos.db),
    lastSyncedAt: repos.accounts.lastSyncedAt(),
  };
}

/**
 * Opens the settings file. One that cannot be parsed (a crash mid-write on an old file system, a
 * hand edit) is set aside as `<name>.json.damaged-<time>` and defaults are used: settings hold
 * nothing that cannot be chosen again, and the app must still open. `onReset` records that it happened.
 */
export function openSettingsFile(openStore: JsonStoreFactory, dataDir: string, name: string, now: number, onReset: () => void): JsonStore {
  try {
    return openStore(dataDir, name);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const file = join(dataDir, `${name}.json`);
    renameSync(file, `${file}.damaged-${now}`);
    const store = openStore(dataDir, name);
    onReset();
    return store;
  }
}
