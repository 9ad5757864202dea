/**
 * The payloads that cross the IPC boundary, named by what they hold. Plain data only: no
 * tokens, no SQL, no raw Graph responses. `contract.ts` maps channels to these.
 */
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

export type MessagingPlatform = 'instagram' | 'messenger' | 'whatsapp';

/**
 * Where Meta's messaging windows stand: `open` within 24 h of the person's last message,
 * `human-agent` within 7 days (only with the HUMAN_AGENT tag, where Meta approved it), else `closed`.
 */
export type ReplyWindowState = 'open' | 'human-agent' | 'closed';

export interface ConversationSummary {
  id: number;
  accountId: number;
  /** The brand account (Instagram account or Facebook Page) the thread belongs to. */
  accountName: string;
  network: Network;
  platform: MessagingPlatform;
  /** A readable name: the person's name, else their handle, else their Meta id (never blank). */
  personName: string;
  personHandle: string | null;
  lastMessageAt: number | null;
  lastMessageText: string | null;
  /** The last stored message was ours ("You: …"). */
  lastMessageFromUs: boolean;
  messageCount: number;
  /** Replies are allowed until this time (Meta's 24-hour window); null if closed or unknown. */
  replyWindowEndsAt: number | null;
  replyWindow: ReplyWindowState;
  /** The person's last message time, which starts Meta's windows; null if they never wrote (or it was removed). */
  lastIncomingAt: number | null;
  /** Sorting time: the last message, or Meta's last activity once retention removed every message. */
  activityAt: number;
  unread: boolean;
  /** The last message is theirs: someone should answer. */
  needsReply: boolean;
  done: boolean;
  labels: string[];
  /** Local internal note; never sent to Meta. */
  note: string | null;
  /** Meta knows the thread, but the retention setting removed every stored message of it. */
  emptiedByRetention: boolean;
  /** Instagram's or Meta Business Suite's inbox on the web, for "Open on Instagram/Facebook". */
  openUrl: string;
}

/** Which conversations the list shows; every filter narrows, null/false means "any". */
export interface ConversationFilter {
  accountId: number | null;
  platform: MessagingPlatform | null;
  unread: boolean;
  needsReply: boolean;
  windowOpen: boolean;
  label: string | null;
  state: 'all' | 'open' | 'done';
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** How many conversations match the filter in all. */
  total: number;
  offset: number;
}

/** How many conversations each filter would show, each counted over every stored conversation. */
export interface InboxCounts {
  total: number;
  unread: number;
  needsReply: number;
  windowOpen: number;
  done: number;
  emptiedByRetention: number;
  byAccount: Array<{ accountId: number; accountName: string; network: Network; count: number }>;
  byPlatform: Array<{ platform: MessagingPlatform; count: number }>;
  byLabel: Array<{ label: string; count: number }>;
}

/** What a message carried besides text, by kind (no URL or file is ever shown from here). */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'file' | 'story_mention' | 'story_reply' | 'shared_post' | 'reel' | 'other';

export interface MessageItem {
  id: number;
  conversationId: number;
  direction: 'in' | 'out';
  sentAt: number;
  text: string | null;
  hasAttachments: boolean;
  /** One entry per attachment, by kind; empty when none is stored (or text-only mode removed them). */
  attachments: AttachmentKind[];
  isDeleted: boolean;
  /** The message this one answers (Meta's `reply_to`); `messageId` null when that one is not stored. */
  replyTo: { messageId: number | null; direction: 'in' | 'out' | null; text: string | null } | null;
}

/** A run of message text; `match` marks where the search words were found. */
export interface TextRun {
  text: string;
  match: boolean;
}

export interface SearchHit {
  messageId: number;
  conversationId: number;
  accountId: number;
  accountName: string;
  platform: MessagingPlatform;
  personName: string;
  sentAt: number;
  direction: 'in' | 'out';
  /** A window of the message's plain text around the first match (no markup, no markers). */
  snippet: string;
  /** The same window cut into runs, so matches are highlighted by position, never by markers in the text. */
  runs: TextRun[];
  replyWindow: ReplyWindowState;
}

export interface SearchQuery {
  query: string;
  accountId: number | null;
  platform: MessagingPlatform | null;
  /** Unix ms, inclusive; null = no bound. */
  from: number | null;
  to: number | null;
  offset: number;
  limit: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Every matching message, not just this page. */
  total: number;
  offset: number;
}

export interface SavedReply {
  id: number;
  title: string;
  body: string;
  /** Typed after `/` in the composer to insert the body, e.g. `thanks`. */
  shortcut: string | null;
}

export interface CommentItem {
  id: number;
  accountId: number;
  postId: number;
  author: string;
  text: string | null;
  createdAt: number;
  likeCount: number | null;
  hidden: boolean;
  /** Written by the brand account itself. */
  fromUs: boolean;
}

export interface CommentThread extends CommentItem {
  postCaption: string;
  postPermalink: string | null;
  accountName: string;
  network: Network;
  /** Replies oldest first. */
  replies: CommentItem[];
  /** No reply from the brand yet. */
  unanswered: boolean;
}

export interface CommentQuery {
  accountId: number | null;
  postId: number | null;
  unansweredOnly: boolean;
  offset: number;
  limit: number;
}

export interface CommentPage {
  threads: CommentThread[];
  total: number;
  offset: number;
}

export interface CommentedPost {
  id: number;
  accountId: number;
  caption: string;
  publishedAt: number;
  comments: number;
}

/** What the Inbox badge counts: unread conversations and comments newer than the last look at them. */
export interface InboxBadge {
  unreadConversations: number;
  newComments: number;
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
  /** Show an OS notification when new messages or comments arrive. */
  notifyNewMessages: boolean;
}
