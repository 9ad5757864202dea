/**
 * The one typed IPC contract between the renderer and the main process.
 *
 * Channels are named `domain:verb`. Both ends are generic over `Contract`, so a renamed
 * channel or a changed payload is a compile error on both sides. Nothing in here may import
 * Electron or Node: the renderer, the preload, main and the test bridge all share it.
 * The renderer never receives a token, SQL or a raw Graph API response through it.
 */

/** Closed set of error codes the renderer turns into plain words and a next step. */
export const ERROR_CODES = [
  'AUTH_EXPIRED',
  'RATE_LIMITED',
  'OFFLINE',
  'KEY_UNAVAILABLE',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'DISK_FULL',
  'BUSY',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

/** Every call resolves to data or an error as data; it never rejects across the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export type Network = 'instagram' | 'facebook' | 'whatsapp';

/** Where the app is in its life: drives which top-level screen shows. */
export type AppPhase = 'first-run' | 'locked' | 'key-recovery' | 'ready';

/** How the database key is (or would be) protected, in terms the UI can explain. */
export interface KeyProtection {
  /** What protects the key now; `none` before first run. */
  backend: 'os-keychain' | 'passphrase' | 'none';
  /** Whether this computer's keychain can protect the key (false on Linux `basic_text`). */
  osProtectionAvailable: boolean;
  /** The keychain's own name, e.g. `keychain` (macOS), `dpapi` (Windows), `gnome_libsecret`. */
  osBackendName: string | null;
}

export interface AppState {
  phase: AppPhase;
  keyProtection: KeyProtection;
  /** Why the key could not be opened, in plain words (phase `key-recovery` only). */
  recoveryReason: string | null;
  appVersion: string;
  schemaVersion: number | null;
}

export interface StoreStatus {
  schemaVersion: number;
  keyBackend: KeyProtection['backend'];
  dataDir: string;
  databaseBytes: number;
  counts: Record<
    'accounts' | 'posts' | 'postSnapshots' | 'dailyInsights' | 'demographics' | 'people' | 'conversations' | 'messages' | 'comments' | 'syncRuns' | 'auditEntries',
    number
  >;
  lastSyncedAt: number | null;
}

export interface AccountSummary {
  id: number;
  network: Network;
  handle: string | null;
  name: string;
  followersCount: number | null;
  mediaCount: number | null;
  status: 'active' | 'needs_reconnect' | 'paused';
  statusDetail: string | null;
  loginKind: 'facebook' | 'instagram' | 'system_user' | 'demo';
  lastSyncedAt: number | null;
  isDemo: boolean;
}

export interface DemoSummary {
  accounts: number;
  posts: number;
  conversations: number;
  messages: number;
  comments: number;
  durationMs: number;
}

export interface DailyPoint {
  /** `YYYY-MM-DD` in UTC. */
  day: string;
  reach: number | null;
  views: number | null;
  engaged: number | null;
  interactions: number | null;
  followers: number | null;
}

export interface PostSummary {
  id: number;
  accountId: number;
  network: Network;
  caption: string;
  mediaType: string | null;
  productType: string | null;
  permalink: string | null;
  publishedAt: number;
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  /** When these metrics were read from Meta (the newest snapshot). */
  metricsAt: number | null;
}

export interface AnalyticsOverview {
  accountId: number | null;
  days: number;
  series: DailyPoint[];
  totals: { reach: number; views: number; interactions: number; posts: number };
  topPosts: PostSummary[];
  /** Freshness: when the newest figure shown was fetched from Meta; null if never. */
  dataAsOf: number | null;
}

export interface ConversationSummary {
  id: number;
  accountId: number;
  platform: 'instagram' | 'messenger' | 'whatsapp';
  personName: string;
  lastMessageAt: number | null;
  lastMessageText: string | null;
  messageCount: number;
  /** Replies are allowed until this time (Meta's 24-hour window); null if closed or unknown. */
  replyWindowEndsAt: number | null;
}

export interface MessageItem {
  id: number;
  conversationId: number;
  direction: 'in' | 'out';
  sentAt: number;
  text: string | null;
  hasAttachments: boolean;
  isDeleted: boolean;
}

export interface SearchHit {
  messageId: number;
  conversationId: number;
  personName: string;
  sentAt: number;
  /** Message text with matches wrapped in `[` and `]`. */
  snippet: string;
}

export interface WipeReport {
  removed: string[];
  durationMs: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  action: string;
  subject: string | null;
  detail: string | null;
}

/** What Meta says about an account's token (`/debug_token`), for the health panel. */
export interface TokenHealth {
  tokenKind: 'user' | 'page' | 'system_user' | 'instagram_user';
  /** False when Meta rejects it; null when it could not be checked (offline). */
  isValid: boolean | null;
  /** When the token dies; null = never expires. */
  expiresAt: number | null;
  /** When Meta stops returning data for it (data access expiry); null = not reported. */
  dataAccessExpiresAt: number | null;
  scopes: string[];
  /** Pages / Instagram accounts / WABAs the token was granted, by scope. */
  grantedAssets: string[];
  checkedAt: number;
  /** Plain-words next step when something is wrong. */
  advice: string | null;
}

export interface AccountSyncState {
  accountId: number;
  running: boolean;
  /** No sync starts before this (Meta rate-limit pause or offline back-off). */
  pausedUntil: number | null;
  lastRun: { status: 'ok' | 'partial' | 'failed' | 'cancelled'; finishedAt: number; operations: number; error: string | null } | null;
}

export interface SyncStatus {
  online: boolean;
  accounts: AccountSyncState[];
  /** Meta API budget from the usage headers, per app or business: percent used (0–100). */
  budget: Array<{ key: string; percent: number; pausedUntil: number | null }>;
}

export interface RemovalReport {
  accountName: string;
  removed: { posts: number; conversations: number; messages: number; comments: number };
}

/** The brand's own Meta app, needed for Facebook/Instagram Login. Secrets are write-only. */
export interface MetaAppConfig {
  facebookAppId: string | null;
  hasFacebookAppSecret: boolean;
  instagramAppId: string | null;
  hasInstagramAppSecret: boolean;
  /** The https redirect URI registered for Instagram Login (intercepted, never loaded). */
  instagramRedirectUri: string | null;
}

export interface Settings {
  theme: 'system' | 'light' | 'dark';
  syncIntervalMinutes: number;
  textOnlyDms: boolean;
  messageRetentionDays: number | null;
}

/** Channel → argument and result types. One-line doc per entry says what it does. */
export interface Contract {
  /** Where the app is: first run, locked, key recovery or ready. */
  'app:getState': { args: undefined; result: AppState };
  /** Quit the app (offered on the key-recovery screen). */
  'app:quit': { args: undefined; result: null };
  /** First run: create the database key, protected by the OS keychain or a passphrase. */
  'vault:create': { args: { mode: 'os-keychain' | 'passphrase'; passphrase?: string }; result: AppState };
  /** Open a passphrase-protected database. */
  'vault:unlock': { args: { passphrase: string }; result: AppState };
  /** What is stored, counts, key backend and schema version. */
  'store:getStatus': { args: undefined; result: StoreStatus };
  /** Fill the store with the deterministic demo workspace. */
  'demo:load': { args: undefined; result: DemoSummary };
  /** Connected accounts with their health. */
  'accounts:list': { args: undefined; result: AccountSummary[] };
  /** Daily series, totals and top posts over the last N days, from the local cache. */
  'analytics:getOverview': { args: { accountId: number | null; days: number }; result: AnalyticsOverview };
  /** Newest conversations first, paged by the last message time. */
  'inbox:listConversations': {
    args: { accountId: number | null; limit: number; before: number | null };
    result: ConversationSummary[];
  };
  /** Messages of one conversation, newest first, paged by time. */
  'inbox:getMessages': { args: { conversationId: number; limit: number; before: number | null }; result: MessageItem[] };
  /** Full-text search over message text, newest first. */
  'inbox:search': { args: { query: string; limit: number }; result: SearchHit[] };
  /** Remove everything the app ever stored and return to first run. */
  'privacy:wipe': { args: { confirm: 'WIPE' }; result: WipeReport };
  /** The newest audit-log entries. */
  'privacy:listAudit': { args: { limit: number }; result: AuditEntry[] };
  /** Non-secret settings. */
  'settings:get': { args: undefined; result: Settings };
  /** Change some settings; returns all of them. */
  'settings:update': { args: Partial<Settings>; result: Settings };
  /** Connect the Pages and Instagram accounts of a pasted system-user (or user) access token. */
  'accounts:connectToken': { args: { token: string }; result: AccountSummary[] };
  /** Facebook Login in a dedicated window (desktop app only). */
  'accounts:connectFacebook': { args: undefined; result: AccountSummary[] };
  /** Ask Meta about an account's token: type, expiry, scopes, granted assets. */
  'accounts:checkHealth': { args: { accountId: number }; result: TokenHealth };
  /** Delete an account and everything stored for it (after the renderer's confirmation). */
  'accounts:remove': { args: { accountId: number; confirm: 'REMOVE' }; result: RemovalReport };
  /** Ask Meta to remove the app's permissions for the account's user. */
  'accounts:revoke': { args: { accountId: number }; result: null };
  /** Sync now: one account, or all when null. Progress arrives as events. */
  'sync:run': { args: { accountId: number | null }; result: null };
  /** Running syncs, pauses, last results and the Meta API budget. */
  'sync:getStatus': { args: undefined; result: SyncStatus };
  /** Open an allow-listed https link in the system browser. */
  'shell:openExternal': { args: { url: string }; result: null };
  /** The brand's Meta app settings (whether secrets are set, never their values). */
  'settings:getMetaApp': { args: undefined; result: MetaAppConfig };
  /** Change the Meta app settings; secrets are stored inside the encrypted database. Empty string clears. */
  'settings:setMetaApp': {
    args: { facebookAppId?: string; facebookAppSecret?: string; instagramAppId?: string; instagramAppSecret?: string; instagramRedirectUri?: string };
    result: MetaAppConfig;
  };
  /** Instagram Login (no Page needed) in a dedicated window (desktop app only). */
  'accounts:connectInstagram': { args: undefined; result: AccountSummary[] };
}

export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = Contract[C]['args'];
export type ResultOf<C extends Channel> = Contract[C]['result'];

/** Runtime list of channels; the type check below keeps it equal to `Contract`'s keys. */
export const CHANNELS = [
  'app:getState',
  'app:quit',
  'vault:create',
  'vault:unlock',
  'store:getStatus',
  'demo:load',
  'accounts:list',
  'analytics:getOverview',
  'inbox:listConversations',
  'inbox:getMessages',
  'inbox:search',
  'privacy:wipe',
  'privacy:listAudit',
  'settings:get',
  'settings:update',
  'shell:openExternal',
  'accounts:connectToken',
  'accounts:connectFacebook',
  'accounts:checkHealth',
  'accounts:remove',
  'accounts:revoke',
  'sync:run',
  'sync:getStatus',
  'settings:getMetaApp',
  'settings:setMetaApp',
  'accounts:connectInstagram',
] as const satisfies readonly Channel[];

type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
/** Compile-time proof that every contract entry is in CHANNELS. */
export const CHANNELS_COMPLETE: MissingChannels extends never ? true : MissingChannels = true;

/** Main → renderer events. */
export interface Events {
  /** The app moved to another phase (e.g. after a wipe). */
  'app:state-changed': AppState;
  /** Stored data changed; the renderer refetches what it shows of these. */
  'store:changed': { what: Array<'accounts' | 'posts' | 'insights' | 'messages' | 'all'> };
  /** Progress of a running sync or demo load. */
  'sync:progress': { accountId: number | null; job: string; done: number; total: number };
  /** Sync state changed: a run started or ended, a pause began, the budget moved. */
  'sync:status': SyncStatus;
}
export type EventName = keyof Events;

export const EVENT_NAMES = ['app:state-changed', 'store:changed', 'sync:progress', 'sync:status'] as const satisfies readonly EventName[];

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type ChannelFunction<C> = C extends Channel ? (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>> : never;

/** The shape of `window.api`: `api.inbox.search({...})`, plus `api.on(event, listener)`. */
export type Api = {
  [D in Domain<Channel>]: {
    [V in Verb<Channel, D>]: ChannelFunction<`${D}:${V}`>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/**
 * Builds the nested `window.api` object from a transport. The preload passes ipcRenderer,
 * the test bridge passes fetch; each channel becomes one named function, never a generic invoke.
 */
export function buildApi(
  invoke: (channel: Channel, args: unknown) => Promise<unknown>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): Api {
  const api: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (args: unknown) => invoke(channel, args);
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as Api;
}
