import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { RelayRunner } from '../relay/relay-runner';
import { AccountsService } from './accounts-service';
import { SyncService, type SyncServiceOptions } from './sync-service';

/**
 * The services that need an open store. They are (re)built each time the store opens (first
 * run, unlock, after a wipe and a new start) and dropped when it closes, so nothing keeps
 * using a closed database: afterwards `sync` and `accounts` answer LOCKED.
 */
export class AppServices {
  private current: { sync: SyncService; accounts: AccountsService; relay: RelayRunner } | null = null;

  constructor(core: AppCore, options: SyncServiceOptions) {
    core.onReady(() => {
      const sync = new SyncService(core, options);
      // The relay's catch-up sync is the ordinary one, for every account.
      const relay = new RelayRunner(core, async () => {
        await sync.run(null);
      });
      this.current = { sync, accounts: new AccountsService(core, sync), relay };
      if (options.autoStart) relay.start();
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

  get relay(): RelayRunner {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current.relay;
  }

  get accounts(): AccountsService {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current.accounts;
  }
}
