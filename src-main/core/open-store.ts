import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanStaleStaging } from '../privacy/export-staging';
import { openDatabase, type Db } from '../store/database';
import { createRepositories, type Repositories } from '../store/repositories';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenQuietly } from './private-files';
import { describeStoreProblem, writeAccessProblem } from './store-problem';

export interface OpenStoreOptions {
  dataDir: string;
  databaseFile: string;
  /** The data key; zeroed here whatever happens. */
  key: Buffer;
  /** First run: the database is created rather than required. */
  creating: boolean;
  busyTimeoutMs: number;
  nativeBinding?: string;
  now: number;
}

/**
 * Before anything is read: owner-only modes on what an older version or a copy left wider, and
 * staging of exports that were killed. Best effort: a read-only medium is reported by the open itself.
 */
export function tidyDataDir(dataDir: string, fileNames: readonly string[], log?: (message: string, error: unknown) => void): void {
  if (!statSync(dataDir, { throwIfNoEntry: false })?.isDirectory()) return;
  tightenQuietly([dataDir], PRIVATE_DIR_MODE);
  tightenQuietly(
    fileNames.map((name) => join(dataDir, name)),
    PRIVATE_FILE_MODE,
  );
  try {
    cleanStaleStaging(dataDir);
  } catch (error) {
    log?.('[start] could not clean up a killed export', error);
  }
}

/**
 * Sync runs a killed process left "running" are closed, but only if the write lock is free this
 * instant (`BEGIN IMMEDIATE` with no busy wait; WAL has one writer at a time, https://www.sqlite.org/wal.html §2.2): opening never waits on or fails over a write. When another Social Desk holds the lock
 * its runs may well be alive, so they are left alone; a full or read-only disk can wait too.
 */
function closeAbandonedRunsIfFree(repos: Repositories, options: OpenStoreOptions): void {
  const { db } = repos;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => repos.syncRuns.closeAbandoned(options.now)).immediate();
  } catch (error) {
    const kind = describeStoreProblem(error, options.dataDir).kind;
    if (kind !== 'busy' && kind !== 'disk-full' && kind !== 'read-only') throw error;
  } finally {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  }
}

/** Opens (or on first run creates) the encrypted store and its repositories. */
export function openStoreFile(options: OpenStoreOptions): Repositories {
  let db: Db;
  try {
    // A folder or file we may not write is named before SQLite fails on it in vaguer words.
    const denied = writeAccessProblem(options.creating ? [options.dataDir] : [options.dataDir, options.databaseFile]);
    if (denied) throw denied;
    db = openDatabase({
      file: options.databaseFile,
      key: options.key,
      mustExist: !options.creating,
      busyTimeoutMs: options.busyTimeoutMs,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } finally {
    options.key.fill(0);
  }
  try {
    const repos = createRepositories(db);
    closeAbandonedRunsIfFree(repos, options);
    return repos;
  } catch (error) {
    db.close();
    throw error;
  }
}
