import { prepareCached, type Db } from '../database';
import { DAY_MS, utcDay } from '../../core/time';

export interface DailyValue {
  day: string;
  metric: string;
  value: number;
}

/** Per account and metric: consecutive windows' sums (null where Meta reported none of their days) and the days reported. */
export type WindowSeries = Map<number, Map<string, { values: Array<number | null>; known: number }>>;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const addDays = (day: string, n: number): string => utcDay((dayNumber(day) + n) * DAY_MS);

/** Days since 1970-01-01 modulo 7, as migration 013 files each 7-day window under its last day. */
export function weekPhase(day: string): number {
  return dayNumber(day) % 7;
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
   * Consecutive windows of `step` days (1: single days; 7: the weekly roll-up kept by migration
   * 013's triggers), the first ending on `firstLastDay`, `count` of them, for several accounts and
   * metrics in one index range each: account → metric → the windows' sums (null: Meta reported
   * none of its days) and how many days Meta reported in all. SQLite hands each series over as one
   * string of sums in order; only a series with missing windows is read again with its days.
   */
  windowSeries(accountIds: readonly number[], metrics: readonly string[], firstLastDay: string, count: number, step: 1 | 7): WindowSeries {
    const lastDay = addDays(firstLastDay, (count - 1) * step);
    const table = step === 7
      ? { from: 'account_insight_weeks', day: 'last_day', total: 'total', days: 'days', phase: `AND phase = ${weekPhase(firstLastDay)}` }
      : { from: 'account_daily_insights', day: 'day', total: 'value', days: '1', phase: '' };
    const where = `WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?))
      ${table.phase} AND ${table.day} BETWEEN ? AND ? GROUP BY account_id, metric`;
    const args = [JSON.stringify(accountIds), JSON.stringify(metrics), firstLastDay, lastDay] as const;
    const rows = prepareCached(this.db,
      `SELECT account_id, metric, count(*), sum(${table.days}), min(${table.day}), max(${table.day}), group_concat(${table.total}, ' ' ORDER BY ${table.day})
       FROM ${table.from} ${where}`,
    ).raw(true).all(...args) as Array<[number, string, number, number, string, string, string]>;
    const out: WindowSeries = new Map();
    const set = (accountId: number, metric: string, series: { values: Array<number | null>; known: number }) => {
      let byMetric = out.get(accountId);
      if (!byMetric) out.set(accountId, (byMetric = new Map()));
      byMetric.set(metric, series);
    };
    const first = dayNumber(firstLastDay);
    let gaps = false;
    for (const [accountId, metric, windows, known, firstDay, lastDayRead, packed] of rows) {
      // Windows in one unbroken run (Meta's newest days missing, or history starting later) sit in order from the first.
      const start = (dayNumber(firstDay) - first) / step;
      if ((dayNumber(lastDayRead) - dayNumber(firstDay)) / step + 1 !== windows) {
        gaps = true;
        continue;
      }
      const values = new Array<number | null>(count).fill(null);
      packed.split(' ').forEach((v, i) => (values[start + i] = Number(v)));
      set(accountId, metric, { values, known });
    }
    if (!gaps) return out;
    const withDays = prepareCached(this.db,
      `SELECT account_id, metric, count(*), sum(${table.days}), group_concat(${table.day} || ' ' || ${table.total}, ' ') FROM ${table.from} ${where}`,
    ).raw(true).all(...args) as Array<[number, string, number, number, string]>;
    for (const [accountId, metric, , known, packed] of withDays) {
      if (out.get(accountId)?.has(metric)) continue;
      const values = new Array<number | null>(count).fill(null);
      const parts = packed.split(' ');
      for (let i = 0; i < parts.length; i += 2) values[(dayNumber(parts[i]!) - first) / step] = Number(parts[i + 1]);
      set(accountId, metric, { values, known });
    }
    return out;
  }

  /**
   * Sums of several metrics of several accounts over [firstDay, lastDay] with the days Meta reported:
   * whole weeks from the weekly roll-up, the remaining days from the daily values.
   */
  rangeTotals(accountIds: readonly number[], metrics: readonly string[], firstDay: string, lastDay: string): Map<number, Map<string, { sum: number; days: number }>> {
    const days = dayNumber(lastDay) - dayNumber(firstDay) + 1;
    const weeks = Math.floor(days / 7);
    const ranges: Array<[string, string, string]> = [];
    if (weeks > 0) ranges.push(['weeks', addDays(firstDay, 6), addDays(firstDay, weeks * 7 - 1)]);
    if (weeks * 7 < days) ranges.push(['days', addDays(firstDay, weeks * 7), lastDay]);
    const out = new Map<number, Map<string, { sum: number; days: number }>>();
    for (const [kind, from, to] of ranges) {
      const sql = kind === 'weeks'
        ? `SELECT account_id, metric, sum(total), sum(days) FROM account_insight_weeks
           WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?)) AND phase = ${weekPhase(from)} AND last_day BETWEEN ? AND ?
           GROUP BY account_id, metric`
        : `SELECT account_id, metric, sum(value), count(*) FROM account_daily_insights
           WHERE account_id IN (SELECT value FROM json_each(?)) AND metric IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ?
           GROUP BY account_id, metric`;
      const rows = prepareCached(this.db, sql).raw(true).all(JSON.stringify(accountIds), JSON.stringify(metrics), from, to) as Array<[number, string, number, number]>;
      for (const [accountId, metric, sum, days] of rows) {
        const byMetric = out.get(accountId) ?? new Map<string, { sum: number; days: number }>();
        out.set(accountId, byMetric);
        const before = byMetric.get(metric);
        byMetric.set(metric, { sum: (before?.sum ?? 0) + sum, days: (before?.days ?? 0) + days });
      }
    }
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
