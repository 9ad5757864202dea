import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { AccountsService } from './accounts-service';
import { SyncService, type SyncServiceOptions } from './sync-service';
import { startRetentionSchedule } from '../privacy/privacy-actions';

/**
 * The services that need an open store. They are (re)built each time the store opens (first
 * run, unlock, after a wipe and a new start) and dropped when it closes, so nothing keeps
 * using a closed database: afterwards `sync` and `accounts` answer LOCKED.
 */
export class AppServices {
  private current: { sync: SyncService; accounts: AccountsService } | null = null;

  constructor(core: AppCore, options: SyncServiceOptions) {
    core.onReady(() => {
      const sync = new SyncService(core, options);
      this.current = { sync, accounts: new AccountsService(core, sync) };
      // The confirmed retention policy runs when the data opens and then daily.
      startRetentionSchedule(core);
    });
    core.onClosed(() => {
      this.current?.sync.dispose();
      this.current = null;
    });
  }

  get sync(): SyncService {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current.sync;
  }

  get accounts(): AccountsService {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current.accounts;
  }
}
