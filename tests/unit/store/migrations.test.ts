import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { migrate, MIGRATIONS, NewerSchemaError, SCHEMA_VERSION, schemaVersion, type Migration } from '../../../src-main/store/migrations';
import { makeTempDir } from '../../support/temp-dir';
import { createRepositories } from '../../../src-main/store/repositories';

const key = Buffer.alloc(32, 7);
let cleanup = () => {};
afterEach(() => cleanup());

function freshDb(migrateNow = true) {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  return openDatabase({ file: join(tmp.dir, 'db.sqlite'), key, migrate: migrateNow });
}

describe('migrations', () => {
  it('001 creates every table the next issues need, all STRICT', () => {
    const db = freshDb();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'messages_fts%'`).all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['accounts', 'account_daily_insights', 'account_insight_weeks', 'account_period_insights', 'app_config', 'audience_demographics', 'audit_log', 'comments', 'conversations', 'credentials', 'deletion_requests', 'forget_receipts',
        'messages', 'people', 'post_metric_snapshots', 'posts', 'post_latest_metrics', 'post_thumbnails', 'relay_link', 'relay_meta_requests', 'retired_metrics', 'sync_runs', 'sync_state',
        'conversation_triage', 'conversation_labels', 'saved_replies', 'inbox_marks',
        'outbox', 'account_messaging_settings', 'message_reactions', 'conversation_seen', 'credential_grants', 'pending_message_signals'].sort(),
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT/);
    expect(() => db.prepare(`INSERT INTO audit_log (at, action) VALUES ('not a number', 'x')`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const db = freshDb();
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION + 5);
    db.close();
  });

  it('applies migrations in one transaction: a failing one leaves no trace', () => {
    const db = freshDb(false);
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get()).toEqual({ n: 0 });
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = freshDb();
    const before = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(before);
    db.close();
  });

  it('002 adds the retired-metrics table to a version-1 database and keeps its data', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (1, 'kept')`).run();
    expect(schemaVersion(db)).toBe(1);
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'kept' }]);
    db.prepare(`INSERT INTO retired_metrics (scope, metric, retired_at, reason) VALUES ('ig-media', 'impressions', 1, 'x')`).run();
    expect(() => db.prepare(`INSERT INTO retired_metrics (scope, metric, retired_at) VALUES ('ig-media', 'impressions', 2)`).run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('003 adds app_config to a version-2 database: one value per key, cleared by an empty value', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (1, 'kept')`).run();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'kept' }]);
    const config = createRepositories(db).appConfig;
    config.set('facebook_app_id', '123', 1);
    config.set('facebook_app_id', '456', 2);
    expect(config.get('facebook_app_id')).toBe('456');
    config.set('facebook_app_id', '', 3);
    expect(config.get('facebook_app_id')).toBeNull();
    db.close();
  });

  it('004 adds the sync-fidelity columns to a version-3 database, keeps its rows and refuses unknown reasons', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare(`INSERT INTO accounts (network, external_id, name, login_kind, created_at, updated_at) VALUES ('instagram', '1', 'A', 'system_user', 1, 1)`).run();
    db.prepare(`INSERT INTO posts (account_id, external_id, published_at, first_seen_at, updated_at) VALUES (1, 'm1', 1, 1, 1)`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(db.prepare('SELECT insights_status, insights_checked_at FROM posts').get()).toEqual({ insights_status: null, insights_checked_at: null });
    db.prepare(`UPDATE posts SET insights_status = 'before_business_conversion'`).run();
    expect(() => db.prepare(`UPDATE posts SET insights_status = 'zero'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE accounts SET demographics_status = 'tiny'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE accounts SET demographics_status = 'under_100_followers'`).run();
    const conversations = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'conversations'`).get() as { sql: string };
    expect(conversations.sql).toMatch(/history_limited INTEGER NOT NULL DEFAULT 0/);
    db.close();
  });

  it('005 adds triage tables and an activity time to a version-4 database, keeping its conversations', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare(`INSERT INTO accounts (network, external_id, name, login_kind, created_at, updated_at) VALUES ('instagram', '1', 'A', 'demo', 1, 1)`).run();
    db.prepare(`INSERT INTO conversations (account_id, external_id, platform, updated_at, last_message_at) VALUES (1, 't1', 'instagram', 50, NULL), (1, 't2', 'instagram', 10, 70)`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toBe(5);
    // Emptied threads sort by Meta's last activity; others by their last message.
    expect(db.prepare('SELECT external_id, activity_at FROM conversations ORDER BY activity_at DESC').all()).toEqual([
      { external_id: 't2', activity_at: 70 },
      { external_id: 't1', activity_at: 50 },
    ]);
    db.prepare(`INSERT INTO conversation_labels (conversation_id, label) VALUES (1, 'vip')`).run();
    expect(() => db.prepare(`INSERT INTO conversation_labels (conversation_id, label) VALUES (1, '')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO conversation_triage (conversation_id, updated_at) VALUES (1, 'soon')`).run()).toThrow(/cannot store TEXT/);
    db.prepare('DELETE FROM conversations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM conversation_labels').get()).toEqual({ n: 0 });
    db.close();
  });

  it('006 adds per-range period insights to a version-5 database: one value per account, metric and range', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (1, 'kept')`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'kept' }]);
    db.prepare(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', 'x', 'X', 'demo', 1, 1)`).run();
    const repo = createRepositories(db).insights;
    repo.upsertPeriod(1, [{ metric: 'reach', firstDay: '2026-11-01', lastDay: '2026-11-07', value: 100 }], 1);
    repo.upsertPeriod(1, [{ metric: 'reach', firstDay: '2026-11-01', lastDay: '2026-11-07', value: 120 }], 2);
    expect(repo.periodValue(1, 'reach', '2026-11-01', '2026-11-07')).toBe(120);
    expect(repo.periodValue(1, 'reach', '2026-11-01', '2026-11-08')).toBeNull();
    expect(() => db.prepare(`INSERT INTO account_period_insights VALUES (1, 'reach', '2026-11-08', '2026-11-01', 1, 1)`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('008 adds the outbox to a version-7 database: states and kinds are closed sets, removing an account removes its outbox', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', '178', 'Studio', 'demo', 1, 1)`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 8))).toBe(8);
    const insert = (state: string, kind = 'message') =>
      db.prepare(`INSERT INTO outbox (account_id, kind, target_external_id, text, state, created_at, updated_at) VALUES (1, ?, 'igsid', 'hi', ?, 1, 1)`).run(kind, state);
    insert('queued');
    expect(() => insert('lost')).toThrow(/CHECK/);
    expect(() => insert('queued', 'broadcast')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO outbox (account_id, kind, target_external_id, state, created_at, updated_at) VALUES (1, 'message', 'x', 'queued', 'soon', 1)`).run()).toThrow(/cannot store TEXT/);
    db.prepare(`INSERT INTO account_messaging_settings (account_id, human_agent_allowed, updated_at) VALUES (1, 1, 1)`).run();
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM account_messaging_settings').get()).toEqual({ n: 0 });
    db.close();
  });

  it('009 keeps a version-8 database\'s data, chains its audit log, and makes the privacy tables (STRICT)', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 8));
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (1, 'kept')`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 9))).toBe(9);
    const repos = createRepositories(db);
    expect(repos.audit.list(5).map((r) => r.action)).toEqual(['kept']);
    expect(repos.audit.verify()).toEqual({ ok: true, checked: 1, brokenAt: null });
    expect(() => db.prepare(`INSERT INTO deletion_requests (code, received_at, source) VALUES ('DR-1', 1, 'fax')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO forget_receipts (code, forgotten_at, scope, counts, total) VALUES ('FG-1', 'x', 'person', '{}', 0)`).run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(db.prepare(`SELECT v FROM messages_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
    db.close();
  });

  it('010 gives a version-9 database\'s forget receipts a file-count column, keeping old receipts with no files', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 9));
    db.prepare(`INSERT INTO forget_receipts (code, forgotten_at, scope, counts, total) VALUES ('FG-OLD', 1, 'person', '{"messages":2}', 2)`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 10))).toBe(10);
    expect(db.prepare(`SELECT counts, files FROM forget_receipts WHERE code = 'FG-OLD'`).get()).toEqual({ counts: '{"messages":2}', files: '{}' });
    expect(() => db.prepare(`INSERT INTO forget_receipts (code, forgotten_at, scope, counts, total, files) VALUES ('FG-2', 1, 'person', '{}', 0, NULL)`).run()).toThrow(
      /NOT NULL/,
    );
    db.close();
  });

  it('011 fills each post\'s newest metrics from a version-10 database and keeps them newest through later snapshots and retention', () => {
    const db = freshDb(false);
    migrate(db, MIGRATIONS.slice(0, 10));
    db.prepare(`INSERT INTO accounts (id, network, external_id, name, login_kind, created_at, updated_at) VALUES (1, 'instagram', 'ig', 'A', 'demo', 1, 1)`).run();
    db.prepare(`INSERT INTO posts (id, account_id, external_id, published_at, first_seen_at, updated_at) VALUES (7, 1, 'm7', 1, 1, 1)`).run();
    const snap = db.prepare('INSERT OR REPLACE INTO post_metric_snapshots (post_id, captured_at, views) VALUES (7, ?, ?)');
    snap.run(100, 10);
    snap.run(200, 20);
    expect(migrate(db, MIGRATIONS.slice(0, 11))).toBe(11);
    const latest = () => db.prepare('SELECT captured_at AS at, views FROM post_latest_metrics WHERE post_id = 7').get();
    expect(latest()).toEqual({ at: 200, views: 20 });
    snap.run(150, 15); // an older read arriving late does not replace the newer one
    expect(latest()).toEqual({ at: 200, views: 20 });
    snap.run(300, 30);
    expect(latest()).toEqual({ at: 300, views: 30 });
    snap.run(300, 31); // a second read at the same instant replaces the first
    expect(latest()).toEqual({ at: 300, views: 31 });
    db.prepare('DELETE FROM post_metric_snapshots WHERE captured_at = 300').run();
    expect(latest()).toEqual({ at: 200, views: 20 });
    expect(() => db.prepare(`INSERT INTO post_thumbnails (post_id, status, fetched_at) VALUES (7, 'stored', 1)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO post_thumbnails (post_id, status, reason, fetched_at) VALUES (7, 'unavailable', 'gone', 1)`).run();
    db.prepare('DELETE FROM posts WHERE id = 7').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM post_latest_metrics) + (SELECT count(*) FROM post_thumbnails) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
