/**
 * The inbox's payloads (re-exported by api-types.ts): conversations with their triage, messages,
 * search hits, saved replies and comments. Plain data only.
 */
import type { Network } from './api-types';

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
  /** What the last message carries (a photo, a shared post…), so a row without text can say which. */
  lastMessageAttachments?: AttachmentKind[];
  /** The last stored message was ours ("You: …"). */
  lastMessageFromUs: boolean;
  messageCount: number;
  /** Replies are allowed until this time (Meta's 24-hour window); null if closed or unknown. */
  replyWindowEndsAt: number | null;
  replyWindow: ReplyWindowState;
  /** The account may answer with the Human Agent tag up to 7 days (a setting: Meta must approve it). */
  humanAgentAllowed: boolean;
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
  /** Older messages are not available from Meta (Instagram returns only a thread's 20 newest). */
  historyLimited: boolean;
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
  /** The 24-hour window is open and ends within CLOSING_SOON_MS: answer these first. */
  closingSoon: boolean;
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
  closingSoon: number;
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
  /** Meta's `is_owner`: sent by the business; null when Meta did not say. */
  isOwner: boolean | null;
  /** Reactions Meta reported by webhook (the person's and the business's), newest state only. */
  reactions: MessageReaction[];
  /** When the sender last edited it (the text is the edited one); null when never edited. */
  editedAt: number | null;
  /** How many times it was edited (Meta's `num_edit`); 0 when never. Only the newest text is kept. */
  editCount: number;
  /** True on our newest message the person has seen (Meta's seen/read receipt). */
  seen: boolean;
}

export interface MessageReaction {
  /** The emoji Meta sent, or null when it sent only a name (`reaction`, e.g. "love"). */
  emoji: string | null;
  reaction: string | null;
  byBusiness: boolean;
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
  /** Count every hit (default). A later page passes false: the first page's total stands, and counting walks every match. */
  withTotal?: boolean;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Every matching message, not just this page; null when the query asked for no count (a later page). */
  total: number | null;
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
  /** Meta's id of the comment. */
  externalId: string;
  author: string;
  text: string | null;
  createdAt: number;
  likeCount: number | null;
  hidden: boolean;
  /** Written by the brand account itself. */
  fromUs: boolean;
  /** A private reply (DM) to it was sent or is on its way: Meta allows one per comment. */
  privateReplied: boolean;
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
  /** Only threads this person started or replied in (opened from Analytics' engaged people). */
  personId?: number | null;
  /** Threads without a reply from the account come first, each group newest first. */
  unansweredFirst?: boolean;
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
