import type { Events } from '../../src-preload/contract';
import type { AppEvents } from '../core/events';
import type { Repositories } from '../store/repositories';

export interface InboxNotice {
  title: string;
  /**
   * Counts only, never a name or message text: the OS notification centre keeps what it shows,
   * and a locked screen shows it to whoever is near.
   */
  body: string;
  /** The newest conversation with a new message, opened when the notice is clicked (null: comments only). */
  conversationId: number | null;
}

/**
 * What a click on the notice opens: the newest conversation with a new message, or, for a notice
 * about comments only, the Comments view (all accounts, newest first), where the new ones are on top.
 * The Electron glue brings the window forward and calls this; plain Node, so the routing is tested.
 */
export function openNoticeTarget(notice: InboxNotice, events: Pick<AppEvents, 'emit'>): void {
  if (notice.conversationId !== null) events.emit('inbox:open-conversation', { conversationId: notice.conversationId });
  else events.emit('inbox:open-comments', {});
}

export interface NotifierDecision {
  /** Show this now (null: nothing to show now). */
  notice: InboxNotice | null;
  /** News held back because a notice was shown moments ago: call `flush()` at this time. */
  flushAt: number | null;
}

export interface InboxNotifierDeps {
  repos: () => Repositories | null;
  /** The "Notify me of new messages and comments" setting. */
  enabled: () => boolean;
  now: () => number;
  /** The app is in front: the person sees the new items (and the badge) already, so no notice. */
  userIsLooking?: () => boolean;
}

/** After a notice, more news within this time is gathered into one notice at its end. */
export const NOTICE_QUIET_MS = 60_000;

const NOTHING: NotifierDecision = { notice: null, flushAt: null };

const count = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Decides, after the store changed, whether new messages or comments arrived since the last look
 * (incoming messages and others' comments stored after the `notified` mark) and whether to say so
 * now. The first check only sets the mark, so connecting an account with years of history raises
 * nothing. Coalescing: one notice at most per NOTICE_QUIET_MS; what arrives meanwhile (the next
 * account's sync, a webhook) waits in the store, counted from the same mark, and goes into one
 * notice when the quiet time ends. Plain Node: the Electron side only shows what this returns.
 */
export function createInboxNotifier(deps: InboxNotifierDeps) {
  let lastShownAt = Number.NEGATIVE_INFINITY;

  const decide = (): NotifierDecision => {
    const repos = deps.repos();
    if (!repos) return NOTHING;
    const now = deps.now();
    const since = repos.triage.getMark('notified');
    if (since === null) {
      repos.triage.setMark('notified', now);
      return NOTHING;
    }
    const messages = repos.triage.messagesSince(since);
    const comments = repos.triage.commentsSince(since);
    if (messages.count + comments === 0) return NOTHING;
    if (!deps.enabled() || deps.userIsLooking?.()) {
      repos.triage.setMark('notified', now);
      return NOTHING;
    }
    if (now < lastShownAt + NOTICE_QUIET_MS) return { notice: null, flushAt: lastShownAt + NOTICE_QUIET_MS };
    repos.triage.setMark('notified', now);
    lastShownAt = now;
    const inConversations = messages.conversations > 1 ? ` in ${messages.conversations.toLocaleString('en')} conversations` : '';
    const parts = [messages.count > 0 ? `${count(messages.count, 'new message')}${inConversations}` : null, comments > 0 ? count(comments, 'new comment') : null];
    return { notice: { title: 'Social Desk', body: parts.filter(Boolean).join(' and '), conversationId: messages.newestConversationId }, flushAt: null };
  };

  return {
    check(change: Events['store:changed']): NotifierDecision {
      if (!change.what.some((w) => w === 'messages' || w === 'comments' || w === 'all')) return NOTHING;
      return decide();
    },
    /** Shows what was held back, once its quiet time is over. */
    flush(): NotifierDecision {
      return decide();
    },
    /** For the app-icon badge: the same figure as the Inbox nav badge. */
    badgeCount(): number {
      const repos = deps.repos();
      if (!repos) return 0;
      const badge = repos.triage.badge(repos.inbox.counts(deps.now()).unread, deps.now());
      return badge.unreadConversations + badge.newComments;
    },
  };
}
