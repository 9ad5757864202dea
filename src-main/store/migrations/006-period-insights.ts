import type { Migration } from './index';

/**
 * Figures Meta gives only as one total over a range, never as a sum of days: unique reach and
 * accounts engaged over 7 or 28 days (Instagram `metric_type=total_value` with since/until; Page
 * `week`/`days_28` rolling values), and follows vs unfollows. Stored per synced range, keyed on
 * the first and last insights day it covers, so the overview uses one only for exactly that range.
 */
export const migration006: Migration = {
  version: 6,
  name: 'period insights',
  up(db) {
    db.exec(`
      CREATE TABLE account_period_insights (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        metric TEXT NOT NULL,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        value REAL NOT NULL,
        fetched_at INTEGER NOT NULL,
        CHECK (first_day <= last_day),
        PRIMARY KEY (account_id, metric, first_day, last_day)
      ) STRICT, WITHOUT ROWID;
      -- Charts read one metric over a range of days; the primary key orders by day first, so give
      -- them a covering index in metric order.
      CREATE INDEX account_daily_by_metric ON account_daily_insights (account_id, metric, day, value);
    `);
  },
};
