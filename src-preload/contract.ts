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
  'READ_ONLY',
  'DAMAGED',
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

/** Every payload type, re-exported so both ends import from the contract alone. */
export type * from './api-types';
export type * from './analytics-types';
export type * from './outbox-types';
import type {
  AppState,
  StoreStatus,
  AccountSummary,
  DemoSummary,
  ConversationSummary,
  MessageItem,
  SearchHit,
  WipeReport,
  SetAsideReport,
  AuditEntry,
  TokenHealth,
  SyncStatus,
  RemovalReport,
  MetaAppConfig,
  Settings,
  ConversationFilter,
  ConversationPage,
  InboxCounts,
  SearchQuery,
  SearchPage,
  InboxBadge,
  SavedReply,
  CommentQuery,
  CommentPage,
  CommentedPost,
  RelayStatusView,
  AuditCategory,
  AuditVerification,
  ForgetTarget,
  PersonMatch,
  ForgetPreview,
  ForgetReceipt,
  RetentionPolicy,
  RetentionPreview,
  RetentionRun,
  RetentionConfirmation,
  DeletionRequest,
  DeletionRequestSource,
  ExportEverythingReport,
} from './api-types';
import type {
  AnalyticsOverview,
  AnalyticsScope,
  AudienceReport,
  EngagedPerson,
  HeatmapReport,
  LeadershipReportRequest,
  PeriodQuery,
  PostDetail,
  PostsPage,
  PostsQuery,
} from './analytics-types';
import type { CommentAction, OutboxItem, ThreadOutbox } from './outbox-types';

/**
 * The Meta permissions Social Desk asks for on Pages and their linked Instagram accounts, through
 * Facebook Login or on a system-user token: read profiles, media, insights, comments and DMs.
 */
/**
 * The paired relay's https page that Meta redirects a browser login to (`GET /oauth/return/…`);
 * the brand registers it in its Meta app. Shared by the login flow and Settings, which shows it.
 */
export function relayLoginReturnUri(relayUrl: string, provider: 'facebook' | 'instagram'): string {
  return `${relayUrl.replace(/\/+$/, '')}/oauth/return/${provider}`;
}

export const META_PERMISSIONS = [
  'instagram_basic',
  'instagram_manage_insights',
  'instagram_manage_comments',
  'instagram_manage_messages',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'pages_messaging',
  'business_management',
] as const;

/** The conversation filter that shows everything (what each filter narrows from). */
export const ALL_CONVERSATIONS: Readonly<ConversationFilter> = Object.freeze({
  accountId: null,
  platform: null,
  unread: false,
  needsReply: false,
  windowOpen: false,
  closingSoon: false,
  label: null,
  state: 'all',
});

/** Channel → argument and result types. One-line doc per entry says what it does. */
export interface Contract {
  /** Where the app is: first run, locked, key recovery or ready. */
  'app:getState': { args: undefined; result: AppState };
  /** Quit the app (offered on the key-recovery screen). */
  'app:quit': { args: undefined; result: null };
  /** Open the store again (after the keychain was unlocked, the other Social Desk quit, space was freed). */
  'app:retryOpen': { args: undefined; result: AppState };
  /** Show the data folder in the system's file manager. */
  'app:showDataFolder': { args: undefined; result: null };
  /** A damaged database: move it and its key into a dated folder inside the data folder, then start fresh. */
  'store:setAsideAndStartFresh': { args: { confirm: 'SET_ASIDE' }; result: SetAsideReport };
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
  /** Figures per account for a period with the previous period, from the local store only. */
  'analytics:getOverview': { args: PeriodQuery; result: AnalyticsOverview };
  /** Every post of a scope matching the filters, with its newest metrics and engagement rate. */
  'analytics:listPosts': { args: PostsQuery; result: PostsPage };
  /** One post: metrics over time from the stored snapshots, and its comments with replies. */
  'analytics:getPost': { args: { postId: number }; result: PostDetail };
  /** Stored thumbnails of these posts as data URLs (read from the local store, never the network); posts without one are absent. */
  'analytics:getThumbnails': { args: { postIds: number[] }; result: Record<number, string> };
  /** An Instagram account's audience demographics as Meta last gave them. */
  'analytics:getAudience': { args: { accountId: number }; result: AudienceReport };
  /** Posts of a period by weekday and hour in the user's time zone. */
  'analytics:getBestTimes': { args: PeriodQuery; result: HeatmapReport };
  /** People who commented or messaged, most active first. */
  'analytics:listPeople': { args: { scope: AnalyticsScope }; result: EngagedPerson[] };
  /** Render the leadership report (aggregates only) to a PDF where the user chooses; null when cancelled. */
  'reports:saveLeadership': { args: LeadershipReportRequest; result: { path: string } | null };
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
  /** Audit-log entries in plain words, newest first; filter by category, page with `beforeId`. */
  'privacy:listAudit': { args: { limit: number; category?: AuditCategory | null; beforeId?: number | null }; result: AuditEntry[] };
  /** Walk the audit log's hash chain and name the first broken entry. */
  'privacy:verifyAudit': { args: undefined; result: AuditVerification };
  /** Write the audit log (plain words) into a folder the user picks; null when they cancel. */
  'privacy:exportAudit': { args: { format: 'csv' | 'json' }; result: { path: string } | null };
  /** Stored people whose name, handle or Meta id matches (the engaged-people picker for "forget"). */
  'privacy:findPeople': { args: { query: string }; result: PersonMatch[] };
  /** What forgetting this person would remove, per table; nothing is removed. */
  'privacy:previewForget': { args: { target: ForgetTarget }; result: ForgetPreview };
  /** Remove everything of one person in one transaction; returns the receipt. */
  'privacy:forget': { args: { target: ForgetTarget; confirm: 'FORGET' }; result: ForgetReceipt };
  /** Receipts of past forgets (counts and codes, never who). */
  'privacy:listReceipts': { args: undefined; result: ForgetReceipt[] };
  /** Write one receipt into a folder the user picks; null when they cancel. */
  'privacy:exportReceipt': { args: { code: string }; result: { path: string } | null };
  /** What a retention policy (and text-only mode) would remove now; nothing is removed. */
  'privacy:previewRetention': { args: { retention: RetentionPolicy; textOnlyDms: boolean }; result: RetentionPreview };
  /** Save a previewed retention policy and apply it now (after the user confirmed the preview). */
  'privacy:applyRetention': { args: { retention: RetentionPolicy; textOnlyDms: boolean; confirm: 'APPLY' } & RetentionConfirmation; result: RetentionRun };
  /** The deletion-request log, newest first. */
  'privacy:listRequests': { args: undefined; result: DeletionRequest[] };
  /** Log a deletion request received by email, form or Meta's callback. */
  'privacy:addRequest': { args: { requester: string; source: DeletionRequestSource; note?: string }; result: DeletionRequest };
  /** Carry out a request: forget the person it names, link the receipt, mark it done. */
  'privacy:completeRequest': { args: { code: string; confirm: 'FORGET' }; result: DeletionRequest };
  /** Export every table as JSON + CSV with a manifest into a folder the user picks; null when they cancel. */
  'privacy:exportEverything': { args: undefined; result: ExportEverythingReport | null };
  /** Stop the running export-everything; what it staged is removed and nothing reaches the chosen folder. */
  'privacy:cancelExport': { args: undefined; result: { cancelled: boolean } };
  /** Lock now: close the data and show the unlock screen. */
  'vault:lock': { args: { reason: 'manual' | 'idle' }; result: AppState };
  /** Change the passphrase (re-wraps the data key; the database is not rewritten). */
  'vault:changePassphrase': { args: { current: string; next: string }; result: null };
  /** Move the key's protection between the keychain and a passphrase. */
  'vault:switchProtection': { args: { mode: 'os-keychain' | 'passphrase'; current?: string; passphrase?: string }; result: AppState };
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
  /**
   * Facebook or Instagram Login in the system browser (desktop app with a paired relay): Meta
   * answers on the relay's https page, which hands the answer to the app as a social-desk:// link.
   * Resolves once the answer came back ([] when the person cancelled or gave up).
   */
  'accounts:connectInBrowser': { args: { provider: 'facebook' | 'instagram' }; result: AccountSummary[] };
  /** Stop waiting for the browser login's answer. */
  'accounts:cancelBrowserLogin': { args: undefined; result: { cancelled: boolean } };
  /** One page of the filtered conversation list (newest activity first) with the filtered total. */
  'inbox:queryConversations': { args: { filter: ConversationFilter; offset: number; limit: number }; result: ConversationPage };
  /** How many conversations each filter would show. */
  'inbox:getCounts': { args: undefined; result: InboxCounts };
  /** One conversation's header: account, channel, reply window, triage (for a thread opened from anywhere). */
  'inbox:getConversation': { args: { conversationId: number }; result: ConversationSummary };
  /** Every search hit, paged, with the total; filters by account, channel and date. */
  'inbox:searchMessages': { args: SearchQuery; result: SearchPage };
  /** Unread conversations and new comments, for the Inbox badge. */
  'inbox:getBadge': { args: undefined; result: InboxBadge };
  /** Mark a conversation read (everything so far seen) or unread (local only). */
  'inbox:markRead': { args: { conversationId: number; read: boolean }; result: ConversationSummary };
  /** Mark every conversation read. */
  'inbox:markAllRead': { args: undefined; result: null };
  /** Mark done (until the person writes again) or reopen (local only). */
  'inbox:setDone': { args: { conversationId: number; done: boolean }; result: ConversationSummary };
  /** Replace a conversation's labels (local only). */
  'inbox:setLabels': { args: { conversationId: number; labels: string[] }; result: ConversationSummary };
  /** Set the internal note (local only, never sent to Meta); empty removes it. */
  'inbox:setNote': { args: { conversationId: number; note: string }; result: ConversationSummary };
  /** Saved replies, by title. */
  'savedReplies:list': { args: undefined; result: SavedReply[] };
  /** Add (no id) or change a saved reply. */
  'savedReplies:save': { args: { id?: number; title: string; body: string; shortcut: string | null }; result: SavedReply };
  /** Delete a saved reply. */
  'savedReplies:remove': { args: { id: number }; result: null };
  /** Top-level comments newest first with their replies, per account and post, optionally unanswered only. */
  'comments:listThreads': { args: CommentQuery; result: CommentPage };
  /** Posts with comments, for the per-post filter. */
  'comments:listPosts': { args: { accountId: number | null }; result: CommentedPost[] };
  /** The staff looked at the comments: new ones stop counting toward the badge. */
  'comments:markSeen': { args: undefined; result: null };
  /** The relay pairing and its live connection. */
  'relay:getStatus': { args: undefined; result: RelayStatusView };
  /** Pair this computer with a relay using the one-time code its admin command printed. */
  'relay:pair': { args: { url: string; code: string }; result: RelayStatusView };
  /** Forget the relay pairing (the private key is deleted; the relay admin revokes the device there). */
  'relay:unpair': { args: { confirm: 'UNPAIR' }; result: RelayStatusView };
  /** Write a reply to the outbox (refused with the reason when Meta's window forbids it) and try to send it. */
  'outbox:send': { args: { conversationId: number; text: string }; result: OutboxItem };
  /** Meta's reply window for a thread now, and the thread's pending, sent and failed items. */
  'outbox:forThread': { args: { conversationId: number }; result: ThreadOutbox };
  /** Everything not yet sent, then the newest sent items. */
  'outbox:list': { args: { limit: number }; result: OutboxItem[] };
  /** Try failed and waiting items (one, or all when null) now. */
  'outbox:retry': { args: { id: number | null }; result: OutboxItem[] };
  /** Drop an item that has not been sent (after the renderer's confirmation). */
  'outbox:discard': { args: { id: number; confirm: 'DISCARD' }; result: null };
  /** Whether Meta approved the Human Agent feature (replies up to 7 days) for an account. */
  'outbox:setHumanAgent': { args: { accountId: number; allowed: boolean }; result: null };
  /** Reply, private reply, hide, unhide or delete a comment, through the outbox. */
  'comments:act': { args: { commentId: number } & CommentAction; result: OutboxItem };
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
  'analytics:listPosts',
  'analytics:getPost',
  'analytics:getThumbnails',
  'analytics:getAudience',
  'analytics:getBestTimes',
  'analytics:listPeople',
  'reports:saveLeadership',
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
  'accounts:connectInBrowser',
  'accounts:cancelBrowserLogin',
  'inbox:queryConversations',
  'inbox:getCounts',
  'inbox:getConversation',
  'inbox:searchMessages',
  'inbox:getBadge',
  'inbox:markRead',
  'inbox:markAllRead',
  'inbox:setDone',
  'inbox:setLabels',
  'inbox:setNote',
  'savedReplies:list',
  'savedReplies:save',
  'savedReplies:remove',
  'comments:listThreads',
  'comments:listPosts',
  'comments:markSeen',
  'privacy:verifyAudit',
  'privacy:exportAudit',
  'privacy:findPeople',
  'privacy:previewForget',
  'privacy:forget',
  'privacy:listReceipts',
  'privacy:exportReceipt',
  'privacy:previewRetention',
  'privacy:applyRetention',
  'privacy:listRequests',
  'privacy:addRequest',
  'privacy:completeRequest',
  'privacy:exportEverything',
  'privacy:cancelExport',
  'vault:lock',
  'vault:changePassphrase',
  'vault:switchProtection',
  'app:retryOpen',
  'app:showDataFolder',
  'store:setAsideAndStartFresh',
  'relay:getStatus',
  'relay:pair',
  'relay:unpair',
  'outbox:send',
  'outbox:forThread',
  'outbox:list',
  'outbox:retry',
  'outbox:discard',
  'outbox:setHumanAgent',
  'comments:act',
] as const satisfies readonly Channel[];

type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
/** Compile-time proof that every contract entry is in CHANNELS. */
export const CHANNELS_COMPLETE: MissingChannels extends never ? true : MissingChannels = true;

/** Main → renderer events. */
export interface Events {
  /** The app moved to another phase (e.g. after a wipe). */
  'app:state-changed': AppState;
  /** Stored data changed; the renderer refetches what it shows of these. */
  'store:changed': { what: Array<'accounts' | 'posts' | 'insights' | 'messages' | 'comments' | 'triage' | 'outbox' | 'all'> };
  /** Progress of a running sync or demo load. */
  'sync:progress': { accountId: number | null; job: string; done: number; total: number };
  /** Sync state changed: a run started or ended, a pause began, the budget moved. */
  'sync:status': SyncStatus;
  /** Open this conversation in the Inbox (a notification was clicked). */
  'inbox:open-conversation': { conversationId: number };
  /** Open the Inbox's Comments view, all accounts, newest first (a notice about new comments only was clicked). */
  'inbox:open-comments': Record<string, never>;
  /** The relay connection changed (connected, offline, new event). */
  'relay:status': RelayStatusView;
  /** How far a running export-everything is (rows of the table being written; tables done). */
  'privacy:export-progress': { table: string; rowsDone: number; rowsTotal: number; tablesDone: number; tablesTotal: number };
  /** The desktop menu asked for a view (Help → Privacy and your data). */
  'app:show-view': { view: 'privacy' | 'settings' };
}
export type EventName = keyof Events;

export const EVENT_NAMES = [
  'app:state-changed',
  'store:changed',
  'sync:progress',
  'sync:status',
  'inbox:open-conversation',
  'inbox:open-comments',
  'relay:status',
  'app:show-view',
  'privacy:export-progress',
] as const satisfies readonly EventName[];

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
