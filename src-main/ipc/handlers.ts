import type { DemoSummary } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { isAllowedExternalUrl } from '../core/external-links';
import { analyticsOverview } from '../services/analytics';
import { readSettings, updateSettings } from '../settings/settings';
import type { Handlers } from './dispatch';

export interface HandlerDeps {
  core: AppCore;
  /** Fills the store with the demo workspace. */
  loadDemo: () => Promise<DemoSummary>;
  quit: () => void;
  openExternal: (url: string) => Promise<void>;
}

/** The contract's implementation: thin, each one a call into a service or repository. */
export function createHandlers({ core, loadDemo, quit, openExternal }: HandlerDeps): Handlers {
  return {
    'app:getState': () => core.state(),
    'app:quit': () => {
      quit();
      return null;
    },
    'vault:create': ({ mode, passphrase }) => core.createVault(mode, passphrase),
    'vault:unlock': ({ passphrase }) => core.unlock(passphrase),
    'store:getStatus': () => core.storeStatus(),
    'demo:load': () => loadDemo(),
    'accounts:list': () => core.repos.accounts.list().map(({ externalId: _e, linkedAccountId: _l, ...summary }) => summary),
    'analytics:getOverview': ({ accountId, days }) => analyticsOverview(core.repos, accountId, days, core.now()),
    'inbox:listConversations': ({ accountId, limit, before }) => core.repos.inbox.listConversations(accountId, limit, before, core.now()),
    'inbox:getMessages': ({ conversationId, limit, before }) => core.repos.inbox.getMessages(conversationId, limit, before),
    'inbox:search': ({ query, limit }) => core.repos.inbox.search(query, limit),
    'privacy:wipe': () => core.wipe(),
    'privacy:listAudit': ({ limit }) => core.repos.audit.list(limit),
    'settings:get': () => readSettings(core.settings()),
    'settings:update': (patch) => updateSettings(core.settings(), patch),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'That link is not one Social Desk opens.');
      await openExternal(url);
      return null;
    },
  };
}
