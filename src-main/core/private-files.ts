import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/** Owner-only modes for everything Social Desk writes: nobody else on the computer may read it. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) and makes it owner-only. The explicit chmod is what makes
 * it umask-independent: `mkdir`'s mode is only ever narrowed by the umask, never set by it.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes each existing file owner-only (files that do not exist are skipped). */
export function makeFilesPrivate(files: readonly string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Best effort for a folder made by an older version or by hand: tighten it, but never fail
 * opening over it (a read-only medium cannot be changed, and opening must not need a write).
 */
export function tightenQuietly(paths: readonly string[], mode: number): void {
  for (const path of paths) {
    try {
      if (existsSync(path)) chmodSync(path, mode);
    } catch {
      // Read-only medium or someone else's file: the open path reports that cause itself.
    }
  }
}
