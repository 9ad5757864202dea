import type { ErrorCode, ErrorPayload } from '../../src-preload/contract';
import { NewerSchemaError } from '../store/migrations';
import { DamagedDatabaseError, DatabaseKeyError } from '../store/database';
import { KeyUnavailableError, WrongPassphraseError } from '../vault/key-wrapping';
import { isMetaApiError, type MetaErrorKind } from '../meta/errors';

/** Meta's failure kinds in the renderer's closed set of codes (the message is Meta's next step in plain words). */
const META_KIND_CODES: Partial<Record<MetaErrorKind, ErrorCode>> = {
  offline: 'OFFLINE',
  timeout: 'OFFLINE',
  'rate-limited': 'RATE_LIMITED',
  'auth-expired': 'AUTH_EXPIRED',
  'auth-invalid': 'AUTH_EXPIRED',
  permission: 'AUTH_EXPIRED',
  'not-found': 'NOT_FOUND',
  'outside-window': 'CONFLICT',
  'invalid-request': 'INVALID_ARGUMENT',
  transient: 'BUSY',
  aborted: 'BUSY',
};

/** An error meant for the person using the app: its code picks the words and the next step. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The file a Node file-system error is about, for messages that name it. */
function pathOf(error: unknown): string {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? ` (${path})` : '';
}

/** SQLite's and the file system's own error codes, by cause. */
function systemErrorPayload(error: unknown): ErrorPayload | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return { code: 'DISK_FULL', message: `The disk is full${pathOf(error)}. Nothing was lost; free some space and try again.` };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code: 'BUSY', message: 'Another Social Desk (the app or its command line) is using the local database; try again when it has finished.' };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { code: 'READ_ONLY', message: `Permission denied or read-only${pathOf(error)}: Social Desk cannot write there (${code}).` };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { code: 'DAMAGED', message: `The local database file is damaged (${code}).` };
  }
  if (code === 'ENOTDIR') return { code: 'INVALID_ARGUMENT', message: `A path that should be a folder is a file${pathOf(error)}.` };
  if (code === 'EISDIR') return { code: 'INVALID_ARGUMENT', message: `A path that should be a file is a folder${pathOf(error)}.` };
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: `No such file or folder${pathOf(error)}.` };
  if (code === 'EXDEV') return { code: 'INTERNAL', message: `A file could not be moved to another disk${pathOf(error)}.` };
  return null;
}

/** Maps anything thrown in main to the closed set of codes the renderer understands. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof WrongPassphraseError) return { code: 'WRONG_PASSPHRASE', message: error.message };
  if (error instanceof KeyUnavailableError) return { code: 'KEY_UNAVAILABLE', message: error.message };
  if (error instanceof DamagedDatabaseError || error instanceof DatabaseKeyError) return { code: 'DAMAGED', message: error.message };
  if (error instanceof NewerSchemaError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof RangeError) return { code: 'INVALID_ARGUMENT', message: error.message };
  const system = systemErrorPayload(error);
  if (system) return system;
  if (isMetaApiError(error)) return { code: META_KIND_CODES[error.kind] ?? 'INTERNAL', message: error.userAction };
  return { code: 'INTERNAL', message: 'Something went wrong inside Social Desk. Your data is safe; try again.' };
}
