import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_PASSPHRASE, exploreDemo, openView } from './support/flows';
import { replyInOpenThread, syncDemoAccounts } from './support/replies';
import { captureScreen } from './support/screens';

// A passphrase (not the fake keychain) so the CLI can open the very same store as the app.
test.use({ keychain: { kind: 'none' } });
// Several CLI runs beside the demo load and two syncs: minutes on a busy machine.
test.setTimeout(480_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI on the app's own data folder, run beside the open app (not blocking its server in this process). */
function cli(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args, '--data-dir', dataDir], {
      env: { ...process.env, SOCIAL_DESK_PASSPHRASE: DEMO_PASSPHRASE },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function openThread(page: Page, conversationId: string): Promise<void> {
  await openView(page, 'inbox');
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.locator(`[data-conversation-id="${conversationId}"]`).click();
  await expect(page.locator(`[data-thread="${conversationId}"][data-thread-status="ready"]`)).toBeVisible();
}

/**
 * The demo workspace is live from the app and the CLI alike: a reply from the app, then one from
 * the CLI on the same data folder (each reaching the demo's own emulator, started with the demo's
 * seed and its clock at now), and each reply is in its thread after the next sync — the CLI's
 * sync and the app's.
 */
test('live demo: a reply from the app and one from the CLI, each in its thread after the next sync, in both', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  await openView(page, 'inbox');
  const fromApp = 'Sent from the app: see you Saturday';
  const appThread = await replyInOpenThread(page, fromApp);
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: fromApp })).toHaveCount(1);

  // The CLI, on the same workspace, replies in another thread whose window is open.
  const list = await cli(app.dataDir, ['inbox', 'list', '--json', '--limit', '200']);
  expect(list.code, list.stderr).toBe(0);
  const rows = JSON.parse(list.stdout) as Array<{ id: number; window: string }>;
  const fromCli = 'Sent from the command line: it is in stock';
  let cliThread: number | null = null;
  for (const row of rows.filter((r) => r.window === 'open' && String(r.id) !== appThread).slice(0, 6)) {
    const sent = await cli(app.dataDir, ['reply', String(row.id), fromCli]);
    if (sent.code === 0) {
      expect(sent.stdout).toMatch(/^Sent \(outbox #\d+\)/);
      cliThread = row.id;
      break;
    }
    // Only a person who turned messages off (Meta's 551) is passed over, with that reason.
    expect(sent.stdout + sent.stderr).toMatch(/isn’t available right now/);
  }
  expect(cliThread).not.toBeNull();

  // The CLI's next sync reads both replies back from Meta, once each.
  const synced = await cli(app.dataDir, ['sync']);
  expect(synced.code, synced.stderr).toBe(0);
  expect(synced.stdout).toMatch(/live emulator/);
  const showCli = await cli(app.dataDir, ['inbox', 'show', String(cliThread)]);
  expect(showCli.stdout.match(new RegExp(`You: ${fromCli}`, 'g'))).toHaveLength(1);
  const showApp = await cli(app.dataDir, ['inbox', 'show', appThread]);
  expect(showApp.stdout.match(new RegExp(`You: ${fromApp}`, 'g'))).toHaveLength(1);

  // The app's next sync, and both replies are in their threads there, once.
  await syncDemoAccounts(page);
  await openThread(page, String(cliThread));
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: fromCli })).toHaveCount(1);
  await captureScreen(page, testInfo, 'live-demo-cli-reply-in-app');
  await openThread(page, appThread);
  await expect(page.locator('.message--out .message__bubble').filter({ hasText: fromApp })).toHaveCount(1);
});
