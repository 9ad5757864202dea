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

export interface WipeReport {
  removed: string[];
  /** What could not be removed, each with its cause; empty when the erase completed. */
  left: Array<{ name: string; cause: string }>;
  durationMs: number;
  /** Accounts whose Meta access was revoked before the wipe (when online). */
  revoked?: string[];
  /** Accounts whose access could not be revoked, with Meta's reason in plain words. */
  notRevoked?: Array<{ account: string; reason: string }>;
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

/** The Privacy screen's filters over the audit log. */
export type AuditCategory = 'access' | 'accounts' | 'sync' | 'exports' | 'settings' | 'retention' | 'forget' | 'requests';

/** One audit-log entry in plain words (the stored detail never crosses to the UI as JSON). */
export interface AuditEntry {
  id: number;
  at: number;
  action: string;
  category: AuditCategory | 'other';
  summary: string;
}

/** The result of walking the audit log's hash chain; `brokenAt` names the first row that fails. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt: { id: number; reason: string } | null;
  /** The newest entry, also kept outside the database: 'matched', or 'anchored-now' (there was none until now). */
  head?: 'matched' | 'anchored-now';
}

/** Whom to forget: a stored person, the person of a conversation or comment, or a handle / Meta id. */
export type ForgetTarget = { personId: number } | { conversationId: number } | { commentId: number } | { handleOrId: string };

/** A stored person who matches a search, with what is stored about them. */
export interface PersonMatch {
  personId: number;
  name: string | null;
  handle: string | null;
  externalId: string;
  idKind: string;
  accountName: string;
  conversations: number;
  messages: number;
  comments: number;
}

/**
 * Files the app keeps in its data folder that can hold a person's data: an export not yet moved
 * into place, crash reports (process memory), logs, copies of a damaged store set aside.
 */
export type HeldFileKind = 'exportStaging' | 'crashReports' | 'logs' | 'setAside';

/** What a forget would remove, shown before confirming. `counts` is per table (rows); `files` per kind (files, never added to rows). */
export interface ForgetPreview {
  people: Array<{ who: string; handle: string | null; account: string }>;
  counts: Record<string, number>;
  total: number;
  files: Partial<Record<HeldFileKind, number>>;
  /** Set when the target is one of the brand's own accounts (its replies): nothing can be forgotten. */
  ownAccount: string | null;
}

/** What a forget removed: how many, when, and a confirmation code. Never who. */
export interface ForgetReceipt {
  code: string;
  forgottenAt: number;
  counts: Record<string, number>;
  total: number;
  /** Files removed from the data folder, per kind. */
  files: Partial<Record<HeldFileKind, number>>;
  /** Deletion requests this forget completed. */
  requests: string[];
}

export type RetentionClass = 'messageText' | 'attachments' | 'comments' | 'engagedPeople' | 'metricSnapshots' | 'demographics';
/** Days to keep each data class; `null` keeps it forever. */
export type RetentionPolicy = Record<RetentionClass, number | null>;

/** Exactly what applying a policy now would remove. */
export interface RetentionPreview {
  classes: Array<{ name: RetentionClass; label: string; days: number | null; count: number; oldest: number | null }>;
  /** Conversations whose every message is past the window: removed with their last message. */
  conversationsEmptied: number;
  /**
   * What the staff kept on those conversations and goes with them: internal notes, labels, and
   * replies in the outbox (any state). Listed so nothing leaves unseen; not part of `total`, which
   * counts customers' data.
   */
  emptiedWith: EmptiedConversationExtras;
  /** Text-only mode: people whose name and handle would be scrubbed. */
  namesScrubbed: number;
  total: number;
  /** The moment the windows were measured from (unix ms): confirming removes exactly what this preview counted. */
  asOf: number;
}

export interface EmptiedConversationExtras {
  notes: number;
  labels: number;
  outboxItems: number;
}

/** What the user confirmed: the preview's moment and total, so the run removes nothing they were not shown. */
export interface RetentionConfirmation {
  asOf: number;
  expectedTotal: number;
}

export interface RetentionRun {
  removed: Record<RetentionClass, number>;
  conversationsEmptied: number;
  namesScrubbed: number;
  total: number;
  at: number;
}

export type DeletionRequestSource = 'email' | 'form' | 'meta_callback' | 'other';

/** A request to delete someone's data; `requester` is null once done (the receipt code stands in). */
export interface DeletionRequest {
  code: string;
  receivedAt: number;
  source: DeletionRequestSource;
  requester: string | null;
  status: 'open' | 'done';
  doneAt: number | null;
  receiptCode: string | null;
  note: string | null;
  /** Where the person can read the status (Meta's callback contract); null until a status page is configured. */
  statusUrl: string | null;
}

/** What "export everything" wrote. */
export interface ExportEverythingReport {
  outDir: string;
  files: Array<{ name: string; rows: number; bytes: number }>;
  manifest: string;
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

/** The pairing with the brand's Social Desk Relay and how the live connection is doing. */
export interface RelayStatusView {
  connection: 'not-paired' | 'connecting' | 'connected' | 'offline';
  relayUrl: string | null;
  deviceId: string | null;
  pairedAt: number | null;
  /** Events stored from the relay since pairing. */
  eventsReceived: number;
  /** When the newest one was committed here. */
  lastEventAt: number | null;
  /** From the relay receiving the newest event to its commit here. */
  lastLagMs: number | null;
  /** Times a sequence number was skipped (the relay dropped something it held). */
  gapsDetected: number;
  /** Messages a catch-up sync found that no webhook had brought. */
  messagesRecoveredBySync: number;
  /** Why the connection is down, in plain words. */
  lastError: string | null;
  /** How envelopes arrive while connected: a stream (SSE), or long polling where a proxy blocks streams. */
  transport: 'sse' | 'long-poll' | null;
}

export interface Settings {
  theme: 'system' | 'light' | 'dark';
  syncIntervalMinutes: number;
  textOnlyDms: boolean;
  /** Show an OS notification when new messages or comments arrive. */
  notifyNewMessages: boolean;
  /** IANA time zone for days in Analytics and reports; null = the computer's. */
  timeZone: string | null;
  /** Days to keep each data class; changed only through a previewed, confirmed retention change. */
  retention: RetentionPolicy;
  /** Lock after this many idle minutes (passphrase mode); null never. */
  autoLockMinutes: number | null;
  /** Closing the window: keep syncing in the tray / menu bar, or quit ('default': per platform). */
  whenWindowCloses: 'default' | 'keep-syncing' | 'quit';
  /** Start Social Desk (in the tray) when the user logs in to the computer. */
  launchAtLogin: boolean;
}
