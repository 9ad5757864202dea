/**
 * The payloads that cross the IPC boundary, named by what they hold. Plain data only: no
 * tokens, no SQL, no raw Graph responses. `contract.ts` maps channels to these.
 */
import type { ErrorCode } from './contract';

export type Network = 'instagram' | 'facebook' | 'whatsapp';

/** The inbox's payloads: conversations, messages, search, triage and comments. */
export type * from './inbox-types';

/** Where the app is in its life: drives which top-level screen shows. */
export type AppPhase = 'first-run' | 'locked' | 'key-recovery' | 'store-problem' | 'ready';

/**
 * Why an intact key still does not open the store, each with its own screen and choices:
 * - `busy`: another Social Desk (app or command line) holds the database; wait and retry.
 * - `disk-full`: no room left on the disk that holds the data folder.
 * - `read-only`: the data folder or a file in it cannot be written (read-only medium, permissions).
 * - `damaged`: the database file is missing, empty, not ours or fails its checks; keep a copy and start fresh.
 * - `newer-version`: a newer Social Desk wrote it; update the app.
 * - `wipe-incomplete`: an erase stopped part-way; `left` names what is still there.
 * - `unreadable`: anything else, with its real cause in `detail`.
 */
export type StoreProblemKind = 'busy' | 'disk-full' | 'read-only' | 'damaged' | 'newer-version' | 'wipe-incomplete' | 'unreadable';

export interface StoreProblem {
  kind: StoreProblemKind;
  /** The real cause, in plain words (with the system's error code where there is one). */
  detail: string;
  /** The folder that holds the data, so the person can look at it. */
  dataDir: string;
  /** What an interrupted erase left behind (`wipe-incomplete` only). */
  left: string[];
}

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
  /** Why the store could not be opened although the key is fine (phase `store-problem` only). */
  storeProblem: StoreProblem | null;
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
  /** Why Meta shows no follower counts or demographics for this account; null when it does. */
  demographicsStatus?: DemographicsStatus | null;
}

/** Meta shows follower counts and demographics only from 100 followers. */
export type DemographicsStatus = 'under_100_followers';

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

/**
 * Why Meta gives no insights for a post: posted before the account became a business account,
 * a product type Meta has no such metrics for, media the app may not read, or too few viewers yet.
 */
export type InsightsStatus = 'before_business_conversion' | 'unsupported_product_type' | 'no_permission' | 'not_enough_viewers';

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
  /** Why Meta gives no insights for this post; null when it does (or it was not asked yet). */
  insightsStatus?: InsightsStatus | null;
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

export interface WipeReport {
  removed: string[];
  /** What could not be removed, each with its cause; empty when the erase completed. */
  left: Array<{ name: string; cause: string }>;
  durationMs: number;
}

/** A damaged database moved aside (with its key) before starting fresh. */
export interface SetAsideReport {
  /** The folder inside the data folder that now holds the copy. */
  keptAt: string;
  /** The files moved there. */
  moved: string[];
  state: AppState;
}

/** A fire-and-forget task (scheduled sync, sync after connect, retention) that failed. */
export interface BackgroundFailure {
  task: string;
  code: ErrorCode;
  message: string;
  at: number;
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
  /** The newest failure of background work (a sync nobody awaited, retention), until a run succeeds. */
  backgroundFailure: BackgroundFailure | null;
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
  /** Show an OS notification when new messages or comments arrive. */
  notifyNewMessages: boolean;
  /** Closing the window: keep syncing in the tray / menu bar, or quit ('default': per platform). */
  whenWindowCloses: 'default' | 'keep-syncing' | 'quit';
  /** Start Social Desk (in the tray) when the user logs in to the computer. */
  launchAtLogin: boolean;
}
