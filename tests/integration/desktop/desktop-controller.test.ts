import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopController } from '../../../src-main/desktop/desktop-controller';
import type { DesktopAction } from '../../../src-main/desktop/menu-model';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

/** The tray's items against the real services and the Graph emulator (no Electron needed). */
let h: ServicesHarness;
let controller: DesktopController;
const hookCalls: string[] = [];
const item = (action: DesktopAction) => controller.menu().find((entry) => entry.kind === 'action' && entry.action === action);

beforeAll(async () => {
  h = await makeServicesHarness('desktop-controller');
  controller = new DesktopController(h.core, h.services, {
    showWindow: () => hookCalls.push('show'),
    quit: () => hookCalls.push('quit'),
    installUpdate: () => hookCalls.push('install'),
    showDataFolder: () => hookCalls.push('folder'),
    showPrivacy: () => hookCalls.push('privacy'),
  });
});
afterAll(() => h.close());

const syncedAccounts = () => h.core.repos.accounts.list().filter((a) => a.lastSyncedAt !== null).length;

describe('tray controller', () => {
  it('Sync now is unavailable, and says why, until an account is connected', () => {
    expect(item('sync-now')).toMatchObject({ label: 'Sync now (no accounts connected)', enabled: false });
  });

  it('Sync now syncs every connected account through the real sync service', async () => {
    await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
    // Connecting starts its own first sync; wait for it so this test sees only the tray's run.
    await expect.poll(() => controller.state().syncing, { timeout: 60_000 }).toBe(false);
    const before = h.core.repos.accounts.list().map((a) => a.lastSyncedAt ?? 0);
    h.clock.now += 60 * 60 * 1000;
    let redraws = 0;
    controller.onChange(() => (redraws += 1));

    expect(item('sync-now')).toMatchObject({ label: 'Sync now', enabled: true });
    controller.perform('sync-now');
    await expect.poll(() => controller.state().syncing, { timeout: 60_000 }).toBe(false);
    const after = h.core.repos.accounts.list().map((a) => a.lastSyncedAt ?? 0);
    expect(after.length).toBeGreaterThan(0);
    after.forEach((time, index) => expect(time).toBeGreaterThan(before[index] ?? 0));
    expect(syncedAccounts()).toBe(after.length);
    expect(redraws, 'the tray redraws as the sync starts and ends').toBeGreaterThan(0);
    expect(h.core.tasks.lastFailure()).toBeNull();
  });

  it('Pause stops the scheduler and turns into Resume; Resume starts it again', async () => {
    controller.perform('pause-sync');
    expect(controller.state().paused).toBe(true);
    expect(item('resume-sync')).toMatchObject({ enabled: true });
    expect(controller.tooltip()).toBe('Social Desk — syncing paused');
    controller.perform('resume-sync');
    expect(controller.state().paused).toBe(false);
    expect(item('pause-sync')).toMatchObject({ enabled: true });
  });

  it('offers the restart only once an update is ready, and forwards the other items', () => {
    controller.setUpdateReady('0.2.0');
    expect(item('install-update')).toMatchObject({ label: 'Restart to update to 0.2.0' });
    for (const action of ['open-window', 'install-update', 'show-data-folder', 'show-privacy', 'quit'] as const) controller.perform(action);
    expect(hookCalls).toEqual(['show', 'install', 'folder', 'privacy', 'quit']);
  });
});
