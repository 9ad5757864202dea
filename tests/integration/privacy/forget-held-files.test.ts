import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exportAll } from '../../../src-main/privacy/export';
import { EXPORT_STAGING_DIR } from '../../../src-main/privacy/export-staging';
import { previewForget, listReceipts } from '../../../src-main/privacy/forget';
import { changeSettings, forget } from '../../../src-main/privacy/privacy-actions';
import { describeAudit } from '../../../src-main/privacy/audit-words';
import { DATABASE_FILE } from '../../../src-main/store/database';
import { readyCoreInTempDir } from '../../support/core';
import { seedTwoPeople } from '../../support/privacy-seed';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

const WORD = 'quokkaword';
/** A pid no process has (pid_max on Linux is at most 2^22). */
const DEAD_PID = 4_194_999;

function readyCore() {
  const { core, dataDir } = readyCoreInTempDir(cleanups, 'held-files');
  const seeded = seedTwoPeople(core.repos, { target: WORD, other: 'wombatword' });
  return { core, dataDir, ...seeded };
}

/** Every file under the data folder except the encrypted database (scanned page by page elsewhere) whose bytes hold the needle. */
function plainFilesMentioning(dataDir: string, needle: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(dataDir)
    .filter((file) => !relative(dataDir, file).startsWith(DATABASE_FILE))
    .filter((file) => readFileSync(file).toString('latin1').toLowerCase().includes(needle.toLowerCase()))
    .map((file) => relative(dataDir, file));
}

describe('forget removes what the app holds as files, and counts it first', () => {
  it('export staging, crash reports, logs and set-aside copies are counted in the preview, removed, and named on the receipt', () => {
    const { core, dataDir, target } = readyCore();
    const stale = join(dataDir, EXPORT_STAGING_DIR, `${DEAD_PID}-abcd`);
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'messages.csv'), `1,${WORD} message 0\r\n`);
    mkdirSync(join(dataDir, 'crashes', 'completed'), { recursive: true });
    writeFileSync(join(dataDir, 'crashes', 'completed', 'a.dmp'), `\0\0${WORD}\0`);
    writeFileSync(join(dataDir, 'crashes', 'b.dmp'), 'minidump');
    mkdirSync(join(dataDir, 'logs'));
    writeFileSync(join(dataDir, 'logs', 'main.log'), `failed on "${WORD}"`);
    mkdirSync(join(dataDir, 'set-aside-2026-01-01T00-00-00-000Z'));
    writeFileSync(join(dataDir, 'set-aside-2026-01-01T00-00-00-000Z', DATABASE_FILE), 'encrypted copy');

    const preview = previewForget(core.repos.db, { personId: target.personId }, dataDir);
    expect(preview.files).toEqual({ exportStaging: 1, crashReports: 2, logs: 1, setAside: 1 });
    expect(preview.total, 'files are never added to rows').toBe(8);
    expect(existsSync(join(stale, 'messages.csv')), 'the preview removes nothing').toBe(true);

    const receipt = forget(core, { personId: target.personId });
    expect(receipt.files).toEqual({ exportStaging: 1, crashReports: 2, logs: 1, setAside: 1 });
    expect(listReceipts(core.repos.db)[0]).toEqual(receipt);
    expect(plainFilesMentioning(dataDir, WORD)).toEqual([]);
    expect(existsSync(join(dataDir, 'set-aside-2026-01-01T00-00-00-000Z'))).toBe(false);
    // Electron keeps writing crash dumps and logs into these folders: they stay, empty.
    expect(readdirSync(join(dataDir, 'crashes'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'logs'))).toEqual([]);
    expect(describeAudit(core.repos.audit.list(1)[0]!).summary).toMatch(/from the data folder/);
    expect(describeAudit(core.repos.audit.list(1)[0]!).summary).toContain('2 crash-report files');
  });

  it('an export this process is writing is stopped and its staging removed; a later forget finds nothing more', async () => {
    const { core, dataDir, target } = readyCore();
    const out = join(dataDir, '..', 'chosen');
    let stagingSeen = '';
    const running = exportAll(core.repos.db, out, 'csv', {
      dataDir,
      onStaged: (_name, staging) => {
        if (stagingSeen) return;
        stagingSeen = staging;
        const receipt = forget(core, { personId: target.personId });
        expect(receipt.files.exportStaging).toBeGreaterThan(0);
      },
    });
    await expect(running).rejects.toThrow(/A person was forgotten while the export ran/);
    expect(existsSync(stagingSeen)).toBe(false);
    expect(existsSync(out), 'nothing half-written reaches the chosen folder').toBe(false);
    expect(previewForget(core.repos.db, { handleOrId: 'other.person' }, dataDir).files).toEqual({});
  });

  it('the files the app keeps beside the database never hold a person: settings, key, window state', () => {
    const { core, dataDir } = readyCore();
    changeSettings(core, { textOnlyDms: false });
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ x: 1, y: 2, width: 800, height: 600 }));
    for (const needle of [WORD, 'target.person', '9001', 'other.person']) expect(plainFilesMentioning(dataDir, needle), needle).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => !n.startsWith(DATABASE_FILE)).sort()).toEqual(expect.arrayContaining(['vault.json']));
  });
});
