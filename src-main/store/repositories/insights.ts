import { prepareCached, type Db } from '../database';

export interface DailyValue {
  day: string;
  metric: string;
  value: number;
}

/** A window of days: its last day, the sum of its values, and how many of its days had a value. */
export type WindowSum = [lastDay: string, sum: number, days: number];

export type WindowSums = Map<number, Map<string, WindowSum[]>>;
type PackedWindows = Array<[accountId: number, metric: string, packed: string]>;

/** Days since 1970-01-01 modulo 7, as migration 013 files each 7-day window under its last day. */
export function weekPhase(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) / 86_400_000) % 7;
}

function unpackWindows(rows: PackedWindows): WindowSums {
  const out: WindowSums = new Map();
  for (const [accountId, metric, packed] of rows) {
    let byMetric = out.get(accountId);
    if (!byMetric) out.set(accountId, (byMetric = new Map()));
    byMetric.set(metric, packed.split(',').map((w) => {
      const [day, total, days] = w.split(' ');
      return [day!, Number(total), Number(days)];
    }));
  }
  return out;
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
   * The 7-day sums of the weekly roll-up (kept by migration 013's triggers) ending on
   * `firstLastDay`, a week later, and so on up to `lastDay`, for several accounts and metrics in
   * one index range each: account → metric → [last day, sum, days Meta reported]. A window without
   * a row had no data.
   */
  weekSums(accountIds: readonly number[], metrics: readonly string[], firstLastDay: string, lastDay: string): WindowSums {
    return unpackWindows(prepareCached(this.db,
      `SELECT account_id, metric, group_concat(last_day || ' ' || total || ' ' || days) FROM account_insight_weeks
       WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?))
         AND phase = ? AND last_day BETWEEN ? AND ? GROUP BY account_id, metric`,
    ).raw(true).all(JSON.stringify(accountIds), JSON.stringify(metrics), weekPhase(firstLastDay), firstLastDay, lastDay) as PackedWindows);
  }

  /**
   * Daily values over [firstDay, lastDay] in the same shape (one-day windows), for several accounts
   * and metrics in one index range read. SQLite packs each account's metric into one string, so
   * thousands of days cross into JavaScript as a few dozen values rather than rows.
   */
  daySums(accountIds: readonly number[], metrics: readonly string[], firstDay: string, lastDay: string): WindowSums {
    return unpackWindows(prepareCached(this.db,
      `SELECT account_id, metric, group_concat(day || ' ' || value || ' 1') FROM account_daily_insights
       WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?))
         AND day BETWEEN ? AND ? GROUP BY account_id, metric`,
    ).raw(true).all(JSON.stringify(accountIds), JSON.stringify(metrics), firstDay, lastDay) as PackedWindows);
  }

  /** Sums of several metrics of several accounts over [firstDay, lastDay]: account → metric → sum (no row: no data). */
  totals(accountIds: readonly number[], metrics: readonly string[], firstDay: string, lastDay: string): Map<number, Map<string, number>> {
    const rows = prepareCached(this.db,
      `SELECT account_id, metric, sum(value) FROM account_daily_insights
       WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ?
       GROUP BY account_id, metric`,
    ).raw(true).all(JSON.stringify(accountIds), JSON.stringify(metrics), firstDay, lastDay) as Array<[number, string, number]>;
    const out = new Map<number, Map<string, number>>();
    for (const [accountId, metric, sum] of rows) out.set(accountId, (out.get(accountId) ?? new Map()).set(metric, sum));
    return out;
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
