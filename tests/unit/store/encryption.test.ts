import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpoint, DatabaseKeyError, openDatabase } from '../../../src-main/store/database';
import { makeTempDir } from '../../support/temp-dir';

const MARKER = 'zebra-marker-9f3c1e';
let cleanup = () => {};
afterEach(() => cleanup());

function filesContain(dir: string, marker: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    if (bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'))) hits.push(name);
  }
  return hits;
}

function plant(db: ReturnType<typeof openDatabase>, text: string) {
  db.exec(`INSERT INTO app_config (key, value, updated_at) VALUES ('test', '${text}', 1)`);
}

describe('encrypted store', () => {
  it('keeps the database, its -wal and -shm unreadable without the key', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, 'db.sqlite');
    const db = openDatabase({ file, key: Buffer.alloc(32, 1) });
    plant(db, MARKER);
    // While open, recent writes sit in the WAL: check it too.
    expect(readdirSync(tmp.dir).sort()).toEqual(['db.sqlite', 'db.sqlite-shm', 'db.sqlite-wal']);
    expect(filesContain(tmp.dir, MARKER)).toEqual([]);
    checkpoint(db);
    expect(filesContain(tmp.dir, MARKER)).toEqual([]);
    db.close();
    // Sanity check of the check itself: the same write to a plain database is visible.
    const plainTmp = makeTempDir();
    const plain = openDatabase({ file: join(plainTmp.dir, 'plain.sqlite'), key: null });
    plant(plain, MARKER);
    expect(filesContain(plainTmp.dir, MARKER).length).toBeGreaterThan(0);
    plain.close();
    plainTmp.cleanup();
  });

  it('refuses a wrong key with a clear error and does not create anything', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const file = join(tmp.dir, 'db.sqlite');
    openDatabase({ file, key: Buffer.alloc(32, 1) }).close();
    expect(() => openDatabase({ file, key: Buffer.alloc(32, 2) })).toThrow(DatabaseKeyError);
    const reopened = openDatabase({ file, key: Buffer.alloc(32, 1) });
    expect(reopened.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    reopened.close();
  });

  it('secure_delete zeroes deleted text: it does not linger after a checkpoint', () => {
    // Checked on a plain database, where lingering bytes would be visible.
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase({ file: join(tmp.dir, 'plain.sqlite'), key: null });
    plant(db, MARKER);
    checkpoint(db);
    expect(filesContain(tmp.dir, MARKER)).toContain('plain.sqlite');
    db.exec(`DELETE FROM app_config`);
    checkpoint(db);
    expect(filesContain(tmp.dir, MARKER)).toEqual([]);
    db.close();
  });

  it('sets the pragmas it documents', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 3) });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    db.close();
  });
});
