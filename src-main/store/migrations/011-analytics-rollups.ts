import type { Migration } from './index';

/**
 * What the dashboards read without recomputing it on every open, and the posts' thumbnails.
 *
 * - `post_latest_metrics`: each post's newest snapshot, kept by triggers, so listing 5,000 posts
 *   is a join on a primary key instead of a max() subquery per post.
 * - `post_thumbnails`: a small downscaled image per post, fetched during sync and kept inside the
 *   encrypted store so the posts table shows it offline; or why there is none.
 */
export const migration011: Migration = {
  version: 11,
  name: 'analytics rollups and thumbnails',
  up(db) {
    db.exec(`
      CREATE TABLE post_latest_metrics (
        post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
        captured_at INTEGER NOT NULL,
        views INTEGER, reach INTEGER, likes INTEGER, comments INTEGER, shares INTEGER, saves INTEGER
      ) STRICT;
      INSERT INTO post_latest_metrics
        SELECT post_id, captured_at, views, reach, likes, comments, shares, saves FROM post_metric_snapshots s
        WHERE captured_at = (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = s.post_id);
      CREATE TRIGGER post_latest_on_insert AFTER INSERT ON post_metric_snapshots BEGIN
        INSERT INTO post_latest_metrics (post_id, captured_at, views, reach, likes, comments, shares, saves)
          VALUES (NEW.post_id, NEW.captured_at, NEW.views, NEW.reach, NEW.likes, NEW.comments, NEW.shares, NEW.saves)
          ON CONFLICT (post_id) DO UPDATE SET captured_at = excluded.captured_at, views = excluded.views, reach = excluded.reach,
            likes = excluded.likes, comments = excluded.comments, shares = excluded.shares, saves = excluded.saves
          WHERE excluded.captured_at >= post_latest_metrics.captured_at;
      END;
      -- Retention keeps each post's newest snapshot, but should one go, the one before takes its place.
      CREATE TRIGGER post_latest_on_delete AFTER DELETE ON post_metric_snapshots
        WHEN OLD.captured_at = (SELECT captured_at FROM post_latest_metrics WHERE post_id = OLD.post_id) BEGIN
        DELETE FROM post_latest_metrics WHERE post_id = OLD.post_id;
        INSERT INTO post_latest_metrics (post_id, captured_at, views, reach, likes, comments, shares, saves)
          SELECT post_id, captured_at, views, reach, likes, comments, shares, saves FROM post_metric_snapshots
          WHERE post_id = OLD.post_id ORDER BY captured_at DESC LIMIT 1;
      END;

      CREATE TABLE post_thumbnails (
        post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('stored', 'unavailable')),
        mime TEXT,
        bytes BLOB,
        width INTEGER,
        height INTEGER,
        -- The URL the image was read from: a new URL from Meta means a new image to fetch.
        source_url TEXT,
        reason TEXT,
        fetched_at INTEGER NOT NULL,
        CHECK ((status = 'stored') = (bytes IS NOT NULL))
      ) STRICT;
    `);
  },
};
