import type { AccountSummary, DemoSummary, Settings } from '../../src-preload/contract';
import type { AppServices } from '../services/app-services';
import { metaAppConfig } from '../services/login-flows';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { isAllowedExternalUrl } from '../core/external-links';
import { connectInBrowser, type BrowserLogins } from '../desktop/browser-logins';
import { analyticsOverview } from '../services/analytics/overview';
import { listPosts, postDetail, postThumbnails } from '../services/analytics/posts';
import { audienceReport, bestTimes, engagedPeople } from '../services/analytics/audience';
import { resolveTimeZone } from '../services/analytics/calendar';
import { leadershipReportHtml } from '../services/analytics-report/leadership';
import { readSettings, SettingsPatchSchema } from '../settings/settings';
import { changeSettings } from '../privacy/privacy-actions';
import type { Handlers } from './dispatch';
import { createInboxHandlers } from './inbox-handlers';
import { createPrivacyHandlers } from './privacy-handlers';

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
  /** Logins in the system browser, answered by social-desk:// link; only the desktop app receives those. */
  browserLogins?: BrowserLogins;
  /** Asks where to save and prints the report's HTML to PDF there; null when the user cancels. */
  savePdf?: (html: string, suggestedName: string) => Promise<string | null>;
  /** Asks the user for a folder to export into (desktop: the system dialog); null when they cancel. */
  pickFolder?: (purpose: string) => Promise<string | null>;
  /** Settings changed (the desktop glue applies launch-at-login and close behaviour). */
  onSettingsChanged?: (settings: Settings) => void;
}

/** The contract's implementation: thin, each one a call into a service or repository. */
export function createHandlers({ core, loadDemo, quit, openExternal, showFolder, services, connectFacebook, connectInstagram, browserLogins, savePdf, pickFolder, onSettingsChanged }: HandlerDeps): Handlers {
  const timeZone = () => resolveTimeZone(readSettings(core.settings()).timeZone);
  return {
    ...createInboxHandlers(core),
    ...createPrivacyHandlers({ core, services, ...(pickFolder ? { pickFolder } : {}) }),
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
    'accounts:connectInBrowser': ({ provider }) => {
      if (!browserLogins) throw new AppError('FORBIDDEN', 'Logging in in your browser needs the desktop app, which receives the answer. Paste a system-user token instead.');
      return connectInBrowser(provider, core, services, browserLogins);
    },
    'accounts:cancelBrowserLogin': () => ({ cancelled: browserLogins?.cancel() ?? false }),
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
      // Which fields changed, never their values: two of them are secrets.
      const fields = Object.keys(patch);
      core.repos.audit.record(core.now(), 'settings.meta_app_changed', null, { fields, secretsChanged: fields.some((f) => f.endsWith('Secret')) });
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
    'analytics:getOverview': (query) => analyticsOverview(core.repos, query, core.now(), timeZone()),
    'analytics:listPosts': (query) => listPosts(core.repos, query, timeZone()),
    'analytics:getPost': ({ postId }) => postDetail(core.repos, postId),
    'analytics:getThumbnails': ({ postIds }) => postThumbnails(core.repos, postIds),
    'analytics:getAudience': ({ accountId }) => audienceReport(core.repos, accountId),
    'analytics:getBestTimes': (query) => bestTimes(core.repos, query, core.now(), timeZone()),
    'analytics:listPeople': ({ scope }) => engagedPeople(core.repos, scope),
    'reports:saveLeadership': async (request) => {
      if (!savePdf) throw new AppError('FORBIDDEN', 'Saving a PDF needs the desktop app; the command line can write one: report --format pdf.');
      const report = leadershipReportHtml(core.repos, request, core.now(), timeZone());
      const path = await savePdf(report.html, report.fileName);
      if (path) core.repos.audit.record(core.now(), 'report.saved', 'leadership', `${request.from}..${request.to}`);
      return path ? { path } : null;
    },
    'inbox:listConversations': ({ accountId, limit, before }) => core.repos.inbox.listConversations(accountId, limit, before, core.now()),
    'inbox:getMessages': ({ conversationId, limit, before }) => core.repos.inbox.getMessages(conversationId, limit, before),
    'inbox:search': ({ query, limit }) => core.repos.inbox.search(query, limit),
    'settings:get': () => readSettings(core.settings()),
    'settings:update': (patch) => {
      const settings = changeSettings(core, SettingsPatchSchema.parse(patch));
      onSettingsChanged?.(settings);
      return settings;
    },
    'relay:getStatus': () => services.relay.service.status(),
    'relay:pair': ({ url, code }) => services.relay.pair(url, code),
    'relay:unpair': () => services.relay.unpair(),
    'outbox:send': ({ conversationId, text }) => services.outbox.send(conversationId, text),
    'outbox:forThread': ({ conversationId }) => services.outbox.forThread(conversationId),
    'outbox:list': ({ limit }) => services.outbox.list(limit),
    'outbox:retry': ({ id }) => services.outbox.retry(id),
    'outbox:discard': ({ id }) => {
      services.outbox.discard(id);
      return null;
    },
    'outbox:setHumanAgent': ({ accountId, allowed }) => {
      services.outbox.setHumanAgentAllowed(accountId, allowed);
      return null;
    },
    'comments:act': ({ commentId, ...action }) => services.outbox.act(commentId, action),
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'That link is not one Social Desk opens.');
      await openExternal(url);
      return null;
    },
  };
}
