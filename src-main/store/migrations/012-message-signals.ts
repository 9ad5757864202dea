import type { Migration } from './index';

/**
 * What Meta's messaging webhooks say about messages besides the messages themselves:
 * - `message_reactions`: one reaction per side (the person, the business) per message, with the
 *   time of the newest react/unreact so a late redelivery of an older event changes nothing.
 *   An unreact keeps the row (action 'unreact') for the same reason; only 'react' rows show.
 * - `messages.edited_at` / `edit_count`: Meta's `message_edit.num_edit`; the text is replaced.
 * - `conversation_seen`: how far the person has read our messages (Messenger's `read.watermark`,
 *   or the time of the message Instagram's `read.mid` names), only ever moving forward.
 * Both tables hang off messages/conversations with ON DELETE CASCADE, so retention, forget and
 * wipe remove them with what they describe.
 * - `credential_grants`: which Facebook user (app-scoped id, from debug_token's `user_id`) granted
 *   each account's token, noted while the token still works, because Meta's data-deletion and
 *   deauthorize callbacks name only that id and arrive after the token was invalidated.
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reactions
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-edits
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reads
 */
export const migration012: Migration = {
  version: 12,
  name: 'message reactions, edits and seen receipts from webhooks; accounts named by Meta callbacks',
  up(db) {
    db.exec(`
      CREATE TABLE message_reactions (
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        by_business INTEGER NOT NULL CHECK (by_business IN (0, 1)),
        action TEXT NOT NULL CHECK (action IN ('react', 'unreact')),
        emoji TEXT CHECK (emoji IS NULL OR length(emoji) <= 32),
        reaction TEXT CHECK (reaction IS NULL OR length(reaction) <= 32),
        reacted_at INTEGER NOT NULL,
        PRIMARY KEY (message_id, by_business)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE messages ADD COLUMN edited_at INTEGER;
      ALTER TABLE messages ADD COLUMN edit_count INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE conversation_seen (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        seen_upto INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE credential_grants (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        checked_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX credential_grants_by_user ON credential_grants (user_id);
    `);
  },
};
