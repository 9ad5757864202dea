import type { Migration } from './index';

/**
 * Metrics Meta rejected at run time. The sync drops them from later requests (one retired metric
 * fails a whole insights call), keeping what Meta said and when.
 */
export const migration002: Migration = {
  version: 2,
  name: 'retired metrics',
  up(db) {
    db.exec(`
      CREATE TABLE retired_metrics (
        scope TEXT NOT NULL,
        metric TEXT NOT NULL,
        retired_at INTEGER NOT NULL,
        api_version TEXT,
        reason TEXT,
        PRIMARY KEY (scope, metric)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
