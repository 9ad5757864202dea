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
