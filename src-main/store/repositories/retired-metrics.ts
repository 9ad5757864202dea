import { prepareCached, type Db } from '../database';

/** Metrics Meta rejected at run time, per scope (ig-media, ig-account, page, page-post). */
export class RetiredMetricsRepository {
  constructor(private readonly db: Db) {}

  list(scope: string): Set<string> {
    const rows = prepareCached(this.db, 'SELECT metric FROM retired_metrics WHERE scope = ?').all(scope) as Array<{ metric: string }>;
    return new Set(rows.map((r) => r.metric));
  }

  add(scope: string, metric: string, at: number, apiVersion: string | null, reason: string): void {
    prepareCached(this.db, 'INSERT OR IGNORE INTO retired_metrics (scope, metric, retired_at, api_version, reason) VALUES (?, ?, ?, ?, ?)')
      .run(scope, metric, at, apiVersion, reason);
  }
}
