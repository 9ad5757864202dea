import type { AccountSummary, DemoSummary, Settings } from '../../src-preload/contract';
import type { AppServices } from '../services/app-services';
import { metaAppConfig } from '../services/login-flows';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { isAllowedExternalUrl } from '../core/external-links';
import { analyticsOverview } from '../services/analytics';
import { readSettings, updateSettings } from '../settings/settings';
import { applyRetention } from '../privacy/retention';
import type { Handlers } from './dispatch';
import { createInboxHandlers } from './inbox-handlers';

export interface HandlerDeps {
  core: AppCore;
  /** Fills the store with the demo workspace. */
  loadDemo: () => Promise<DemoSummary>;
  quit: () => void;
  openExternal: (url: string) => Promise<void>;
  /** Shows a folder in the system's file manager (Electron: shell.openPath). */
  showFolder: (path: string) => Promise<void>;
  services: AppServices;
  /** Facebook and Instagram Login in a login window; only the desktop app has one. */
  connectFacebook?: () => Promise<AccountSummary[]>;
  connectInstagram?: () => Promise<AccountSummary[]>;
  /** Settings changed (the desktop glue applies launch-at-login and close behaviour). */
  onSettingsChanged?: (settings: Settings) => void;
}

/** The contract's implementation: thin, each one a call into a service or repository. */
export function createHandlers({ core, loadDemo, quit, openExternal, showFolder, services, connectFacebook, connectInstagram, onSettingsChanged }: HandlerDeps): Handlers {
  return {
    ...createInboxHandlers(core),
    'app:getState': () => core.state(),
    'app:quit': () => {
      quit();
      return null;
    },
    'app:retryOpen': () => core.retryOpen(),
    'app:showDataFolder': async () => {
      await showFolder(core.dataDir);
      return null;
    },
    'store:setAsideAndStartFresh': () => core.setAsideAndStartFresh(),
    'vault:create': ({ mode, passphrase }) => core.createVault(mode, passphrase),
    'vault:unlock': ({ passphrase }) => core.unlock(passphrase),
    'store:getStatus': () => core.storeStatus(),
    'demo:load': () => loadDemo(),
    'accounts:list': () => services.accounts.list(),
    'accounts:connectToken': ({ token }) => services.accounts.connectToken(token.trim()),
    'accounts:connectFacebook': () => {
      if (!connectFacebook) throw new AppError('FORBIDDEN', 'Facebook Login opens a login window, which only the desktop app has. Paste a system-user token instead.');
      return connectFacebook();
    },
    'accounts:connectInstagram': () => {
      if (!connectInstagram) throw new AppError('FORBIDDEN', 'Instagram Login opens a login window, which only the desktop app has. Paste a system-user token instead.');
      return connectInstagram();
    },
    'settings:getMetaApp': () => metaAppConfig(core.repos.appConfig),
    'settings:setMetaApp': (patch) => {
      const keys = {
        facebookAppId: 'facebook_app_id',
        facebookAppSecret: 'facebook_app_secret',
        instagramAppId: 'instagram_app_id',
        instagramAppSecret: 'instagram_app_secret',
        instagramRedirectUri: 'instagram_redirect_uri',
      } as const;
      for (const [field, key] of Object.entries(keys) as Array<[keyof typeof keys, (typeof keys)[keyof typeof keys]]>) {
        const value = patch[field];
        if (value !== undefined) core.repos.appConfig.set(key, value.trim(), core.now());
      }
      core.repos.audit.record(core.now(), 'settings.meta_app_changed', null, Object.keys(patch).join(','));
      return metaAppConfig(core.repos.appConfig);
    },
    'accounts:checkHealth': ({ accountId }) => services.accounts.checkHealth(accountId),
    'accounts:remove': ({ accountId }) => services.accounts.remove(accountId),
    'accounts:revoke': async ({ accountId }) => {
      await services.accounts.revoke(accountId);
      return null;
    },
    'sync:run': ({ accountId }) => {
      const { sync } = services;
      core.tasks.run('sync', () => sync.run(accountId));
      return null;
    },
    'sync:getStatus': () => services.sync.status(),
    'analytics:getOverview': ({ accountId, days }) => analyticsOverview(core.repos, accountId, days, core.now()),
    'inbox:listConversations': ({ accountId, limit, before }) => core.repos.inbox.listConversations(accountId, limit, before, core.now()),
    'inbox:getMessages': ({ conversationId, limit, before }) => core.repos.inbox.getMessages(conversationId, limit, before),
    'inbox:search': ({ query, limit }) => core.repos.inbox.search(query, limit),
    'privacy:wipe': () => core.wipe(),
    'privacy:listAudit': ({ limit }) => core.repos.audit.list(limit),
    'settings:get': () => readSettings(core.settings()),
    'settings:update': (patch) => {
      const settings = updateSettings(core.settings(), patch);
      if ((patch.messageRetentionDays !== undefined || patch.textOnlyDms !== undefined) && core.state().phase === 'ready') {
        applyRetention(core.repos, settings, core.now());
        core.events.emit('store:changed', { what: ['messages'] });
      }
      onSettingsChanged?.(settings);
      return settings;
    },
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'That link is not one Social Desk opens.');
      await openExternal(url);
      return null;
    },
  };
}
