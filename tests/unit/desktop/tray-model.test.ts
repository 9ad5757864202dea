import { describe, expect, it } from 'vitest';
import type { MenuItemModel } from '../../../src-main/desktop/menu-model';
import { buildTrayMenu, trayTooltip, type TrayState } from '../../../src-main/desktop/tray-model';

const ready: TrayState = { storeOpen: true, syncing: false, paused: false, syncableAccounts: 2, updateReady: null };
const actions = (items: MenuItemModel[]) => items.flatMap((item) => (item.kind === 'action' ? [item] : []));
const find = (items: MenuItemModel[], action: string) => actions(items).find((item) => item.action === action);

describe('tray menu model', () => {
  it('offers Open, Sync now, Pause syncing and Quit, in that order', () => {
    const menu = buildTrayMenu(ready);
    expect(actions(menu).map((item) => [item.action, item.label, item.enabled])).toEqual([
      ['open-window', 'Open Social Desk', true],
      ['sync-now', 'Sync now', true],
      ['pause-sync', 'Pause syncing', true],
      ['quit', 'Quit Social Desk', true],
    ]);
    expect(menu.filter((item) => item.kind === 'separator')).toHaveLength(2);
  });

  it('turns Pause into Resume while paused, and Sync now still works then', () => {
    const menu = buildTrayMenu({ ...ready, paused: true });
    expect(find(menu, 'pause-sync')).toBeUndefined();
    expect(find(menu, 'resume-sync')).toMatchObject({ label: 'Resume syncing', enabled: true });
    expect(find(menu, 'sync-now')?.enabled).toBe(true);
  });

  it('says why Sync now cannot run instead of doing nothing', () => {
    expect(find(buildTrayMenu({ ...ready, syncing: true }), 'sync-now')).toMatchObject({ label: 'Syncing…', enabled: false });
    expect(find(buildTrayMenu({ ...ready, syncableAccounts: 0 }), 'sync-now')).toMatchObject({ label: 'Sync now (no accounts connected)', enabled: false });
    const locked = buildTrayMenu({ ...ready, storeOpen: false });
    expect(find(locked, 'sync-now')).toMatchObject({ label: 'Sync now (open Social Desk first)', enabled: false });
    expect(find(locked, 'pause-sync')?.enabled).toBe(false);
    expect(find(locked, 'open-window')?.enabled).toBe(true);
    expect(find(locked, 'quit')?.enabled).toBe(true);
  });

  it('offers a restart only once an update is downloaded, and only when asked', () => {
    expect(find(buildTrayMenu(ready), 'install-update')).toBeUndefined();
    expect(find(buildTrayMenu({ ...ready, updateReady: '0.2.0' }), 'install-update')).toMatchObject({ label: 'Restart to update to 0.2.0', enabled: true });
  });

  it('tooltip tells whether syncing runs or is paused', () => {
    expect(trayTooltip(ready)).toBe('Social Desk');
    expect(trayTooltip({ ...ready, syncing: true })).toBe('Social Desk — syncing');
    expect(trayTooltip({ ...ready, paused: true })).toBe('Social Desk — syncing paused');
  });
});
