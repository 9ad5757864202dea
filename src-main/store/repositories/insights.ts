import { prepareCached, type Db } from '../database';

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

/** One value Meta gave as a single total over a range of insights days (inclusive). */
export interface PeriodValue {
  metric: string;
  firstDay: string;
  lastDay: string;
  value: number;
}

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

  /** Stores range totals; a later read of the same range replaces the earlier one. */
  upsertPeriod(accountId: number, values: readonly PeriodValue[], fetchedAt: number): void {
    const stmt = prepareCached(this.db,
      `INSERT INTO account_period_insights (account_id, metric, first_day, last_day, value, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, metric, first_day, last_day) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at`,
    );
    this.db.transaction(() => {
      for (const v of values) stmt.run(accountId, v.metric, v.firstDay, v.lastDay, v.value, fetchedAt);
    })();
  }

  /** The total Meta gave for exactly this range, or null when that range was never synced. */
  periodValue(accountId: number, metric: string, firstDay: string, lastDay: string): number | null {
    const row = prepareCached(this.db,
      'SELECT value FROM account_period_insights WHERE account_id = ? AND metric = ? AND first_day = ? AND last_day = ?',
    ).get(accountId, metric, firstDay, lastDay) as { value: number } | undefined;
    return row?.value ?? null;
  }

  /** Daily values of one account for `metrics` over [firstDay, lastDay]: metric → day → value. */
  daily(accountId: number, metrics: readonly string[], firstDay: string, lastDay: string): Map<string, Map<string, number>> {
    const stmt = prepareCached(this.db, 'SELECT day, value FROM account_daily_insights WHERE account_id = ? AND metric = ? AND day BETWEEN ? AND ?');
    const out = new Map<string, Map<string, number>>();
    for (const metric of metrics) {
      const rows = stmt.raw(true).all(accountId, metric, firstDay, lastDay) as Array<[string, number]>;
      stmt.raw(false);
      out.set(metric, new Map(rows));
    }
    return out;
  }

  /**
   * Daily values of several metrics of one account over [firstDay, lastDay], in one read: metric →
   * [days since firstDay, value] pairs. SQLite packs each metric's days into one string,
   * so a year of ten metrics crosses into JavaScript as ten values, not 3,650 rows (the per-value
   * crossing, not the index scan, is what a dashboard read costs).
   */
  dailySeries(accountId: number, metrics: readonly string[], firstDay: string, lastDay: string): Map<string, Array<[number, number]>> {
    const rows = prepareCached(this.db,
      `SELECT metric, group_concat(CAST(julianday(day) - @firstJulianDay AS INTEGER) || '=' || value)
       FROM account_daily_insights
       WHERE account_id = @accountId AND metric IN (SELECT value FROM json_each(@metrics)) AND day BETWEEN @firstDay AND @lastDay GROUP BY metric`,
    ).raw(true).all({ accountId, metrics: JSON.stringify(metrics), firstDay, lastDay, firstJulianDay: Date.parse(`${firstDay}T00:00:00Z`) / 86_400_000 + 2_440_587.5 }) as Array<[string, string]>;
    return new Map(rows.map(([metric, packed]) => [metric, packed.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [Number(pair.slice(0, at)), Number(pair.slice(at + 1))] as [number, number];
    })]));
  }

  /** Sums of several metrics of one account over [firstDay, lastDay], with how many days had a value. */
  dailyTotals(accountId: number, metrics: readonly string[], firstDay: string, lastDay: string): Map<string, { sum: number; days: number }> {
    const rows = prepareCached(this.db,
      `SELECT metric, sum(value), count(value) FROM account_daily_insights
       WHERE account_id = ? AND metric IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ? GROUP BY metric`,
    ).raw(true).all(accountId, JSON.stringify(metrics), firstDay, lastDay) as Array<[string, number, number]>;
    return new Map(rows.map(([metric, sum, days]) => [metric, { sum, days }]));
  }

  /** The newest demographics of an account (Meta gives only the current picture), with their date. */
  latestDemographics(accountId: number): { capturedOn: string; buckets: DemographicBucket[] } | null {
    const day = prepareCached(this.db, 'SELECT max(captured_on) AS d FROM audience_demographics WHERE account_id = ?').get(accountId) as { d: string | null };
    if (!day.d) return null;
    const rows = prepareCached(this.db,
      `SELECT audience, timeframe, breakdown, bucket, value FROM audience_demographics
       WHERE account_id = ? AND captured_on = ? ORDER BY audience, breakdown, value DESC`,
    ).all(accountId, day.d) as DemographicBucket[];
    return { capturedOn: day.d, buckets: rows };
  }

  /** When the newest figure for these accounts was fetched from Meta. */
  newestFetch(accountId: number | null): number | null {
    const row = prepareCached(this.db, 'SELECT max(fetched_at) AS at FROM account_daily_insights WHERE (? IS NULL OR account_id = ?)')
      .get(accountId, accountId) as { at: number | null };
    return row.at;
  }
}
