import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { makeCore } from '../support/core';
import { holdLockInChild, release } from '../support/fs-faults';
import { expect, test } from './fixtures';
import { DEMO_PASSPHRASE, expectAppState, exploreDemo } from './support/flows';
import { captureScreen } from './support/screens';

/**
 * An intact key with a store that will not open is never key recovery: a busy store says another
 * Social Desk is running and opens by itself once it quits; a damaged file is kept, not erased.
 * Passphrase mode, so the test can open the key the same way on both backends.
 */
test.use({ keychain: { kind: 'none' } });

const dbFile = (dataDir: string) => join(dataDir, 'social-desk.db');

test('another Social Desk holding the store → "already open", no erase offered, opens once it quits', async ({ app }, testInfo) => {
  await exploreDemo(app.page);
  let holder: ChildProcess | null = null;
  try {
    await app.restart({
      beforeStart: async () => {
        const key = makeCore(app.dataDir, null).vault.open(DEMO_PASSPHRASE).toString('hex');
        holder = await holdLockInChild(dbFile(app.dataDir), key, 'exclusive-read');
      },
    });
    await expectAppState(app.page, 'locked');
    await app.page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE);
    await app.page.getByRole('button', { name: 'Unlock' }).click();
    await expectAppState(app.page, 'store-problem', 20_000);
    const screen = app.page.locator('[data-screen="store-problem"]');
    await expect(screen.locator('[data-store-problem]')).toHaveAttribute('data-store-problem', 'busy');
    await expect(app.page.getByRole('heading', { name: 'Social Desk is already open' })).toBeVisible();
    await expect(screen.locator('[data-problem-choices] button')).toHaveText(['Try again', 'Quit']);
    await expect(screen).not.toContainText(/erase|start fresh/i);
    await captureScreen(app.page, testInfo, 'store-problem-busy');

    await release(holder!);
    // Nobody clicks: the screen retries by itself and the workspace opens with everything in it.
    await expectAppState(app.page, 'ready', 30_000);
    await expect(app.page.locator('[data-view="analytics"]')).toHaveAttribute('data-status', 'ready');
  } finally {
    if (holder) await release(holder);
  }
});

test('a 0-byte database beside its key → "damaged": keep a copy and start fresh moves it aside, erases nothing', async ({ app }, testInfo) => {
  await exploreDemo(app.page);
  await app.restart({ beforeStart: () => writeFileSync(dbFile(app.dataDir), '') });
  await expectAppState(app.page, 'locked');
  await app.page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE);
  await app.page.getByRole('button', { name: 'Unlock' }).click();
  await expectAppState(app.page, 'store-problem');
  const screen = app.page.locator('[data-screen="store-problem"]');
  await expect(screen.locator('[data-store-problem]')).toHaveAttribute('data-store-problem', 'damaged');
  await expect(screen.locator('[data-problem-detail]')).toContainText('empty (0 bytes)');
  await expect(screen.locator('[data-problem-choices] button')).toHaveText(['Keep a copy and start fresh', 'Show data folder', 'Quit']);
  await expect(screen).not.toContainText(/erase/i);
  await captureScreen(app.page, testInfo, 'store-problem-damaged');

  await app.page.getByRole('button', { name: 'Keep a copy and start fresh' }).click();
  const dialog = app.page.getByRole('alertdialog', { name: 'Keep a copy and start fresh?' });
  await expect(dialog).toContainText('Nothing is erased');
  await dialog.getByRole('button', { name: 'Keep a copy and start fresh' }).click();
  await expectAppState(app.page, 'first-run');
  const kept = readdirSync(app.dataDir).find((name) => name.startsWith('set-aside-'));
  expect(kept).toBeDefined();
  await expect(app.page.locator('[data-set-aside]')).toContainText(kept!);
  expect(readdirSync(join(app.dataDir, kept!)).sort()).toEqual(expect.arrayContaining(['social-desk.db', 'vault.json']));
  expect(readFileSync(join(app.dataDir, kept!, 'social-desk.db')).length).toBe(0);
});
