import { accessSync, constants, statfsSync } from 'node:fs';
import type { ErrorCode, StoreProblem, StoreProblemKind } from '../../src-preload/contract';
import { AppError } from './app-error';
import { DamagedDatabaseError, DatabaseKeyError } from '../store/database';
import { NewerSchemaError } from '../store/migrations';

/** Below this much free space SQLite cannot even map its shared-memory index: call it full. */
const NEARLY_FULL_BYTES = 1024 * 1024;

const BUSY = /^SQLITE_(BUSY|LOCKED)/;
const FULL = /^(SQLITE_FULL|ENOSPC|EDQUOT)$/;
const READ_ONLY = /^(SQLITE_READONLY.*|SQLITE_PERM|SQLITE_AUTH|EROFS|EACCES|EPERM)$/;
const DAMAGED = /^(SQLITE_CORRUPT.*|SQLITE_NOTADB)$/;

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Why the data folder cannot be written, or null when it can (root passes chmod, not a read-only mount). */
export function writeAccessProblem(paths: readonly string[]): NodeJS.ErrnoException | null {
  for (const path of paths) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') continue;
      return error as NodeJS.ErrnoException;
    }
  }
  return null;
}

function diskNearlyFull(dataDir: string): boolean {
  try {
    const fs = statfsSync(dataDir);
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

function kindOf(error: unknown, dataDir: string): StoreProblemKind {
  if (error instanceof NewerSchemaError) return 'newer-version';
  // The key came out of the vault intact (authenticated), so a file it cannot read is not that file any more.
  if (error instanceof DamagedDatabaseError || error instanceof DatabaseKeyError) return 'damaged';
  const code = codeOf(error) ?? '';
  if (BUSY.test(code)) return 'busy';
  if (FULL.test(code)) return 'disk-full';
  if (READ_ONLY.test(code)) return 'read-only';
  if (DAMAGED.test(code)) return 'damaged';
  // SQLite says only "cannot open" or "I/O error" (e.g. it could not create or grow `-shm`): ask the file system why.
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    if (diskNearlyFull(dataDir)) return 'disk-full';
    if (writeAccessProblem([dataDir])) return 'read-only';
  }
  return 'unreadable';
}

function detailOf(kind: StoreProblemKind, error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const cause = code && !message.includes(code) ? `${message}, ${code}` : message;
  switch (kind) {
    case 'busy':
      return `Another program — most likely another Social Desk window or its command line — is using the local database (${cause}).`;
    case 'disk-full':
      return `The disk that holds the data folder is full (${cause}).`;
    case 'read-only':
      return `Social Desk cannot write to its data folder: it is read-only, or permission is denied (${cause}).`;
    case 'unreadable':
      return code === 'ENOTDIR' ? `The data folder is not a folder: a file has its name (${cause}).` : cause;
    default:
      return cause;
  }
}

/**
 * Names what stopped the store from opening, for its own screen; key loss is not one of these.
 * In WAL mode a reader is blocked only by WAL recovery or by a connection in exclusive locking
 * mode (https://www.sqlite.org/wal.html §8, "Sometimes Queries Return SQLITE_BUSY In WAL Mode"),
 * and a WAL database on a read-only medium cannot create its `-shm` (§4, "Read-Only Databases"),
 * which SQLite reports only as CANTOPEN or IOERR: hence the file-system questions below.
 */
export function describeStoreProblem(error: unknown, dataDir: string): StoreProblem {
  const kind = kindOf(error, dataDir);
  return { kind, detail: detailOf(kind, error), dataDir, left: [] };
}

/** An erase that stopped part-way: what is left, each with its cause, so it can be run again. */
export function wipeIncompleteProblem(left: ReadonlyArray<{ name: string; cause: string }>, dataDir: string): StoreProblem {
  return {
    kind: 'wipe-incomplete',
    detail: `The erase stopped part-way: ${left.length === 1 ? 'one item' : `${left.length} items`} could not be removed.`,
    dataDir,
    left: left.map((l) => `${l.name} — ${l.cause}`),
  };
}

const PROBLEM_CODES: Record<StoreProblemKind, ErrorCode> = {
  busy: 'BUSY',
  'disk-full': 'DISK_FULL',
  'read-only': 'READ_ONLY',
  damaged: 'DAMAGED',
  'newer-version': 'CONFLICT',
  'wipe-incomplete': 'CONFLICT',
  unreadable: 'INTERNAL',
};

/** The same problem as an error with its code, for callers that cannot show a screen (the CLI). */
export function storeProblemError(problem: StoreProblem): AppError {
  const left = problem.left.length > 0 ? ` Left: ${problem.left.join('; ')}.` : '';
  return new AppError(PROBLEM_CODES[problem.kind], `${problem.detail}${left} (data folder: ${problem.dataDir})`);
}
