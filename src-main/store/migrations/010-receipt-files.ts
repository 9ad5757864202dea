import type { Migration } from './index';

/**
 * A forget also removes what the app holds as files in its data folder (export staging, crash
 * reports, logs, set-aside copies of a damaged store). The receipt says how many of each, kept
 * apart from the row counts: files and rows are different things and are never added together.
 */
export const migration010: Migration = {
  version: 10,
  name: 'forget receipts count the files a forget removed',
  up(db) {
    db.exec(`ALTER TABLE forget_receipts ADD COLUMN files TEXT NOT NULL DEFAULT '{}';`);
  },
};
