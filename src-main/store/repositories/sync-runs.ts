import { prepareCached, type Db } from '../database';

export type SyncRunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled';

export interface SyncRunTotals {
  httpRequests: number;
  operations: number;
  itemsWritten: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  detail?: unknown;
}

/** Sync bookkeeping: one row per run, and per-job high-water marks to resume from. */
export class SyncRunsRepository {
  constructor(private readonly db: Db) {}

  start(accountId: number | null, kind: string, at: number): number {
    const row = prepareCached(this.db, `INSERT INTO sync_runs (account_id, kind, started_at, status) VALUES (?, ?, ?, 'running') RETURNING id`)
      .get(accountId, kind, at) as { id: number };
    return row.id;
  }

  finish(runId: number, status: Exclude<SyncRunStatus, 'running'>, at: number, totals: SyncRunTotals): void {
    prepareCached(this.db, 
        `UPDATE sync_runs SET status = ?, finished_at = ?, http_requests = ?, operations = ?, items_written = ?,
           error_code = ?, error_message = ?, detail = ? WHERE id = ?`,
      )
      .run(
        status,
        at,
        totals.httpRequests,
        totals.operations,
        totals.itemsWritten,
        totals.errorCode ?? null,
        totals.errorMessage ?? null,
        totals.detail === undefined ? null : JSON.stringify(totals.detail),
        runId,
      );
  }

  /** Runs left 'running' by a killed process are closed as cancelled at the next start. */
  closeAbandoned(at: number): number {
    return prepareCached(this.db, `UPDATE sync_runs SET status = 'cancelled', finished_at = ?, error_message = 'interrupted' WHERE status = 'running'`)
      .run(at).changes;
  }

  getHighWater(accountId: number, job: string): string | null {
    const row = prepareCached(this.db, 'SELECT high_water FROM sync_state WHERE account_id = ? AND job = ?').get(accountId, job) as
      | { high_water: string | null }
      | undefined;
    return row?.high_water ?? null;
  }

  setHighWater(accountId: number, job: string, value: string, at: number): void {
    prepareCached(this.db, 
        `INSERT INTO sync_state (account_id, job, high_water, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, job) DO UPDATE SET high_water = excluded.high_water, updated_at = excluded.updated_at`,
      )
      .run(accountId, job, value, at);
  }
}
