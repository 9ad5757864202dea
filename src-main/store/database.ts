import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { makeFilesPrivate } from '../core/private-files';
import { migrate } from './migrations';

export type Db = Database.Database;

/** The database file name inside the data directory; `-wal` and `-shm` sit beside it. */
export const DATABASE_FILE = 'social-desk.db';

/** The key opened the file but it is not a database we can read: wrong key or not ours. */
export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError';
}

/**
 * The file exists but is not a readable Social Desk database: empty, plain (unencrypted) SQLite,
 * or its pages fail their checks. It is reported, never overwritten: a fresh database in its
 * place would silently show zero of everything.
 */
export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
}

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The 16-byte header of an unencrypted SQLite file; ours is encrypted from byte 0 on. */
const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenDatabaseOptions {
  file: string;
  /** 32 random bytes; `null` opens an unencrypted database (benchmarks compare against it). */
  key: Buffer | null;
  /** Path of a better-sqlite3 binary built for another runtime (Electron), if any. */
  nativeBinding?: string;
  /** Run migrations after opening (default true). */
  migrate?: boolean;
  /** Refuse to create a new file: the caller expected one to exist. */
  mustExist?: boolean;
  /** Wait for another connection's lock this long (default 5 s); tests lower it. */
  busyTimeoutMs?: number;
}

/**
 * Opens (or creates) the store. The key is passed raw (`x'…'`), so SQLCipher skips its
 * PBKDF2 key derivation and opening costs milliseconds; the key itself is random, so a
 * slow KDF would add nothing. Opening an existing store only reads (unless a migration is due),
 * so it works while another process holds the write lock.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const existed = existsSync(options.file);
  if (options.mustExist) {
    if (!existed) throw new DamagedDatabaseError('The local database file is missing.');
    checkExistingFile(options.file, options.key !== null);
  }
  const db = new Database(options.file, {
    // An existing file is opened, never created in its place.
    fileMustExist: existed,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // First, so even the first read waits for a lock instead of failing at once.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    if (options.key) applyKey(db, options.key);
    verifyReadable(db);
    applyPragmas(db);
    if (options.migrate !== false) migrate(db);
    if (!existed) makeFilesPrivate([options.file, `${options.file}-wal`, `${options.file}-shm`]);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new DatabaseKeyError('The database key must be 32 bytes.');
  // SQLCipher v4 page format (AES-256-CBC + HMAC-SHA512 per page) through SQLite3 Multiple Ciphers.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * An existing file that cannot be ours, told apart before SQLite sees it: SQLite takes a 0-byte
 * file for a new empty database, and opens a plain one without a key.
 */
function checkExistingFile(file: string, encrypted: boolean): void {
  if (statSync(file).size === 0) throw new DamagedDatabaseError('The local database file is empty (0 bytes).');
  if (!encrypted) return;
  const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.equals(PLAIN_SQLITE_HEADER)) {
    throw new DamagedDatabaseError('The local database file is not encrypted, so it is not the one Social Desk wrote.');
  }
}

function verifyReadable(db: Db): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError('The database cannot be read with this key (wrong key or not a Social Desk database).');
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      throw new DamagedDatabaseError(`The local database file is damaged (${code}).`);
    }
    throw error;
  }
}

/**
 * Pragmas, each on purpose:
 * - journal_mode=WAL: readers never block the sync writer; the WAL is encrypted like the file.
 * - synchronous=NORMAL: safe with WAL (no corruption on power loss; at worst the last commit is lost).
 * - secure_delete=ON: freed pages are zeroed, so unsent or forgotten text does not linger after a checkpoint.
 * - foreign_keys=ON: deleting an account cascades to everything it owns.
 * - temp_store=MEMORY: sorts and temp indexes never spill plaintext to a temp file.
 * - cache_size=-65536 (64 MiB, allocated only as used): decrypted pages stay cached, so once warm a
 *   read costs what a plain one does (a miss costs an AES decrypt + HMAC check of the page).
 * - wal_autocheckpoint=4000 pages: hot pages rewritten by many small sync commits are copied (and
 *   so re-encrypted) into the main file once per checkpoint rather than every 1000 pages.
 * - mmap_size=0: memory-mapped reads would bypass the cipher codec.
 * The key is never changed with `rekey` (forbidden in WAL mode): the data key stays the same for the
 * life of the database; only its wrapping (keychain or passphrase) changes.
 */
function applyPragmas(db: Db): void {
  // Switching to WAL writes the header; an existing store already is WAL, and opening must not write.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 4000');
  db.pragma('mmap_size = 0');
}

/** Writes the WAL back into the main file and truncates it (used before wipes and exports). */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Prepares a statement once per connection and reuses it: preparing costs more than running
 * most of our statements, and syncs run the same upserts thousands of times.
 */
export function prepareCached(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
