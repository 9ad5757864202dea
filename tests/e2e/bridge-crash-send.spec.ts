import { visibleMessages } from '../../src-main/emulator/graph/schema-messaging';
import type { RunningEmulator } from '../../src-main/emulator/server';
import { expect, test } from './fixtures';
import { startBridgeChild, type BridgeChild } from './support/bridge-child';
import { openBridgeDemoSession } from './support/bridge-demo-session';
import { exploreDemo, expectAppState, openView } from './support/flows';
import { replyInOpenThread, syncDemoAccounts } from './support/replies';
import { captureScreen } from './support/screens';

/** What Meta (the demo's world) received: send calls, and copies of the text in its threads. */
function sendsReceived(emulator: RunningEmulator): number {
  return Object.entries(emulator.state.stats.byTemplate)
    .filter(([template]) => /^POST .*\/messages$/.test(template))
    .reduce((sum, [, n]) => sum + n, 0);
}
function copiesInMeta(emulator: RunningEmulator, text: string): number {
  return Object.values(emulator.world.conversations).flatMap((c) => visibleMessages(emulator.world, c)).filter((m) => m.text === text).length;
}

/**
 * The app process killed (SIGKILL) after Meta accepted a reply and before the app recorded it:
 * reopened, the outbox finds the reply in Meta's thread instead of sending it again. The bridge
 * runs in its own process so it can be killed; the demo's world lives in this process so it
 * outlives the kill and tells what Meta really received. Bridge-only: Electron has no such seam.
 */
test('a crash between send and record sends once: killed after Meta accepted, restarted, the reply is there once', async ({ lazyBrowser }, testInfo) => {
  const session = await openBridgeDemoSession(await lazyBrowser(), 'crash');
  const { dataDir, host, page, pageErrors } = session;
  const keychain = { kind: 'fake', secret: 'keychain-secret-crash' } as const;
  let bridge: BridgeChild | null = null;
  try {
    bridge = await startBridgeChild({ dataDir, keychain, demoWorldHost: host.url, holdAfterMetaAccepted: true });
    await page.goto(bridge.url);
    await exploreDemo(page);
    await openView(page, 'inbox');

    const text = 'Sent once, whatever happens';
    const id = await replyInOpenThread(page, text, { heldWhileSending: true });
    await bridge.metaAccepted;
    const emulator = host.emulator();
    if (!emulator) throw new Error('The app never reached the demo world');
    expect(copiesInMeta(emulator, text)).toBe(1);
    // Meta has it; the app has not recorded it. Now the process dies, with no chance to write.
    await bridge.kill();
    const sendsBefore = sendsReceived(emulator);
    expect(sendsBefore).toBe(1);

    bridge = await startBridgeChild({ dataDir, keychain, demoWorldHost: host.url });
    await page.goto(bridge.url);
    await expectAppState(page, 'ready');
    await openView(page, 'inbox');
    await page.locator(`[data-conversation-id="${id}"]`).click();
    await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
    // The reopened app looked for it in Meta's thread, found it and recorded it: shown once, nothing pending.
    const mine = page.locator('.message--out .message__bubble').filter({ hasText: text });
    await expect(mine).toHaveCount(1);
    await expect(page.locator('[data-outbox-state]').filter({ hasText: text })).toHaveCount(0);
    await captureScreen(page, testInfo, 'reply-after-crash');

    // The next sync brings Meta's copy, which is the same message: still once, and one send in all.
    await syncDemoAccounts(page);
    await openView(page, 'inbox');
    await page.locator(`[data-conversation-id="${id}"]`).click();
    await expect(page.locator(`[data-thread="${id}"][data-thread-status="ready"]`)).toBeVisible();
    await expect(page.locator('.message--out .message__bubble').filter({ hasText: text })).toHaveCount(1);
    expect(sendsReceived(emulator)).toBe(1);
    expect(copiesInMeta(emulator, text)).toBe(1);
  } finally {
    await bridge?.stop();
    await session.close();
  }
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});
