import type Database from 'better-sqlite3-multiple-ciphers';
import { migration001 } from './001-initial';
import { migration002 } from './002-retired-metrics';
import { migration003 } from './003-app-config';
import { migration004 } from './004-sync-fidelity';
import { migration005 } from './005-inbox-triage';
import { migration006 } from './006-period-insights';
import { migration007 } from './007-relay-link';
import { migration008 } from './008-outbox';
import { migration009 } from './009-privacy';
import { migration010 } from './010-receipt-files';
import { migration011 } from './011-analytics-rollups';
import { migration012 } from './012-message-signals';
import { migration013 } from './013-insight-weeks';
import { migration014 } from './014-pending-signals';
import { migration015 } from './015-search-index-layout';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Every migration in order; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The database was written by a newer Social Desk; opening it could damage it. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
  constructor(readonly found: number, readonly supported: number) {
    super(
      `This data was written by a newer version of Social Desk (schema ${found}; this version understands up to ${supported}). Update the app to open it.`,
    );
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, all in one transaction: either the database reaches the
 * newest schema or it stays exactly as it was.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > target) throw new NewerSchemaError(current, target);
  if (current === target) return current;
  const pending = migrations.filter((m) => m.version > current);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return target;
}
