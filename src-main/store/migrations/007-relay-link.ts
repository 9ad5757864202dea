import type { Migration } from './index';

/**
 * The pairing with the brand's Social Desk Relay. The device's X25519 private key lives here,
 * inside the encrypted file, next to the device token; `last_seq` is advanced in the same
 * transaction that stores an event's messages, so a crash never skips or repeats one.
 * `relay_meta_requests` records Meta's data-deletion and deauthorize callbacks for the privacy log.
 */
export const migration007: Migration = {
  version: 7,
  name: 'relay link',
  up(db) {
    db.exec(`
      CREATE TABLE relay_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        relay_url TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_token TEXT NOT NULL,
        public_key BLOB NOT NULL,
        secret_key BLOB NOT NULL,
        paired_at INTEGER NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        events_received INTEGER NOT NULL DEFAULT 0,
        last_event_at INTEGER,
        last_event_arrived_at INTEGER,
        last_connected_at INTEGER,
        gaps_detected INTEGER NOT NULL DEFAULT 0,
        messages_recovered_by_sync INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE relay_meta_requests (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('data-deletion', 'deauthorize')),
        app_user_id TEXT NOT NULL,
        confirmation_code TEXT UNIQUE,
        status_url TEXT,
        received_at INTEGER NOT NULL,
        completed_at INTEGER
      ) STRICT;
    `);
  },
};
