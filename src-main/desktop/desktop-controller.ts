import type { AppCore } from '../core/app-core';
import type { AppServices } from '../services/app-services';
import type { DesktopAction } from './menu-model';
import { buildTrayMenu, trayTooltip, type TrayState } from './tray-model';

export interface DesktopHooks {
  showWindow: () => void;
  quit: () => void;
  installUpdate: () => void;
  showDataFolder: () => void;
  showPrivacy: () => void;
}

/**
 * The tray's state and what its items do, without Electron: the glue (src-main/electron/tray.ts)
 * only draws `menu()` and forwards clicks to `perform()`. "Pause syncing" stops the scheduler of
 * the open store; a store opened later (after a wipe or unlock) starts unpaused.
 */
export class DesktopController {
  private paused = false;
  private updateReady: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly core: AppCore,
    private readonly services: AppServices,
    private readonly hooks: DesktopHooks,
  ) {
    core.onReady(() => {
      this.paused = false;
      this.changed();
    });
    core.onClosed(() => this.changed());
    core.events.on('sync:status', () => this.changed());
  }

  state(): TrayState {
    const storeOpen = this.core.state().phase === 'ready';
    if (!storeOpen) return { storeOpen, syncing: false, paused: this.paused, syncableAccounts: 0, updateReady: this.updateReady };
    const sync = this.services.sync;
    return {
      storeOpen,
      syncing: sync.scheduler.status().some((s) => s.running),
      paused: this.paused,
      syncableAccounts: this.core.repos.accounts.list().filter((a) => !a.isDemo).length,
      updateReady: this.updateReady,
    };
  }

  menu() {
    return buildTrayMenu(this.state());
  }

  tooltip(): string {
    return trayTooltip(this.state());
  }

  /** Redraw whenever what the tray shows may have changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setUpdateReady(version: string | null): void {
    this.updateReady = version;
    this.changed();
  }

  perform(action: DesktopAction): void {
    switch (action) {
      case 'open-window':
        return this.hooks.showWindow();
      case 'sync-now': {
        const { sync } = this.services;
        // Same path as the renderer's "Sync now": a failure lands in the sync indicator and audit log.
        this.core.tasks.run('sync', () => sync.run(null));
        return;
      }
      case 'pause-sync': {
        const { scheduler } = this.services.sync;
        this.paused = true;
        this.core.tasks.run('pause syncing', () => scheduler.stop());
        this.changed();
        return;
      }
      case 'resume-sync':
        this.paused = false;
        this.services.sync.scheduler.start();
        this.changed();
        return;
      case 'install-update':
        return this.hooks.installUpdate();
      case 'quit':
        return this.hooks.quit();
      case 'show-data-folder':
        return this.hooks.showDataFolder();
      case 'show-privacy':
        return this.hooks.showPrivacy();
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
