import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESKTOP_FILES } from '../../../src-main/desktop/desktop-files';
import { makeCore } from '../../support/core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeTempDir } from '../../support/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('Erase everything takes what the desktop shell keeps', () => {
  it('crash reports, logs and the window position go with the store', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const dataDir = join(tmp.dir, 'data');
    const core = makeCore(dataDir, createFakeKeychain('machine-wipe'));
    core.start();
    core.createVault('os-keychain');
    // What crashpad, the log and the window glue write there (startLocalCrashReports, setAppLogsPath).
    const crashes = join(dataDir, DESKTOP_FILES.crashReports);
    mkdirSync(join(crashes, 'completed'), { recursive: true });
    writeFileSync(join(crashes, 'completed', '5f1c-crash.dmp'), 'minidump with memory of the inbox');
    writeFileSync(join(crashes, 'settings.dat'), 'crashpad settings');
    mkdirSync(join(dataDir, DESKTOP_FILES.logs));
    writeFileSync(join(dataDir, DESKTOP_FILES.logs, 'main.log'), 'log');
    writeFileSync(join(dataDir, DESKTOP_FILES.windowState), '{"width":900}');

    const outcome = await core.wipe();
    expect(outcome.left).toEqual([]);
    expect(outcome.removed).toEqual(expect.arrayContaining([`${DESKTOP_FILES.crashReports}/`, `${DESKTOP_FILES.logs}/`, DESKTOP_FILES.windowState]));
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    expect(core.state().phase).toBe('first-run');
  });
});
