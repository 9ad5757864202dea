import type { ErrorCode, ErrorPayload } from '../../src-preload/contract';
import { NewerSchemaError } from '../store/migrations';
import { DatabaseKeyError } from '../store/database';
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

/** Maps anything thrown in main to the closed set of codes the renderer understands. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof WrongPassphraseError) return { code: 'WRONG_PASSPHRASE', message: error.message };
  if (error instanceof KeyUnavailableError || error instanceof DatabaseKeyError) return { code: 'KEY_UNAVAILABLE', message: error.message };
  if (error instanceof NewerSchemaError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof RangeError) return { code: 'INVALID_ARGUMENT', message: error.message };
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_FULL' || sqliteCode === 'ENOSPC') {
    return { code: 'DISK_FULL', message: 'The disk is full. Nothing was lost; free some space and try again.' };
  }
  if (sqliteCode === 'SQLITE_BUSY') return { code: 'BUSY', message: 'The local database is busy; try again in a moment.' };
  if (isMetaApiError(error)) return { code: META_KIND_CODES[error.kind] ?? 'INTERNAL', message: error.userAction };
  return { code: 'INTERNAL', message: 'Something went wrong inside Social Desk. Your data is safe; try again.' };
}
