import { prepareCached, type Db } from '../database';
import type { AuditEntry } from '../../../src-preload/contract';

/** The local audit log: what was done, never message text or tokens. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(at: number, action: string, subject: string | null = null, detail: string | null = null): void {
    prepareCached(this.db, 'INSERT INTO audit_log (at, action, subject, detail) VALUES (?, ?, ?, ?)').run(at, action, subject, detail);
  }

  list(limit: number): AuditEntry[] {
    return prepareCached(this.db, 'SELECT id, at, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditEntry[];
  }
}
