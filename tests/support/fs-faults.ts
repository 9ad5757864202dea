import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Real file-system faults for tests. Tests run as root on CI, and root ignores permission bits,
 * so a read-only folder is a read-only bind mount there (EROFS, exactly a read-only disk); for
 * anyone else a chmod does the same job. A full disk is a small tmpfs, where mounting is allowed.
 */
export const IS_ROOT = process.getuid?.() === 0;

function tryMount(args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface ReadOnlyFolder {
  how: 'read-only bind mount' | 'chmod 0555';
  restore(): void;
}

/** Makes `dir` read-only for this process, for real; `restore` undoes it. */
export function makeReadOnly(dir: string): ReadOnlyFolder {
  if (IS_ROOT) {
    if (!tryMount(['--bind', dir, dir])) throw new Error(`Running as root without permission to mount: cannot make ${dir} read-only for root.`);
    if (!tryMount(['-o', 'remount,bind,ro', dir])) {
      execFileSync('umount', [dir]);
      throw new Error(`Could not remount ${dir} read-only.`);
    }
    return { how: 'read-only bind mount', restore: () => execFileSync('umount', [dir]) };
  }
  const mode = statSync(dir).mode & 0o7777;
  chmodSync(dir, 0o555);
  return { how: 'chmod 0555', restore: () => chmodSync(dir, mode) };
}

/** A tmpfs of `sizeKiB` at `dir` (created), or null where this process may not mount. */
export function mountSmallDisk(dir: string, sizeKiB: number): (() => void) | null {
  mkdirSync(dir, { recursive: true });
  if (!tryMount(['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir])) return null;
  return () => execFileSync('umount', [dir]);
}

/** Fills the file system holding `dir` until it refuses another byte. */
export function fillDisk(dir: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${resolve(dir, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
  } catch {
    // dd exits non-zero exactly when the disk is full, which is the point.
  }
}

/**
 * Another process holding the database: opens it with the key, takes the lock and keeps it until
 * killed. `exclusive-read` (locking_mode=EXCLUSIVE) keeps even readers out; `write` is an ordinary
 * writer's lock (BEGIN EXCLUSIVE in WAL mode), which readers pass.
 */
export async function holdLockInChild(file: string, keyHex: string, kind: 'write' | 'exclusive-read'): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(process.env.DB_FILE, { fileMustExist: true });
    db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma(\`key="x'\${process.env.DB_KEY}'"\`);
    if (process.env.LOCK_KIND === 'exclusive-read') db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (process.env.LOCK_KIND === 'exclusive-read') db.exec('COMMIT');
    process.stdout.write('LOCKED\\n');
    setInterval(() => {}, 1 << 30);
  `;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DB_FILE: file, DB_KEY: keyHex, LOCK_KIND: kind },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('LOCKED') && done());
    child.once('exit', (code) => fail(new Error(`lock holder exited early (${code})`)));
  });
  return child;
}

/** Ends a lock-holding child and waits until it is gone (its locks with it). */
export async function release(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await gone;
}
