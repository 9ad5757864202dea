import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExportCancelledError, exportEverything, type ExportProgress } from '../../../src-main/privacy/export-everything';
import { EXPORT_STAGING_DIR } from '../../../src-main/privacy/export-staging';
import { createPrivacyHandlers } from '../../../src-main/ipc/privacy-handlers';
import type { AppServices } from '../../../src-main/services/app-services';
import { readyCoreInTempDir } from '../../support/core';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

const MESSAGES = 3000;
const INSIGHT_DAYS = 610;

/** A ready store with one conversation of MESSAGES messages. */
function bigStore() {
  const { core, dataDir, parent } = readyCoreInTempDir(cleanups, 'export-everything');
  const { accounts, inbox, db } = core.repos;
  const accountId = accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Brand', loginKind: 'system_user' }, 1);
  const personId = inbox.upsertPerson(accountId, { idKind: 'igsid', externalId: '99', username: 'ana' }, 1);
  const conversationId = inbox.upsertConversation(accountId, { externalId: 't1', platform: 'instagram', personId, updatedAt: 1 });
  db.transaction(() => {
    for (let i = 0; i < MESSAGES; i += 1) inbox.upsertMessage(conversationId, { externalId: `m${i}`, direction: 'in', sentAt: i, text: `line ${i}, "quoted"` }, 1);
    // A WITHOUT ROWID table, paged by its primary key.
    const insight = db.prepare('INSERT INTO account_daily_insights (account_id, day, metric, value, fetched_at) VALUES (?, ?, ?, ?, 1)');
    for (let d = 0; d < INSIGHT_DAYS; d += 1) insight.run(accountId, `2026-01-${String(1 + (d % 28)).padStart(2, '0')}`, `metric_${Math.floor(d / 28)}`, d);
  })();
  return { core, dataDir, out: join(parent, 'chosen', 'export') };
}

const stagingLeft = (dataDir: string) => (existsSync(join(dataDir, EXPORT_STAGING_DIR)) ? readdirSync(join(dataDir, EXPORT_STAGING_DIR)) : []);

describe('export everything, in steps', () => {
  it('gives the main process back between steps (timers run, the connection answers), reports progress, and writes every row with a manifest, owner-only', async () => {
    const { core, dataDir, out } = bigStore();
    let ticks = 0;
    const queriesBetweenSteps: number[] = [];
    const timer = setInterval(() => {
      ticks += 1;
      // What an IPC call would do mid-export: the connection is not held by an open statement.
      queriesBetweenSteps.push(core.repos.db.prepare('SELECT count(*) FROM messages').pluck().get() as number);
    }, 0);
    const progress: ExportProgress[] = [];
    try {
      const report = await exportEverything(core.repos.db, out, core.now(), { dataDir, batchRows: 250, onProgress: (p) => progress.push(p) });
      expect(report.files.find((f) => f.name === 'messages.json')?.rows).toBe(MESSAGES);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
    expect(queriesBetweenSteps.every((n) => n === MESSAGES)).toBe(true);
    const messageSteps = progress.filter((p) => p.table === 'messages');
    expect(messageSteps.map((p) => p.rowsDone)).toEqual(Array.from({ length: MESSAGES / 250 + 1 }, (_, i) => i * 250));
    expect(messageSteps.every((p) => p.rowsTotal === MESSAGES)).toBe(true);
    expect(new Set(progress.map((p) => p.tablesTotal)).size).toBe(1);

    const rows = JSON.parse(readFileSync(join(out, 'messages.json'), 'utf8')) as Array<{ external_id: string; text: string }>;
    expect(rows).toHaveLength(MESSAGES);
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(MESSAGES);
    expect(readFileSync(join(out, 'messages.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(MESSAGES + 1);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ name: string; rows: number }> };
    expect(manifest.files.find((f) => f.name === 'messages.csv')?.rows).toBe(MESSAGES);
    const insights = JSON.parse(readFileSync(join(out, 'account_daily_insights.json'), 'utf8')) as Array<{ value: number }>;
    expect(insights.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: INSIGHT_DAYS }, (_, i) => i));
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(out)) expect(statSync(join(out, name)).mode & 0o777, name).toBe(0o600);
    expect(stagingLeft(dataDir)).toEqual([]);
  });

  it('cancel part-way removes what was staged and writes nothing to the chosen folder', async () => {
    const { core, dataDir, out } = bigStore();
    const cancel = new AbortController();
    let stagedWhileRunning: string[] = [];
    const running = exportEverything(core.repos.db, out, core.now(), {
      dataDir,
      batchRows: 250,
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.table === 'messages' && p.rowsDone === 500) {
          stagedWhileRunning = stagingLeft(dataDir);
          cancel.abort();
        }
      },
    });
    await expect(running).rejects.toBeInstanceOf(ExportCancelledError);
    expect(stagedWhileRunning).toHaveLength(1);
    expect(stagingLeft(dataDir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('through the Privacy screen\'s channels: progress arrives as events, cancel answers null and removes the partial export', async () => {
    const { core, out } = bigStore();
    const handlers = createPrivacyHandlers({ core, services: {} as AppServices, pickFolder: async () => join(out, '..') });
    const seen: string[] = [];
    const off = core.events.on('privacy:export-progress', (p) => {
      seen.push(p.table);
      if (p.table === 'messages' && p.rowsDone > 0) void handlers['privacy:cancelExport'](undefined);
    });
    cleanups.push(off);
    expect(await handlers['privacy:exportEverything'](undefined)).toBeNull();
    expect(seen).toContain('messages');
    expect(existsSync(join(out, '..')) ? readdirSync(join(out, '..')) : []).toEqual([]);
    expect(core.repos.audit.list(5).some((e) => e.action === 'export.everything'), 'a cancelled export is not recorded as written').toBe(false);
    expect(await handlers['privacy:cancelExport'](undefined)).toEqual({ cancelled: false });
  });
});
