import type { Migration } from './index';
import { auditEntryHash, AUDIT_GENESIS_HASH } from '../audit-hash';

/**
 * Privacy controls:
 * - The message index switches FTS5 to `secure-delete` and is rebuilt, so words of deleted messages
 *   leave the index's data blocks instead of lingering behind a tombstone
 *   (https://sqlite.org/fts5.html#the_secure_delete_configuration_option).
 * - The audit log becomes append-only and hash-chained: each row holds the hash of the one before,
 *   existing rows are chained in id order, and triggers refuse UPDATE and DELETE.
 * - Forget receipts (what was removed, how many, when, a confirmation code; never who) and the
 *   log of deletion requests (who asked, until it is done; then only the receipt code remains).
 */
export const migration009: Migration = {
  version: 9,
  name: 'privacy: secure-delete search index, hash-chained audit log, forget receipts, deletion requests',
  up(db) {
    db.exec(`
      INSERT INTO messages_fts (messages_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    `);
    const rows = db.prepare('SELECT id, at, action, subject, detail FROM audit_log ORDER BY id').all() as Array<{
      id: number;
      at: number;
      action: string;
      subject: string | null;
      detail: string | null;
    }>;
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      const hash = auditEntryHash(prev, row);
      update.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;

      -- What a "forget" removed. Holds counts and a code, never the person's name, handle or id.
      CREATE TABLE forget_receipts (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        forgotten_at INTEGER NOT NULL,
        scope TEXT NOT NULL,
        counts TEXT NOT NULL,
        total INTEGER NOT NULL
      ) STRICT;

      -- Requests to delete someone's data. 'requester' names who asked while the request is open;
      -- when it is done the name is replaced by the receipt code of the forget it ran.
      CREATE TABLE deletion_requests (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        received_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('email', 'form', 'meta_callback', 'other')),
        requester TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_at INTEGER,
        receipt_code TEXT REFERENCES forget_receipts(code),
        note TEXT
      ) STRICT;
      CREATE INDEX deletion_requests_by_status ON deletion_requests (status, received_at);
    `);
  },
};
