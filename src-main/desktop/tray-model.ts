import type { MenuItemModel } from './menu-model';
import { separator } from './menu-model';

/** What the tray menu reflects; the glue recomputes the menu whenever one of these changes. */
export interface TrayState {
  /** The store is open (not first run, locked, or showing a problem), so syncing is possible. */
  storeOpen: boolean;
  /** At least one account is syncing right now. */
  syncing: boolean;
  /** The user paused background syncing from the tray. */
  paused: boolean;
  /** Connected (non-demo) accounts; "Sync now" needs at least one. */
  syncableAccounts: number;
  /** Version of a downloaded update waiting for a restart, or null. */
  updateReady: string | null;
}

/**
 * The tray / menu bar menu: Open, Sync now, Pause (or Resume) syncing, an update waiting for a
 * restart if there is one, Quit. Items that cannot act say why in their label instead of
 * silently doing nothing.
 */
export function buildTrayMenu(state: TrayState): MenuItemModel[] {
  const canSync = state.storeOpen && state.syncableAccounts > 0;
  const syncLabel = !state.storeOpen
    ? 'Sync now (open Social Desk first)'
    : state.syncableAccounts === 0
      ? 'Sync now (no accounts connected)'
      : state.syncing
        ? 'Syncing…'
        : 'Sync now';
  const items: MenuItemModel[] = [
    { kind: 'action', action: 'open-window', label: 'Open Social Desk', enabled: true },
    separator,
    { kind: 'action', action: 'sync-now', label: syncLabel, enabled: canSync && !state.syncing },
    state.paused
      ? { kind: 'action', action: 'resume-sync', label: 'Resume syncing', enabled: state.storeOpen }
      : { kind: 'action', action: 'pause-sync', label: 'Pause syncing', enabled: state.storeOpen },
  ];
  if (state.updateReady) {
    items.push(separator, { kind: 'action', action: 'install-update', label: `Restart to update to ${state.updateReady}`, enabled: true });
  }
  items.push(separator, { kind: 'action', action: 'quit', label: 'Quit Social Desk', enabled: true });
  return items;
}

/** Hover text of the tray icon: the app name and what background syncing is doing. */
export function trayTooltip(state: TrayState): string {
  if (!state.storeOpen) return 'Social Desk';
  if (state.syncing) return 'Social Desk — syncing';
  if (state.paused) return 'Social Desk — syncing paused';
  return 'Social Desk';
}
