import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VaultRecord } from './key-wrapping';

/** The points of a re-wrap a crash test stops at, in order. */
export const REWRAP_STEPS = ['unwrapped', 'wrapped', 'temp-written', 'temp-synced', 'renamed', 'dir-synced'] as const;
export type RewrapStep = (typeof REWRAP_STEPS)[number];

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } catch (error) {
    // Windows cannot fsync a directory; its rename is already durable enough there.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the vault file's record atomically: the new file is written beside the old one, flushed
 * to disk, then renamed over it (one atomic step on every file system we run on), and the folder
 * is flushed so the rename itself survives a power cut. Until the rename, the old wrapping is the
 * file; after it, the new one. The database and its key are never touched (no `rekey`).
 */
export function writeVaultRecordAtomically(
  vaultPath: string,
  current: Record<string, unknown>,
  record: VaultRecord,
  onStep: (step: RewrapStep) => void = () => {},
): void {
  const temp = `${vaultPath}.next`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ ...current, record }, null, '\t')}\n`);
    onStep('temp-written');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  onStep('temp-synced');
  renameSync(temp, vaultPath);
  onStep('renamed');
  fsyncPath(dirname(vaultPath), 'r');
  onStep('dir-synced');
}
