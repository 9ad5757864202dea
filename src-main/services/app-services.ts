import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { grantingUserVia } from '../relay/granting-user';
import { RelayRunner } from '../relay/relay-runner';
import { AccountsService } from './accounts-service';
import { LiveDemo, type AttachDemoWorld } from './live-demo';
import { OutboxService, type OutboxServiceOptions } from './outbox/outbox-service';
import { SyncService, type SyncServiceOptions } from './sync-service';
import { startRetentionSchedule } from '../privacy/privacy-actions';

export interface AppServicesOptions extends SyncServiceOptions {
  /** Send what waits in the outbox when the data opens, even where syncs run on demand only. */
  outboxAutoStart?: boolean;
  /** Test seam, see OutboxServiceOptions. */
  afterMetaAccepted?: OutboxServiceOptions['afterMetaAccepted'];
  /** Test seam: the demo's world kept outside this process, see AttachDemoWorld. */
  attachDemoWorld?: AttachDemoWorld;
}

interface Current {
  sync: SyncService;
  accounts: AccountsService;
  outbox: OutboxService;
  liveDemo: LiveDemo;
  relay: RelayRunner;
}

/**
 * The services that need an open store. They are (re)built each time the store opens (first
 * run, unlock, after a wipe and a new start) and dropped when it closes, so nothing keeps
 * using a closed database: afterwards `sync` and `accounts` answer LOCKED.
 */
export class AppServices {
  private current: Current | null = null;

  constructor(core: AppCore, options: AppServicesOptions) {
    core.onReady(() => {
      const sync = new SyncService(core, options);
      const liveDemo = new LiveDemo(core.repos, core.now, options.attachDemoWorld);
      sync.liveDemo = liveDemo;
      const outbox = new OutboxService({
        repos: core.repos,
        now: core.now,
        // Demo accounts talk to the live emulator; every other account to Meta through the sync's client.
        clientFor: (accountId) => (liveDemo.isDemoAccount(accountId) ? liveDemo.client() : Promise.resolve(sync.client)),
        onChange: (what) => core.events.emit('store:changed', { what }),
        ...(options.afterMetaAccepted ? { afterMetaAccepted: options.afterMetaAccepted } : {}),
      });
      core.registerWork({
        stop: async () => {
          await outbox.stop();
          await liveDemo.stop();
        },
      });
      // The relay's catch-up sync is the ordinary one, for every account.
      const relay = new RelayRunner(
        core,
        async () => {
          await sync.run(null);
        },
        grantingUserVia(sync.client, core.repos),
      );
      if (options.autoStart) {
        outbox.start();
        relay.start();
      } else if (options.outboxAutoStart) {
        outbox.start();
      }
      this.current = { sync, accounts: new AccountsService(core, sync), outbox, liveDemo, relay };
      // The confirmed retention policy runs when the data opens and then daily.
      startRetentionSchedule(core);
    });
    core.onClosed(() => {
      this.current?.sync.dispose();
      this.current = null;
    });
  }

  private get open(): Current {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current;
  }

  get sync(): SyncService {
    return this.open.sync;
  }

  get relay(): RelayRunner {
    if (!this.current) throw new AppError('LOCKED', 'The local data is not open.');
    return this.current.relay;
  }

  get accounts(): AccountsService {
    return this.open.accounts;
  }

  get outbox(): OutboxService {
    return this.open.outbox;
  }
}
