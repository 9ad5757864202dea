import type { Events } from '../../src-preload/contract';
import type { Repositories } from '../store/repositories';

export interface InboxNotice {
  title: string;
  /** Counts only: the OS notification centre keeps what it shows, so no message text goes there. */
  body: string;
  /** The newest conversation with a new message, opened when the notice is clicked (null: comments only). */
  conversationId: number | null;
}

export interface InboxNotifierDeps {
  repos: () => Repositories | null;
  enabled: () => boolean;
  now: () => number;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} new ${word}${n === 1 ? '' : 's'}`;

/**
 * Decides, after the store changed, whether new messages or comments arrived since the last
 * notice: incoming messages and others' comments written after the `notified` mark. The first
 * check only sets the mark, so connecting an account with years of history raises nothing.
 */
export function createInboxNotifier(deps: InboxNotifierDeps) {
  return {
    check(change: Events['store:changed']): InboxNotice | null {
      if (!change.what.some((w) => w === 'messages' || w === 'comments' || w === 'all')) return null;
      const repos = deps.repos();
      if (!repos) return null;
      const now = deps.now();
      const since = repos.triage.getMark('notified');
      repos.triage.setMark('notified', now);
      if (since === null || !deps.enabled()) return null;
      const messages = repos.triage.messagesSince(since);
      const comments = repos.triage.commentsSince(since);
      if (messages.count + comments === 0) return null;
      const parts = [messages.count > 0 ? plural(messages.count, 'message') : null, comments > 0 ? plural(comments, 'comment') : null];
      return { title: 'Social Desk', body: parts.filter(Boolean).join(' and '), conversationId: messages.count > 0 ? messages.newestConversationId : null };
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
