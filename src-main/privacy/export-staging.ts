import { chmodSync, copyFileSync, existsSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../core/private-files';

/**
 * Exports are written here, inside the data folder, and moved into place only when complete. A
 * killed export therefore leaves its plaintext where the wipe removes it and where the next start
 * cleans it up, never beside the folder the person chose.
 */
export const EXPORT_STAGING_DIR = 'export-staging';

/** A staging folder named after the process that owns it, so a start can tell a dead one from a running one. */
export function createStagingDir(dataDir: string, pid = process.pid): string {
  const dir = join(dataDir, EXPORT_STAGING_DIR, `${pid}-${randomBytes(4).toString('hex')}`);
  ensurePrivateDir(dirname(dir));
  ensurePrivateDir(dir);
  return dir;
}

/** Exports this process is writing right now, by staging-folder name, so a forget can stop them first. */
const runningHere = new Map<string, AbortController>();

/**
 * A staging folder for an export this process runs: its signal aborts when a forget (or the
 * person) cancels; `release` must be called when the export ends either way.
 */
export function openStaging(dataDir: string): { dir: string; signal: AbortSignal; abort: () => void; release: () => void } {
  const dir = createStagingDir(dataDir);
  const controller = new AbortController();
  runningHere.set(basename(dir), controller);
  return { dir, signal: controller.signal, abort: () => controller.abort(), release: () => runningHere.delete(basename(dir)) };
}

/** Stops every export this process is writing (a forget runs next); returns how many were stopped. */
export function abortExportsInProgress(reason = 'A person was forgotten while the export ran; export again to get what is stored now.'): number {
  for (const controller of runningHere.values()) controller.abort(new Error(reason));
  return runningHere.size;
}

/** True when another live process owns this staging folder (its export is still being written). */
export function isStagingInUse(name: string): boolean {
  const pid = Number(name.split('-')[0]);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders whose export process is gone (killed, crashed); returns their names. */
export function cleanStaleStaging(dataDir: string): string[] {
  const root = join(dataDir, EXPORT_STAGING_DIR);
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || isRunning(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export type RenameFn = (from: string, to: string) => void;

/**
 * Moves a finished file into place, owner-only. `rename` cannot cross file systems (EXDEV: the
 * data folder on the internal disk, the export on a USB stick), so then the file is copied to a
 * hidden name beside its target, renamed there (atomic on that file system), and the staged
 * copy removed: a kill mid-copy leaves only a dot-file, never a truncated export under its name.
 */
export function moveIntoPlace(from: string, to: string, rename: RenameFn = renameSync): void {
  try {
    rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const partial = join(dirname(to), `.${basename(to)}.partial`);
    copyFileSync(from, partial);
    chmodSync(partial, PRIVATE_FILE_MODE);
    renameSync(partial, to);
    unlinkSync(from);
  }
  chmodSync(to, PRIVATE_FILE_MODE);
}
