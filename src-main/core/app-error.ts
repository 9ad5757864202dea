import type { ErrorCode, ErrorPayload } from '../../src-preload/contract';
import { NewerSchemaError } from '../store/migrations';
import { DatabaseKeyError } from '../store/database';
import { KeyUnavailableError, WrongPassphraseError } from '../vault/key-wrapping';

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
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (kind === 'offline') return { code: 'OFFLINE', message: 'You are offline. Everything shown is from this computer.' };
  if (kind === 'rate-limited') return { code: 'RATE_LIMITED', message: 'Meta asked us to slow down; syncing resumes automatically.' };
  if (kind === 'auth-expired' || kind === 'auth-invalid') return { code: 'AUTH_EXPIRED', message: 'The connection to Meta expired; reconnect the account.' };
  return { code: 'INTERNAL', message: 'Something went wrong inside Social Desk. Your data is safe; try again.' };
}
