import type { Db } from '../database';
import type { AuditEntry } from '../../../src-preload/contract';

/** The local audit log: what was done, never message text or tokens. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(at: number, action: string, subject: string | null = null, detail: string | null = null): void {
    this.db.prepare('INSERT INTO audit_log (at, action, subject, detail) VALUES (?, ?, ?, ?)').run(at, action, subject, detail);
  }

  list(limit: number): AuditEntry[] {
    return this.db.prepare('SELECT id, at, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditEntry[];
  }
}
