import type { Migration } from './index';

/**
 * Reactions, seen receipts and edits that name a message the store does not hold yet. Meta makes
 * no promise about the order of webhooks: each is retried on its own after a failed delivery, and
 * Messenger dropped the per-event `seq` in 2019 (dedupe on `mid`), so a reaction can come before
 * the message's own webhook or before the sync that reads it. Such an event
 * waits here and is applied when its message arrives, by webhook or by sync.
 * - `message_external_id` is Meta's `mid`, or '' for a Messenger watermark receipt that names
 *   only the person's thread.
 * - `person_external_id` is the other party (IGSID/PSID): forget finds their rows by it.
 * - `event` is the normalised webhook event as JSON (an edit's holds its new text); rows leave
 *   when applied, after 7 days unapplied, with the account (cascade), by forget and by retention.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started (retries, batching)
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-deliveries (`seq` removed)
 */
export const migration014: Migration = {
  version: 14,
  name: 'webhook reactions, seen receipts and edits waiting for their message',
  up(db) {
    db.exec(`
      CREATE TABLE pending_message_signals (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        platform TEXT NOT NULL CHECK (platform IN ('instagram', 'messenger')),
        kind TEXT NOT NULL CHECK (kind IN ('reaction', 'read', 'message-edit')),
        message_external_id TEXT NOT NULL,
        person_external_id TEXT NOT NULL,
        by_business INTEGER NOT NULL CHECK (by_business IN (0, 1)),
        happened_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        event TEXT NOT NULL CHECK (json_valid(event) AND length(event) <= 16384),
        UNIQUE (account_id, kind, message_external_id, person_external_id, by_business, happened_at)
      ) STRICT;
      CREATE INDEX pending_message_signals_by_message ON pending_message_signals (account_id, message_external_id);
      CREATE INDEX pending_message_signals_by_person ON pending_message_signals (account_id, person_external_id);
      CREATE INDEX pending_message_signals_by_arrival ON pending_message_signals (received_at);
    `);
  },
};
