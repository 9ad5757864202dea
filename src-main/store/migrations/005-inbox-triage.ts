import type { Migration } from './index';

/**
 * Inbox reading and triage, all local (nothing here is ever sent to Meta):
 * - `activity_at` orders the conversation list. It is the last message's time, or Meta's
 *   `updated_time` once retention has removed every message, so an emptied thread stays in the
 *   list (and in the same place) instead of falling out of it while Privacy still counts it.
 * - per-conversation triage: how far the staff have read, a manual "unread" mark, done, a note;
 * - labels (many per conversation) and saved replies;
 * - `inbox_marks`: named instants (last look at comments, last notification, "mark all read").
 */
export const migration005: Migration = {
  version: 5,
  name: 'inbox triage',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN activity_at INTEGER
        GENERATED ALWAYS AS (coalesce(last_message_at, updated_at)) VIRTUAL;
      CREATE INDEX conversations_by_activity ON conversations (activity_at DESC, id DESC);
      CREATE INDEX conversations_by_account_activity ON conversations (account_id, activity_at DESC, id DESC);
      CREATE INDEX conversations_by_platform_activity ON conversations (platform, activity_at DESC, id DESC);
      -- Covers the window and needs-reply counts and filters without reading the table.
      CREATE INDEX conversations_by_incoming ON conversations (last_incoming_at, last_message_at);

      CREATE TABLE conversation_triage (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        -- The newest incoming message time the staff have seen; newer ones make the thread unread.
        read_upto INTEGER,
        marked_unread INTEGER NOT NULL DEFAULT 0 CHECK (marked_unread IN (0, 1)),
        -- Done until the person writes again after this time.
        done_at INTEGER,
        note TEXT CHECK (note IS NULL OR length(note) <= 5000),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE conversation_labels (
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
        PRIMARY KEY (conversation_id, label)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX conversation_labels_by_label ON conversation_labels (label, conversation_id);

      CREATE TABLE saved_replies (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        shortcut TEXT UNIQUE CHECK (shortcut IS NULL OR length(shortcut) BETWEEN 1 AND 20),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE inbox_marks (
        name TEXT PRIMARY KEY CHECK (name IN ('read_floor', 'comments_seen', 'notified')),
        at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX comments_by_account_time ON comments (account_id, created_at DESC);
      CREATE INDEX comments_by_time ON comments (created_at DESC);
      CREATE INDEX comments_by_parent ON comments (account_id, parent_external_id);
    `);
  },
};
