import { prepareCached, type Db } from '../database';
import { AUDIT_GENESIS_HASH, auditEntryHash } from '../audit-hash';

export interface AuditRow {
  id: number;
  at: number;
  action: string;
  subject: string | null;
  detail: string | null;
}

/** Where a chain check stopped: the first row whose link or content does not match. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt: { id: number; reason: string } | null;
}

/**
 * The local audit log: what was done, never message text, a person's data or a secret.
 * Append-only (triggers refuse UPDATE and DELETE) and hash-chained: each entry stores the hash
 * of the one before, so an edited, inserted or removed row breaks the chain at that row.
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends one entry; `detail` is an object (stored as JSON) or plain text. */
  record(at: number, action: string, subject: string | null = null, detail: unknown = null): void {
    const detailText = detail === null || detail === undefined ? null : typeof detail === 'string' ? detail : JSON.stringify(detail);
    this.db.transaction(() => {
      const last = prepareCached(this.db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
      const entry = { id: (last?.id ?? 0) + 1, at, action, subject, detail: detailText };
      const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
      prepareCached(this.db, 'INSERT INTO audit_log (id, at, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        entry.id,
        entry.at,
        entry.action,
        entry.subject,
        entry.detail,
        prevHash,
        auditEntryHash(prevHash, entry),
      );
    })();
  }

  /** Newest first; `actionPrefixes` filters (e.g. ['account.', 'sync.']), `beforeId` pages. */
  list(limit: number, options: { actionPrefixes?: readonly string[]; beforeId?: number | null } = {}): AuditRow[] {
    const prefixes = options.actionPrefixes ?? [];
    const where = prefixes.map(() => `action LIKE ? ESCAPE '\\'`).join(' OR ');
    const sql = `SELECT id, at, action, subject, detail FROM audit_log
      WHERE (? IS NULL OR id < ?) ${where ? `AND (${where})` : ''} ORDER BY id DESC LIMIT ?`;
    const before = options.beforeId ?? null;
    const likes = prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return prepareCached(this.db, sql).all(before, before, ...likes, limit) as AuditRow[];
  }

  /** Every entry, oldest first (for export). */
  *all(): Iterable<AuditRow> {
    yield* this.db.prepare('SELECT id, at, action, subject, detail FROM audit_log ORDER BY id').iterate() as Iterable<AuditRow>;
  }

  /** Walks the chain from the first entry and names the first row that does not match. */
  verify(): AuditVerification {
    let prev = AUDIT_GENESIS_HASH;
    let expectedId: number | null = null;
    let checked = 0;
    const rows = this.db.prepare('SELECT id, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id').iterate() as Iterable<
      AuditRow & { prev_hash: string; hash: string }
    >;
    for (const row of rows) {
      if (expectedId !== null && row.id !== expectedId) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: `entries ${expectedId}–${row.id - 1} are missing` } };
      }
      if (row.prev_hash !== prev) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: 'it does not link to the entry before it (an entry was removed or inserted)' } };
      }
      if (auditEntryHash(prev, row) !== row.hash) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: 'its content was changed after it was written' } };
      }
      prev = row.hash;
      expectedId = row.id + 1;
      checked += 1;
    }
    return { ok: true, checked, brokenAt: null };
  }
}
