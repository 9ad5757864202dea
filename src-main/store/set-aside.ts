import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../core/private-files';
import { DATABASE_FILE } from './database';

/** What a set-aside copy holds: the database with its journal files, and the key that opens it. */
/** The audit log's head (audit-head.json) goes with its log: the fresh store starts a new one. */
const SET_ASIDE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'vault.json', 'audit-head.json'];

/** Folders named like this inside the data folder hold copies set aside; the wipe removes them too. */
export const SET_ASIDE_PREFIX = 'set-aside-';

/**
 * Moves a damaged (or unreadable) database and its wrapped key into a dated folder inside the
 * data folder, so starting fresh erases nothing: the copy stays for a repair attempt or support.
 * The key goes with it, because the copy is encrypted and useless without it.
 */
export function setAsideDatabase(dataDir: string, now: number): { keptAt: string; moved: string[] } {
  const keptAt = join(dataDir, `${SET_ASIDE_PREFIX}${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
  ensurePrivateDir(keptAt);
  const moved: string[] = [];
  for (const name of SET_ASIDE_FILES) {
    const from = join(dataDir, name);
    if (!existsSync(from)) continue;
    renameSync(from, join(keptAt, name));
    moved.push(name);
  }
  return { keptAt, moved };
}
