/**
 * Payload types of the answering side (replies, the outbox, comment actions), kept apart from
 * api-types.ts so the reading side and the answering side grow without stepping on each other.
 * Pure types and one pure function: shared by main, the preload, the renderer and the CLI.
 */

/** What an outbox item does at Meta. */
export type OutboxKind = 'message' | 'private_reply' | 'comment_reply' | 'comment_hide' | 'comment_unhide' | 'comment_delete';

/** queued → sending → sent | failed. A queued item with a reason is waiting to retry. */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

/** Why an item is waiting or failed, as a closed set the UI turns into words and a next step. */
export type OutboxReasonCode =
  | 'window-closed'
  | 'person-unavailable'
  | 'rate-limited'
  | 'token-expired'
  | 'permission-missing'
  | 'offline'
  | 'meta-unavailable'
  | 'not-found'
  | 'rejected';

export interface OutboxItem {
  id: number;
  accountId: number;
  kind: OutboxKind;
  conversationId: number | null;
  commentId: number | null;
  text: string | null;
  /** 'HUMAN_AGENT' when sent with Meta's human-agent tag (between 24 h and 7 days). */
  tag: 'HUMAN_AGENT' | null;
  state: OutboxState;
  attempts: number;
  /** When a waiting item is tried again; null when it waits for a reconnect or is final. */
  nextAttemptAt: number | null;
  reasonCode: OutboxReasonCode | null;
  /** Plain words: what happened and what to do. */
  reason: string | null;
  createdAt: number;
  sentAt: number | null;
}

/**
 * Meta's reply windows for one conversation: `open` (24 h after the person's last message),
 * `human-agent` (after that, up to 7 days, only where Meta approved the Human Agent feature for the
 * account), else `closed`. `closesAt` is when the current state ends; null when closed.
 */
export interface ComposerWindow {
  state: 'open' | 'human-agent' | 'closed';
  closesAt: number | null;
  /** The person's last message; null when they never wrote (the business cannot start a thread). */
  lastIncomingAt: number | null;
  /** Whether the account may use HUMAN_AGENT (a setting: Meta must approve it). */
  humanAgentAllowed: boolean;
  /** Why it cannot send, in plain words; null when it can. */
  refusal: string | null;
}

/** What the composer shows for one thread: the window and the thread's outbox items. */
export interface ThreadOutbox {
  /** The brand account the thread belongs to (whose Human Agent setting applies). */
  accountId: number;
  /** The thread's channel: Instagram caps a message at 1,000 bytes, Messenger at 2,000 characters. */
  platform: 'instagram' | 'messenger' | 'whatsapp';
  window: ComposerWindow;
  items: OutboxItem[];
}

/** A comment action requested from the UI or the CLI. */
export type CommentAction =
  | { action: 'reply'; text: string }
  | { action: 'private-reply'; text: string }
  | { action: 'hide' }
  | { action: 'unhide' }
  | { action: 'delete'; confirm: 'DELETE' };

export const HOUR_MS = 3_600_000;
/** Meta's standard messaging window. */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
/** The HUMAN_AGENT tag's window, and the private-reply window of a comment. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;
/** The "closing soon" filter: the standard window ends within this time. */
export const CLOSING_SOON_MS = 3 * HOUR_MS;

/** The reply window at `now` for a thread whose person last wrote at `lastIncomingAt`. */
export function replyWindowAt(lastIncomingAt: number | null, humanAgentAllowed: boolean, now: number): ComposerWindow {
  const base = { lastIncomingAt, humanAgentAllowed };
  if (lastIncomingAt === null) {
    return { ...base, state: 'closed', closesAt: null, refusal: 'They have not written to you: Meta lets a business reply only after the person writes first.' };
  }
  const standardEnd = lastIncomingAt + STANDARD_WINDOW_MS;
  if (now < standardEnd) return { ...base, state: 'open', closesAt: standardEnd, refusal: null };
  const agentEnd = lastIncomingAt + HUMAN_AGENT_WINDOW_MS;
  if (now < agentEnd && humanAgentAllowed) return { ...base, state: 'human-agent', closesAt: agentEnd, refusal: null };
  if (now < agentEnd) {
    return {
      ...base,
      state: 'closed',
      closesAt: null,
      refusal:
        'The 24-hour reply window has closed. Meta allows a human reply for up to 7 days only where it approved the Human Agent feature for this account (once approved, turn on Human Agent replies for the account: under the reply box, or `human-agent ACCOUNT on` on the command line); otherwise wait for them to write again.',
    };
  }
  return { ...base, state: 'closed', closesAt: null, refusal: 'The reply window has closed (more than 7 days since their last message): wait for them to write again.' };
}

/** How long a reply is against Meta's cap for its channel. */
export interface ReplyLength {
  used: number;
  max: number;
  unit: 'bytes' | 'characters';
  over: boolean;
}

/**
 * Meta's text caps: Instagram messages at most 1,000 bytes of UTF-8 (Instagram messaging API),
 * Messenger messages 2,000 characters (Send API reference, `message.text`). Characters are code
 * points, so an emoji counts once on Messenger and four bytes on Instagram.
 */
export function replyLength(platform: ThreadOutbox['platform'], text: string): ReplyLength {
  if (platform === 'instagram') {
    const used = new TextEncoder().encode(text).length;
    return { used, max: 1000, unit: 'bytes', over: used > 1000 };
  }
  const used = [...text].length;
  return { used, max: 2000, unit: 'characters', over: used > 2000 };
}
