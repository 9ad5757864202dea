import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditHashInput {
  id: number;
  at: number;
  action: string;
  subject: string | null;
  detail: string | null;
}

/**
 * SHA-256 over the previous hash and every field of the entry, as a JSON array so no two
 * different entries can serialise to the same text.
 */
export function auditEntryHash(prevHash: string, entry: AuditHashInput): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, entry.id, entry.at, entry.action, entry.subject, entry.detail]))
    .digest('hex');
}

/** The newest entry of the log as last seen committed: its id and hash, and when that was noted. */
export interface AuditHead {
  lastId: number;
  hash: string;
  at: number;
}

/**
 * Where the head is kept outside the database, so cutting the newest entries off the log (or
 * putting an older copy of the database back) cannot go unnoticed: the chain alone cannot show
 * that, since a shortened chain still links up.
 */
export interface AuditAnchor {
  read(): AuditHead | null;
  write(head: AuditHead): void;
}
