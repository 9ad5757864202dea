import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeCore } from '../../support/core';
import { holdLockInChild, makeReadOnly, release } from '../../support/fs-faults';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const PASSPHRASE = 'cli error passphrase';

let tmp: { dir: string; cleanup: () => void };
const cleanups: Array<() => unknown> = [];

/** Runs the real CLI; resolves with its exit code and output, never rejects. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['src-main/cli/index.ts', ...args], {
      cwd: root,
      env: { ...process.env, SOCIAL_DESK_PASSPHRASE: PASSPHRASE },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A passphrase store made in-process (same core as the CLI's init, cheaper scrypt). */
function store(name: string): string {
  const dir = join(tmp.dir, name);
  const core = makeCore(dir, null, { scryptCost: { N: 1024, r: 8, p: 1 } });
  core.start();
  core.createVault('passphrase', PASSPHRASE);
  core.close();
  return dir;
}

beforeAll(() => {
  tmp = makeTempDir();
});
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});
afterAll(() => tmp.cleanup());

describe('command line errors: exit 2 for usage only, exit 1 with the cause by name', () => {
  it('command lookup finds nothing for __proto__, constructor, toString or hasOwnProperty', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const result = await cli([name, '--data-dir', tmp.dir]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toContain(`Unknown command "${name}"`);
    }
  }, 120_000);

  it('--graph-base-url must be an http(s) URL', async () => {
    for (const url of ['file:///etc/passwd', 'not a url', 'javascript:alert(1)']) {
      const result = await cli(['accounts', '--data-dir', tmp.dir, '--graph-base-url', url]);
      expect(result.code, url).toBe(2);
      expect(result.stderr).toContain('--graph-base-url must be an http(s) URL');
    }
  }, 120_000);

  it('a 0-byte database is DAMAGED (and stays 0 bytes), not LOCKED and not a fresh empty store', async () => {
    const dir = store('zero');
    writeFileSync(join(dir, 'social-desk.db'), '');
    const result = await cli(['status', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[DAMAGED\].*empty \(0 bytes\)/);
    expect(readFileSync(join(dir, 'social-desk.db')).length).toBe(0);
  }, 60_000);

  it('a store another process holds is BUSY', async () => {
    const dir = store('busy');
    const key = makeCore(dir, null).vault.open(PASSPHRASE).toString('hex');
    const holder = await holdLockInChild(join(dir, 'social-desk.db'), key, 'exclusive-read');
    cleanups.push(() => release(holder));
    const result = await cli(['status', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[BUSY\].*another Social Desk/i);
  }, 60_000);

  it('a read-only data folder is READ_ONLY', async () => {
    const dir = store('read-only');
    const ro = makeReadOnly(dir);
    cleanups.push(() => ro.restore());
    const result = await cli(['status', '--data-dir', dir]);
    expect(result.code, ro.how).toBe(1);
    expect(result.stderr).toMatch(/\[READ_ONLY\].*(read-only|permission)/i);
  }, 60_000);

  it('a data folder that is a file, and an --out that is a file or not empty, are named (exit 1)', async () => {
    const file = join(tmp.dir, 'a-file');
    writeFileSync(file, 'mine');
    const notFolder = await cli(['status', '--data-dir', file]);
    expect(notFolder.code).toBe(1);
    expect(notFolder.stderr).toMatch(/not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('mine');

    const dir = store('export');
    const outFile = await cli(['export', '--format', 'csv', '--out', file, '--data-dir', dir]);
    expect(outFile.code).toBe(1);
    expect(outFile.stderr).toMatch(/\[INVALID_ARGUMENT\].*is a file, not a folder/);
  }, 120_000);

  it('a vault.json asking for a huge scrypt cost is refused at once as altered, not run', async () => {
    const dir = store('scrypt');
    const vaultFile = join(dir, 'vault.json');
    const vault = JSON.parse(readFileSync(vaultFile, 'utf8')) as { record: { kdf: { N: number } } };
    vault.record.kdf.N = 2 ** 30;
    writeFileSync(vaultFile, JSON.stringify(vault));
    const result = await cli(['status', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[KEY_UNAVAILABLE\].*altered \(kdf\.N/);
  }, 60_000);
});
