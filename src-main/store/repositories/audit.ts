import { prepareCached, type Db } from '../database';
import { AUDIT_GENESIS_HASH, auditEntryHash, type AuditAnchor, type AuditHead } from '../audit-hash';

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
  /**
   * The head kept outside the database: 'matched' (it is in the chain), 'anchored-now' (there was
   * none: first start of a version that keeps it, or it was removed); absent when no anchor is in use.
   */
  head?: 'matched' | 'anchored-now';
}

/**
 * The local audit log: what was done, never message text, a person's data or a secret.
 * Append-only (triggers refuse UPDATE and DELETE) and hash-chained: each entry stores the hash
 * of the one before, so an edited, inserted or removed row breaks the chain at that row.
 */
export class AuditRepository {
  private anchor: AuditAnchor | null = null;
  private anchorPending = false;
  /** The log had entries but no head was kept when the anchor was attached: said once per session. */
  private unanchoredAtOpen = false;

  constructor(private readonly db: Db) {}

  /** Keeps the head outside the database from now on (the app's data folder; see privacy/audit-anchor). */
  anchorTo(anchor: AuditAnchor): void {
    this.anchor = anchor;
    this.unanchoredAtOpen = anchor.read() === null && this.committedHead() !== null;
  }

  private committedHead(): AuditHead | null {
    const row = prepareCached(this.db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    return row ? { lastId: row.id, hash: row.hash, at: Date.now() } : null;
  }

  /** True when the anchored head is still an entry of the chain, as written. */
  private holds(head: AuditHead): boolean {
    const row = prepareCached(this.db, 'SELECT hash FROM audit_log WHERE id = ?').get(head.lastId) as { hash: string } | undefined;
    return row?.hash === head.hash;
  }

  /**
   * Moves the anchor to the committed head, but only forward from a head that is still in the
   * chain: after the newest entries were cut off, appending must not paper over the cut.
   */
  private advanceAnchor(): void {
    this.anchorPending = false;
    if (!this.anchor || !this.db.open || this.db.inTransaction) return;
    const anchored = this.anchor.read();
    if (anchored && !this.holds(anchored)) return;
    const head = this.committedHead();
    if (head && head.lastId !== anchored?.lastId) this.anchor.write(head);
  }

  /**
   * After each append, once it is committed: at once outside a transaction, otherwise right after
   * the enclosing one ends (better-sqlite3 transactions are synchronous, so a microtask runs after
   * the commit or rollback; a rolled-back entry is then never anchored). A crash in between leaves
   * the anchor one step behind, which verification accepts: the cut it looks for is backwards.
   */
  private anchorAfterCommit(): void {
    if (!this.anchor) return;
    if (!this.db.inTransaction) return this.advanceAnchor();
    if (this.anchorPending) return;
    this.anchorPending = true;
    queueMicrotask(() => this.advanceAnchor());
  }

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
    this.anchorAfterCommit();
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
    return { checked, ...this.verifyHead(expectedId === null ? null : expectedId - 1) };
  }

  /** The chain links up; is its newest entry at least the head anchored outside the database? */
  private verifyHead(lastId: number | null): Pick<AuditVerification, 'ok' | 'brokenAt' | 'head'> {
    if (!this.anchor) return { ok: true, brokenAt: null };
    const anchored = this.anchor.read();
    if (anchored && !this.holds(anchored)) {
      const when = new Date(anchored.at).toISOString().slice(0, 16).replace('T', ' ');
      const first = (lastId ?? 0) + 1;
      if (lastId === null || lastId < anchored.lastId) {
        const missing = first === anchored.lastId ? `entry #${first} is missing` : `entries #${first}–#${anchored.lastId} are missing`;
        const reason = `${missing}: the log went up to #${anchored.lastId} (noted outside the database at ${when} UTC), so its newest entries were deleted or an older copy of the database was put back`;
        return { ok: false, brokenAt: { id: first, reason } };
      }
      const reason = `it is not the entry written as #${anchored.lastId} at ${when} UTC: an older or altered copy of the database was put back`;
      return { ok: false, brokenAt: { id: anchored.lastId, reason } };
    }
    this.advanceAnchor();
    return { ok: true, brokenAt: null, head: this.unanchoredAtOpen || (!anchored && lastId !== null) ? 'anchored-now' : 'matched' };
  }
}
