import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/store/database';
import { migrate, MIGRATIONS } from '../../../src-main/store/migrations';
import { createRepositories } from '../../../src-main/store/repositories';
import { weekPhase } from '../../../src-main/store/repositories/insights';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function openAt(version: number | null): Db {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 7), migrate: false });
  migrate(db, version === null ? MIGRATIONS : MIGRATIONS.filter((m) => m.version <= version));
  db.exec(`INSERT OR IGNORE INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', 'ig', 'Shop', 'demo', 1, 1)`);
  return db;
}

/** The 7-day sums recomputed from the daily rows, the way the roll-up must always agree with them. */
function recomputed(db: Db): unknown[] {
  return db.prepare(
    `SELECT w.account_id, w.metric, w.last_day, sum(d.value) AS total, count(*) AS days
     FROM (SELECT DISTINCT account_id, metric, date(day, '+' || k.value || ' days') AS last_day FROM account_daily_insights, json_each('[0,1,2,3,4,5,6]') k) w
     JOIN account_daily_insights d ON d.account_id = w.account_id AND d.metric = w.metric AND d.day BETWEEN date(w.last_day, '-6 days') AND w.last_day
     GROUP BY w.account_id, w.metric, w.last_day ORDER BY 1, 2, 3`,
  ).all();
}

function rollup(db: Db): unknown[] {
  return db.prepare('SELECT account_id, metric, last_day, total, days FROM account_insight_weeks ORDER BY 1, 2, 3').all();
}

describe('migration 013 (weekly roll-up of daily insights)', () => {
  it('rolls up the days a version-12 database already holds, in a STRICT table', () => {
    const db = openAt(12);
    db.exec(`INSERT INTO account_daily_insights (account_id, day, metric, value, fetched_at) VALUES
      (1, '2026-03-01', 'reach', 10, 1), (1, '2026-03-03', 'reach', 5, 1), (1, '2026-03-20', 'reach', 2, 1), (1, '2026-03-03', 'views', 40, 1)`);
    migrate(db);
    expect((db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'account_insight_weeks'`).get() as { sql: string }).sql).toMatch(/STRICT, WITHOUT ROWID$/);
    expect(rollup(db)).toEqual(recomputed(db));
    // The week ending Mar 7 holds Mar 1 and Mar 3; the one ending Mar 9 only Mar 3; the one ending Mar 10 (Mar 4–10) nothing.
    const week = db.prepare(`SELECT total, days, phase FROM account_insight_weeks WHERE metric = 'reach' AND last_day = ?`);
    expect(week.get('2026-03-07')).toEqual({ total: 15, days: 2, phase: weekPhase('2026-03-07') });
    expect(week.get('2026-03-09')).toEqual({ total: 5, days: 1, phase: weekPhase('2026-03-09') });
    expect(week.get('2026-03-10')).toBeUndefined();
    db.close();
  });

  it('keeps the roll-up equal to the daily rows through inserts, re-reads, deletes and a deleted account', () => {
    const db = openAt(null);
    const repos = createRepositories(db);
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 1, 20 + i)).toISOString().slice(0, 10));
    repos.insights.upsertDaily(1, days.flatMap((day, i) => [{ day, metric: 'reach', value: i * 3 }, { day, metric: 'views', value: 100 + i }]), 1);
    expect(rollup(db)).toEqual(recomputed(db));
    // A later sync reads the last days again with new figures (an upsert: the UPDATE trigger).
    repos.insights.upsertDaily(1, days.slice(-10).map((day) => ({ day, metric: 'reach', value: 7 })), 2);
    expect(rollup(db)).toEqual(recomputed(db));
    // Days removed: windows left with no day have no row (no data), never a 0.
    db.exec(`DELETE FROM account_daily_insights WHERE metric = 'views' AND day BETWEEN '2026-03-01' AND '2026-03-20'`);
    expect(rollup(db)).toEqual(recomputed(db));
    expect(db.prepare(`SELECT count(*) FROM account_insight_weeks WHERE metric = 'views' AND last_day BETWEEN '2026-03-07' AND '2026-03-20'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM account_insight_weeks WHERE days = 0').pluck().get()).toBe(0);
    db.exec('DELETE FROM accounts');
    expect(rollup(db)).toEqual([]);
    db.close();
  });

  it('files windows whose last days are a week apart under one phase', () => {
    expect(weekPhase('2026-03-07')).toBe(weekPhase('2026-03-14'));
    expect(weekPhase('2026-03-08')).toBe((weekPhase('2026-03-07') + 1) % 7);
    expect(weekPhase('1970-01-01')).toBe(0);
  });
});
