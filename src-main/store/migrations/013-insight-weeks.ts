import type { Migration } from './index';

/** Offsets 0..6: the seven 7-day windows a day belongs to end on that day and the six after it. */
const SEVEN_OFFSETS = '(VALUES (0), (1), (2), (3), (4), (5), (6))';

/**
 * The weekday phase of the window ending `column1` days after `day`: days since 1970-01-01 modulo 7
 * (`weekPhase` in the repository computes the same in JavaScript).
 */
const PHASE = (day: string) => `(unixepoch(${day}) / 86400 + column1) % 7`;

/** The seven windows holding `row`'s day, by index (every phase, then the 7 last days). */
function windowsOf(row: 'NEW' | 'OLD'): string {
  return `account_id = ${row}.account_id AND metric = ${row}.metric AND phase IN (0, 1, 2, 3, 4, 5, 6)
        AND last_day BETWEEN ${row}.day AND date(${row}.day, '+6 days')`;
}

/** SQL adding one daily value to the windows that hold it (creating those that had no day yet). */
function addToWindows(row: 'NEW'): string {
  return `INSERT INTO account_insight_weeks (account_id, metric, phase, last_day, total, days)
      SELECT ${row}.account_id, ${row}.metric, ${PHASE(`${row}.day`)}, date(${row}.day, '+' || column1 || ' days'), ${row}.value, 1
      FROM ${SEVEN_OFFSETS} WHERE true
      ON CONFLICT (account_id, metric, phase, last_day) DO UPDATE SET total = total + excluded.total, days = days + 1;`;
}

/** SQL taking one daily value out of its windows; windows left with no reported day go (no row: no data, never 0). */
function removeFromWindows(row: 'OLD'): string {
  return `UPDATE account_insight_weeks SET total = total - ${row}.value, days = days - 1 WHERE ${windowsOf(row)};
      DELETE FROM account_insight_weeks WHERE ${windowsOf(row)} AND days = 0;`;
}

/**
 * A 7-day roll-up of the daily account insights, kept by triggers, so a year's chart reads
 * 53 weekly sums per figure, in one index range, instead of 365 days.
 *
 * One row per (account, metric, day) holds the sum of the 7 days ending that day and how many of
 * them Meta reported (`days`). Keyed by the window's last day rather than by calendar week, a
 * chart's weeks can start on any day: a period's weekly buckets start on its first day, which
 * moves with today, and the previous period's buckets line up with them. `days = 0` (every value
 * of the window removed) is deleted, so a window with no row is "no data", never 0.
 *
 * Days here are the days the insights are stored under (Meta's own day, which the overview
 * compares with the user's calendar dates); the roll-up only adds up whole stored days, so it
 * changes no day boundary.
 */
export const migration013: Migration = {
  version: 13,
  name: 'weekly roll-up of daily insights',
  up(db) {
    db.exec(`
      CREATE TABLE account_insight_weeks (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        metric TEXT NOT NULL,
        -- Windows whose last days are 7 apart share a phase: a chart's weeks are one index range.
        phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 6),
        last_day TEXT NOT NULL,
        total REAL NOT NULL,
        days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 7),
        PRIMARY KEY (account_id, metric, phase, last_day)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO account_insight_weeks (account_id, metric, phase, last_day, total, days)
        SELECT account_id, metric, ${PHASE('day')} AS phase, date(day, '+' || column1 || ' days') AS last_day, sum(value), count(*)
        FROM account_daily_insights, ${SEVEN_OFFSETS}
        GROUP BY account_id, metric, phase, last_day;

      CREATE TRIGGER insight_weeks_on_insert AFTER INSERT ON account_daily_insights BEGIN
        ${addToWindows('NEW')}
      END;
      -- A re-read day (the sync's upsert) only moves the seven sums by the difference.
      CREATE TRIGGER insight_weeks_on_new_value AFTER UPDATE OF value ON account_daily_insights
        WHEN NEW.value IS NOT OLD.value AND NEW.account_id = OLD.account_id AND NEW.day = OLD.day AND NEW.metric = OLD.metric BEGIN
        UPDATE account_insight_weeks SET total = total + (NEW.value - OLD.value) WHERE ${windowsOf('NEW')};
      END;
      CREATE TRIGGER insight_weeks_on_moved AFTER UPDATE OF account_id, day, metric ON account_daily_insights
        WHEN NEW.account_id IS NOT OLD.account_id OR NEW.day IS NOT OLD.day OR NEW.metric IS NOT OLD.metric BEGIN
        ${removeFromWindows('OLD')}
        ${addToWindows('NEW')}
      END;
      CREATE TRIGGER insight_weeks_on_delete AFTER DELETE ON account_daily_insights BEGIN
        ${removeFromWindows('OLD')}
      END;
    `);
  },
};
