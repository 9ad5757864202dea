import type { Migration } from './index';

/**
 * What the sync learns about Meta's gaps, so the UI can say why a figure is missing instead of
 * showing zero, and later syncs do not ask again for what Meta will never give:
 * - posts.insights_status: why a post has no insights (null = it has them, or has not been asked);
 *   insights_checked_at: when that was last asked, for posts that have no snapshot to date it.
 * - conversations.history_limited: Meta returns only the 20 newest messages of an Instagram thread.
 * - messages.is_owner: Meta's own flag for a message sent by the business (null = not said).
 * - accounts.demographics_status: 'under_100_followers' when Meta withholds follower counts and
 *   demographics from an account that small.
 */
export const migration004: Migration = {
  version: 4,
  name: 'sync fidelity',
  up(db) {
    db.exec(`
      ALTER TABLE posts ADD COLUMN insights_status TEXT
        CHECK (insights_status IN ('before_business_conversion', 'unsupported_product_type', 'no_permission', 'not_enough_viewers'));
      ALTER TABLE posts ADD COLUMN insights_checked_at INTEGER;
      ALTER TABLE conversations ADD COLUMN history_limited INTEGER NOT NULL DEFAULT 0 CHECK (history_limited IN (0, 1));
      ALTER TABLE messages ADD COLUMN is_owner INTEGER CHECK (is_owner IN (0, 1));
      ALTER TABLE accounts ADD COLUMN demographics_status TEXT CHECK (demographics_status IN ('under_100_followers'));
    `);
  },
};
