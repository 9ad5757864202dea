import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditAnchor, AuditHead } from '../store/audit-hash';
import type { JsonStore, JsonStoreFactory } from '../settings/json-store';

/** `audit-head.json` in the data folder: the id and hash of the log's newest entry. Never personal data. */
export const AUDIT_HEAD_FILE = 'audit-head';

const HeadSchema = z.object({ lastId: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.number() });

/**
 * The audit log's head kept beside the database (an electron-store / conf file, written atomically),
 * so deleting the newest entries, or restoring an older copy of the database, shows up on
 * `audit verify` and the Privacy screen. A damaged file reads as "no head", which verification
 * then reports as newly anchored rather than hiding.
 */
export function openAuditAnchor(openStore: JsonStoreFactory, dataDir: string): AuditAnchor {
  let store: JsonStore;
  try {
    store = openStore(dataDir, AUDIT_HEAD_FILE);
  } catch {
    // Unreadable JSON: kept for a look, and verification says the head was not anchored until now.
    const file = join(dataDir, `${AUDIT_HEAD_FILE}.json`);
    renameSync(file, join(dataDir, `${AUDIT_HEAD_FILE}.damaged-${Date.now()}.json`));
    store = openStore(dataDir, AUDIT_HEAD_FILE);
  }
  return {
    read: (): AuditHead | null => {
      const parsed = HeadSchema.safeParse(store.get('head'));
      return parsed.success ? parsed.data : null;
    },
    write: (head) => store.set('head', head),
  };
}

/** A new store starts a new log: the head of an old one (wiped, set aside) must not judge it. */
export function forgetAuditHead(dataDir: string): void {
  const file = join(dataDir, `${AUDIT_HEAD_FILE}.json`);
  if (existsSync(file)) rmSync(file, { force: true });
}
