import type { Migration } from './index';

/**
 * The brand's own Meta app settings. The secrets (Facebook app secret, Instagram app secret) live
 * here, inside the encrypted file, wrapped by the same data key as everything else; the renderer
 * only ever learns whether a secret is set.
 */
export const migration003: Migration = {
  version: 3,
  name: 'app config',
  up(db) {
    db.exec(`
      CREATE TABLE app_config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
