import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../src-main/store/database';
import { createRepositories, type Repositories } from '../../src-main/store/repositories';
import { makeTempDir } from './temp-dir';

/**
 * A fresh encrypted, migrated store for every test of the calling file, closed and removed after each.
 * Read `store.db` / `store.repos` inside tests (they change per test).
 */
export function useTempStore(keyByte = 3): { readonly db: Db; readonly repos: Repositories } {
  let current: { db: Db; repos: Repositories; cleanup: () => void } | null = null;
  beforeEach(() => {
    const tmp = makeTempDir();
    const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, keyByte), migrate: true });
    current = { db, repos: createRepositories(db), cleanup: tmp.cleanup };
  });
  afterEach(() => {
    current?.db.close();
    current?.cleanup();
    current = null;
  });
  const get = () => {
    if (!current) throw new Error('useTempStore: the store exists only inside a test');
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get repos() {
      return get().repos;
    },
  };
}
