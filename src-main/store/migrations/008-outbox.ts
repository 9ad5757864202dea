import type { Migration } from './index';

/**
 * The outbox: every reply and comment action is written here, inside the encrypted file, before
 * Meta is called, so nothing typed is lost to a crash, a lost connection or an expired token.
 * `state` moves queued → sending → sent | failed; `sending_since` marks a call that may have
 * reached Meta, so a crash there is resolved by looking in the thread before sending again.
 * Per account, whether Meta approved the Human Agent feature (replies up to 7 days) is a setting
 * the staff set, because the API offers no way to read it.
 */
export const migration008: Migration = {
  version: 8,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('message', 'private_reply', 'comment_reply', 'comment_hide', 'comment_unhide', 'comment_delete')),
        conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
        comment_id INTEGER REFERENCES comments(id) ON DELETE SET NULL,
        -- The recipient's IGSID/PSID for messages, the comment's Meta id otherwise.
        target_external_id TEXT NOT NULL,
        text TEXT,
        tag TEXT CHECK (tag IS NULL OR tag = 'HUMAN_AGENT'),
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        reason_code TEXT,
        reason TEXT,
        result_external_id TEXT,
        created_at INTEGER NOT NULL,
        sending_since INTEGER,
        sent_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, created_at);
      CREATE INDEX outbox_by_comment ON outbox (comment_id);

      CREATE TABLE account_messaging_settings (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        human_agent_allowed INTEGER NOT NULL CHECK (human_agent_allowed IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
