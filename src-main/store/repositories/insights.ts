import { prepareCached, type Db } from '../database';
import type { DailyPoint } from '../../../src-preload/contract';

export interface DailyValue {
  day: string;
  metric: string;
  value: number;
}

export interface DemographicBucket {
  audience: 'follower' | 'engaged' | 'reached';
  timeframe: string;
  breakdown: string;
  bucket: string;
  value: number;
}

/**
 * Which stored metric feeds which chart series. Instagram and Page metrics have different
 * names at Meta; the chart shows them side by side.
 */
const SERIES_METRICS: Record<Exclude<keyof DailyPoint, 'day'>, readonly string[]> = {
  reach: ['reach'],
  views: ['views', 'page_media_view'],
  engaged: ['accounts_engaged'],
  interactions: ['total_interactions', 'page_post_engagements'],
  followers: ['follower_count', 'page_daily_follows'],
};

export class InsightsRepository {
  constructor(private readonly db: Db) {}

  /** Upserts daily account metrics; a later read of the same day replaces the earlier one. */
  upsertDaily(accountId: number, values: readonly DailyValue[], fetchedAt: number): void {
    const stmt = prepareCached(this.db, 
      `INSERT INTO account_daily_insights (account_id, day, metric, value, fetched_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, day, metric) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at`,
    );
    this.db.transaction(() => {
      for (const v of values) stmt.run(accountId, v.day, v.metric, v.value, fetchedAt);
    })();
  }

  /** Replaces the demographics captured on `capturedOn` for one account and audience. */
  replaceDemographics(accountId: number, capturedOn: string, buckets: readonly DemographicBucket[]): void {
    const del = prepareCached(this.db, 'DELETE FROM audience_demographics WHERE account_id = ? AND captured_on = ? AND audience = ?');
    const ins = prepareCached(this.db, 
      `INSERT OR REPLACE INTO audience_demographics (account_id, captured_on, audience, timeframe, breakdown, bucket, value)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const audience of new Set(buckets.map((b) => b.audience))) del.run(accountId, capturedOn, audience);
      for (const b of buckets) ins.run(accountId, capturedOn, b.audience, b.timeframe, b.breakdown, b.bucket, b.value);
    })();
  }

  /** Daily series from `sinceDay` (inclusive), summed over the chosen account or all accounts. */
  series(accountId: number | null, sinceDay: string): DailyPoint[] {
    const rows = prepareCached(this.db, 
        `SELECT day, metric, sum(value) AS value FROM account_daily_insights
         WHERE day >= ? AND (? IS NULL OR account_id = ?) GROUP BY day, metric ORDER BY day`,
      )
      .all(sinceDay, accountId, accountId) as Array<{ day: string; metric: string; value: number }>;
    const byDay = new Map<string, DailyPoint>();
    for (const r of rows) {
      let point = byDay.get(r.day);
      if (!point) {
        point = { day: r.day, reach: null, views: null, engaged: null, interactions: null, followers: null };
        byDay.set(r.day, point);
      }
      for (const [field, metrics] of Object.entries(SERIES_METRICS) as Array<[Exclude<keyof DailyPoint, 'day'>, readonly string[]]>) {
        if (metrics.includes(r.metric)) point[field] = (point[field] ?? 0) + r.value;
      }
    }
    return [...byDay.values()];
  }

  /** When the newest figure for these accounts was fetched from Meta. */
  newestFetch(accountId: number | null): number | null {
    const row = prepareCached(this.db, 'SELECT max(fetched_at) AS at FROM account_daily_insights WHERE (? IS NULL OR account_id = ?)')
      .get(accountId, accountId) as { at: number | null };
    return row.at;
  }
}
