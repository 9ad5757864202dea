import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAppState, firstRunToConnect, openView } from './support/flows';
import { collectMainLog, openAsSecondInstance } from './support/second-instance';

test.use({ useEmulator: true });

const REDIRECT = 'https://brand.example/instagram-callback';

test('electron: Instagram Login answered by a social-desk:// link (second instance); a forged state is ignored and logged without secrets', async ({ app, metaEmulator }) => {
  const emulator = metaEmulator!;
  const electronApp = app.electronApp;
  if (!electronApp) throw new Error('This spec runs in the electron project only.');
  const page = app.page;
  const mainLog = collectMainLog(electronApp);
  emulator.state.registerRedirectUri('instagram', REDIRECT);

  await firstRunToConnect(page);
  await openView(page, 'settings');
  const field = (name: string) => page.locator(`[data-meta-app-field="${name}"]`);
  await field('instagramAppId').fill(emulator.app.igAppId);
  await field('instagramAppSecret').fill(emulator.app.igAppSecret);
  await field('instagramRedirectUri').fill(REDIRECT);
  await page.getByRole('button', { name: 'Save Meta app settings' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  await openView(page, 'accounts');
  const loginWindow = electronApp.waitForEvent('window');
  await page.locator('[data-connect-method="instagram"]').getByRole('button', { name: 'Log in with Instagram' }).click();
  const login = await loginWindow;
  // Meta's consent page (the emulator's): its "continue" link is the redirect a browser would follow.
  const href = await login.locator('a#continue').getAttribute('href');
  const answer = new URL(href!);
  const code = answer.searchParams.get('code')!;
  const state = answer.searchParams.get('state')!;
  expect(code).toBeTruthy();

  // The registered page forwards Meta's query to the app; first someone else's (wrong state).
  const forged = `social-desk://login/instagram?code=${encodeURIComponent(code)}&state=${'A'.repeat(state.length)}`;
  await openAsSecondInstance(electronApp, forged);
  await expect.poll(mainLog).toContain('[deep link] ignored social-desk://login/instagram?code=…&state=…: no instagram login is waiting');
  expect(mainLog()).not.toContain(code);
  expect(login.isClosed(), 'the login still waits for its own answer').toBe(false);

  const closed = login.waitForEvent('close');
  await openAsSecondInstance(electronApp, `social-desk://login/instagram?code=${encodeURIComponent(code)}&state=${state}`);
  await closed;
  const row = page.locator('[data-account-id]');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row).toHaveAttribute('data-account-status', 'active');
  expect(mainLog()).not.toContain(code);
});

test('electron: a cold start with a social-desk:// link opens the app normally and acts on nothing', async () => {
  // Its own launch: the link goes on the first instance's command line (what Windows and Linux do
  // when the app is not running). No login can be waiting in a process that just started.
  const root = mkdtempSync(join(tmpdir(), 'social-desk-cold-link-'));
  const code = 'AQBcoldStartSecretCode';
  const link = `social-desk://login/facebook?code=${code}&state=${'B'.repeat(32)}`;
  const electronApp = await _electron.launch({
    args: ['out/main/index.js', `--user-data-dir=${join(root, 'profile')}`, link],
    env: { ...process.env, SOCIAL_DESK_DATA_DIR: join(root, 'data'), XDG_CONFIG_HOME: join(root, 'profile') } as Record<string, string>,
  });
  try {
    const mainLog = collectMainLog(electronApp);
    const page = await electronApp.firstWindow();
    await expectAppState(page, 'first-run');
    // The cold start's own log line may be written before this test can listen, so the same link
    // comes again from a second instance: logged, without its code, and the app stays where it was.
    await openAsSecondInstance(electronApp, link);
    await expect.poll(mainLog).toContain('[deep link] ignored social-desk://login/facebook?code=…&state=…: no facebook login is waiting');
    expect(mainLog()).not.toContain(code);
    await expectAppState(page, 'first-run');
  } finally {
    await electronApp.close();
    rmSync(root, { recursive: true, force: true });
  }
});
