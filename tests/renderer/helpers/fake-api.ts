import {
  buildApi,
  type AnalyticsOverview,
  type Api,
  type AppState,
  type ArgsOf,
  type Channel,
  type EventName,
  type InboxCounts,
  type Events,
  type MetaAppConfig,
  type RelayStatusView,
  type Result,
  type ResultOf,
  type Settings,
  type StatedPeriod,
  type StoreStatus,
  type SyncStatus,
} from '../../../src-preload/contract';

type Handler<C extends Channel> = (args: ArgsOf<C>) => Result<ResultOf<C>> | Promise<Result<ResultOf<C>>>;
export type Handlers = { [C in Channel]?: Handler<C> };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function appState(overrides: Partial<AppState> = {}): AppState {
  return {
    phase: 'first-run',
    keyProtection: { backend: 'none', osProtectionAvailable: true, osBackendName: 'gnome_libsecret' },
    recoveryReason: null,
    storeProblem: null,
    appVersion: '0.1.0',
    schemaVersion: null,
    ...overrides,
  };
}

/** A period as main states it: Nov 3 – Nov 30, 2026 against the 28 days before, in UTC. */
export function statedPeriod(overrides: Partial<StatedPeriod> = {}): StatedPeriod {
  return {
    from: '2026-11-03',
    to: '2026-11-30',
    days: 28,
    label: 'Nov 3 – Nov 30, 2026',
    previousFrom: '2026-10-06',
    previousTo: '2026-11-02',
    previousLabel: 'Oct 6 – Nov 2, 2026',
    includesToday: false,
    today: '2026-12-01',
    timeZone: 'UTC',
    ...overrides,
  };
}

/** No account connected: nothing to show, and nothing drawn as zero. */
export function emptyOverview(): AnalyticsOverview {
  return { period: statedPeriod(), accounts: [], dataAsOf: null };
}

export const defaultSettings: Settings = {
  theme: 'system',
  syncIntervalMinutes: 60,
  textOnlyDms: true,
  notifyNewMessages: true,
  timeZone: null,
  retention: { messageText: null, attachments: null, comments: null, engagedPeople: null, metricSnapshots: null, demographics: null },
  autoLockMinutes: null,
  whenWindowCloses: 'default',
  launchAtLogin: false,
};

export function storeStatus(): StoreStatus {
  return {
    schemaVersion: 3,
    keyBackend: 'os-keychain',
    dataDir: '/home/sam/.config/Social Desk',
    databaseBytes: 5_242_880,
    counts: {
      accounts: 2,
      posts: 120,
      postSnapshots: 900,
      dailyInsights: 730,
      demographics: 40,
      people: 35,
      conversations: 35,
      messages: 1234,
      comments: 300,
      syncRuns: 4,
      auditEntries: 9,
    },
    lastSyncedAt: Date.UTC(2025, 2, 4, 9, 30),
  };
}

/** Online, nothing running, no budget reported yet. */
export function idleSyncStatus(): SyncStatus {
  return { online: true, accounts: [], budget: [], backgroundFailure: null };
}

/** An inbox with nothing stored. */
export function emptyCounts(): InboxCounts {
  return { total: 0, unread: 0, needsReply: 0, windowOpen: 0, closingSoon: 0, done: 0, emptiedByRetention: 0, byAccount: [], byPlatform: [], byLabel: [] };
}

/** No Meta app set up yet: what a fresh install answers. */
export function emptyMetaApp(): MetaAppConfig {
  return {
    facebookAppId: null,
    hasFacebookAppSecret: false,
    instagramAppId: null,
    hasInstagramAppSecret: false,
    instagramRedirectUri: null,
  };
}

export function relayStatus(overrides: Partial<RelayStatusView> = {}): RelayStatusView {
  return {
    connection: 'not-paired',
    relayUrl: null,
    deviceId: null,
    pairedAt: null,
    eventsReceived: 0,
    lastEventAt: null,
    lastLagMs: null,
    gapsDetected: 0,
    messagesRecoveredBySync: 0,
    lastError: null,
    transport: null,
    ...overrides,
  };
}

/** Sensible answers for every channel: an empty, ready workspace. Tests override what they exercise. */
const defaults: Handlers = {
  'app:getState': () => ok(appState()),
  'app:quit': () => ok(null),
  'app:retryOpen': () => ok(appState()),
  'app:showDataFolder': () => ok(null),
  'store:setAsideAndStartFresh': () => ok({ keptAt: '/data/set-aside-2025-03-04', moved: ['social-desk.db', 'vault.json'], state: appState() }),
  'vault:create': ({ mode }) =>
    ok(appState({ phase: 'ready', keyProtection: { backend: mode, osProtectionAvailable: true, osBackendName: null } })),
  'vault:unlock': () => ok(appState({ phase: 'ready' })),
  'store:getStatus': () => ok(storeStatus()),
  'demo:load': () => ok({ accounts: 2, posts: 120, conversations: 35, messages: 1234, comments: 300, durationMs: 800 }),
  'accounts:list': () => ok([]),
  'analytics:getOverview': () => ok(emptyOverview()),
  'analytics:listPosts': () => ok({ posts: [], total: 0, offset: 0, timeZone: 'UTC', dataAsOf: null }),
  'analytics:getPost': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no such post' } }),
  'analytics:getThumbnails': () => ok({}),
  'analytics:getAudience': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no such account' } }),
  'analytics:getBestTimes': () => ok({ period: statedPeriod(), minPosts: 3, networks: [] }),
  'analytics:listPeople': () => ok([]),
  'reports:saveLeadership': () => ok(null),
  'inbox:listConversations': () => ok([]),
  'inbox:getMessages': () => ok([]),
  'inbox:search': () => ok([]),
  'inbox:queryConversations': ({ offset }) => ok({ items: [], total: 0, offset }),
  'inbox:getCounts': () => ok(emptyCounts()),
  'inbox:getBadge': () => ok({ unreadConversations: 0, newComments: 0 }),
  'inbox:searchMessages': ({ offset }) => ok({ hits: [], total: 0, offset }),
  'inbox:getConversation': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no such conversation' } }),
  'savedReplies:list': () => ok([]),
  'comments:listThreads': ({ offset }) => ok({ threads: [], total: 0, offset }),
  'comments:listPosts': () => ok([]),
  'comments:markSeen': () => ok(null),
  'privacy:wipe': () => ok({ removed: ['database', 'key'], left: [], durationMs: 12 }),
  'privacy:listAudit': () => ok([]),
  'privacy:verifyAudit': () => ok({ ok: true, checked: 0, brokenAt: null }),
  'privacy:listReceipts': () => ok([]),
  'privacy:listRequests': () => ok([]),
  'privacy:findPeople': () => ok([]),
  'settings:get': () => ok(defaultSettings),
  'settings:update': (change) => ok({ ...defaultSettings, ...change }),
  'shell:openExternal': () => ok(null),
  'sync:getStatus': () => ok(idleSyncStatus()),
  'sync:run': () => ok(null),
  'settings:getMetaApp': () => ok(emptyMetaApp()),
  // Like the real handler: empty string clears, secrets only ever come back as "is set".
  'settings:setMetaApp': (patch) => {
    const value = (text: string | undefined, before: string | null) => (text === undefined ? before : text.trim() || null);
    const before = emptyMetaApp();
    return ok({
      facebookAppId: value(patch.facebookAppId, before.facebookAppId),
      hasFacebookAppSecret: patch.facebookAppSecret === undefined ? before.hasFacebookAppSecret : patch.facebookAppSecret !== '',
      instagramAppId: value(patch.instagramAppId, before.instagramAppId),
      hasInstagramAppSecret: patch.instagramAppSecret === undefined ? before.hasInstagramAppSecret : patch.instagramAppSecret !== '',
      instagramRedirectUri: value(patch.instagramRedirectUri, before.instagramRedirectUri),
    });
  },
  'relay:getStatus': () => ok(relayStatus()),
  'relay:pair': ({ url }) => ok(relayStatus({ connection: 'connecting', relayUrl: url, deviceId: 'dev_1', pairedAt: 1 })),
  'relay:unpair': () => ok(relayStatus()),
  // The web preview's answer: the login windows exist only in the desktop app.
  'accounts:connectFacebook': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'desktop only' } }),
  'accounts:connectInstagram': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'desktop only' } }),
  'accounts:connectInBrowser': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'desktop only' } }),
  'accounts:cancelBrowserLogin': () => ok({ cancelled: false }),
  'outbox:forThread': () =>
    ok({ accountId: 1, platform: 'instagram', window: { state: 'closed', closesAt: null, lastIncomingAt: null, humanAgentAllowed: false, refusal: 'They have not written to you.' }, items: [] }),
  'outbox:list': () => ok([]),
  'outbox:retry': () => ok([]),
  'outbox:discard': () => ok(null),
  'outbox:setHumanAgent': () => ok(null),
};

export interface FakeApi {
  api: Api;
  /** Every call, in order. */
  calls: Array<{ channel: Channel; args: unknown }>;
  /** The arguments of each call to one channel. */
  callsTo<C extends Channel>(channel: C): Array<ArgsOf<C>>;
  /** Replace one channel's handler. */
  handle<C extends Channel>(channel: C, handler: Handler<C>): void;
  /** Fire a main→renderer event. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listenerCount(event: EventName): number;
}

/** A fake bridge built with the contract's own `buildApi`, so its shape is exactly `window.api`'s. */
export function createFakeApi(overrides: Handlers = {}): FakeApi {
  const handlers: Record<string, (args: unknown) => unknown> = {
    ...(defaults as Record<string, (args: unknown) => unknown>),
    ...(overrides as Record<string, (args: unknown) => unknown>),
  };
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const api = buildApi(
    async (channel, args) => {
      calls.push({ channel, args });
      const handler = handlers[channel];
      if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `no fake for ${channel}` } };
      return handler(args);
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );

  return {
    api,
    calls,
    callsTo: <C extends Channel>(channel: C) =>
      calls.filter((entry) => entry.channel === channel).map((entry) => entry.args as ArgsOf<C>),
    handle: (channel, handler) => {
      handlers[channel] = handler as (args: unknown) => unknown;
    },
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** A promise the test resolves when it wants, to observe in-between states (progress, busy buttons). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
