import type { ConversationSummary, InboxCounts, MessageItem, SearchHit } from '../../../src-preload/contract';
import { ok, type Handlers } from './fake-api';

export const HOUR = 3_600_000;

/** A conversation summary with sensible defaults; tests override what they look at. */
export function conversation(id: number, over: Partial<ConversationSummary> = {}, now = Date.now()): ConversationSummary {
  const at = over.activityAt ?? now - id * 60_000;
  return {
    id,
    accountId: 1,
    accountName: 'Café Lumen',
    network: 'instagram',
    platform: 'instagram',
    personName: `Person ${id}`,
    personHandle: null,
    lastMessageAt: at,
    lastMessageText: `Last message ${id}`,
    lastMessageFromUs: false,
    messageCount: 3,
    replyWindowEndsAt: at + 24 * HOUR,
    replyWindow: 'open',
    humanAgentAllowed: false,
    lastIncomingAt: at,
    activityAt: at,
    unread: false,
    needsReply: true,
    done: false,
    labels: [],
    note: null,
    emptiedByRetention: false,
    historyLimited: false,
    openUrl: 'https://www.instagram.com/direct/inbox/',
    ...over,
  };
}

export function message(id: number, conversationId: number, sentAt: number, over: Partial<MessageItem> = {}): MessageItem {
  return { id, conversationId, direction: 'in', sentAt, text: `Message ${id}`, hasAttachments: false, attachments: [], isDeleted: false, replyTo: null, isOwner: null, reactions: [], editedAt: null, editCount: 0, seen: false, ...over };
}

export function hit(messageId: number, c: ConversationSummary, sentAt: number, runs: SearchHit['runs']): SearchHit {
  return {
    messageId,
    conversationId: c.id,
    accountId: c.accountId,
    accountName: c.accountName,
    platform: c.platform,
    personName: c.personName,
    sentAt,
    direction: 'in',
    snippet: runs.map((r) => r.text).join(''),
    runs,
    replyWindow: c.replyWindow,
  };
}

/** Inbox handlers over in-memory conversations and messages, paged like main pages them. */
export function inboxHandlers(conversations: ConversationSummary[], messages: MessageItem[] = [], hits: SearchHit[] = []): Handlers {
  const counts = (): InboxCounts => ({
    total: conversations.length,
    unread: conversations.filter((c) => c.unread).length,
    needsReply: conversations.filter((c) => c.needsReply).length,
    windowOpen: conversations.filter((c) => c.replyWindow === 'open').length,
    closingSoon: conversations.filter((c) => c.replyWindowEndsAt !== null && c.replyWindowEndsAt - Date.now() <= 3 * HOUR).length,
    done: conversations.filter((c) => c.done).length,
    emptiedByRetention: conversations.filter((c) => c.emptiedByRetention).length,
    byAccount: [...new Set(conversations.map((c) => c.accountId))].map((accountId) => {
      const first = conversations.find((c) => c.accountId === accountId) as ConversationSummary;
      return { accountId, accountName: first.accountName, network: first.network, count: conversations.filter((c) => c.accountId === accountId).length };
    }),
    byPlatform: [],
    byLabel: [],
  });
  return {
    'inbox:queryConversations': ({ filter, offset, limit }) => {
      const matching = conversations.filter(
        (c) =>
          (filter.accountId === null || c.accountId === filter.accountId) &&
          (!filter.unread || c.unread) &&
          (!filter.needsReply || c.needsReply) &&
          (!filter.windowOpen || c.replyWindow === 'open') &&
          (!filter.closingSoon || (c.replyWindowEndsAt !== null && c.replyWindowEndsAt - Date.now() <= 3 * HOUR)),
      );
      return ok({ items: matching.slice(offset, offset + limit), total: matching.length, offset });
    },
    'inbox:getCounts': () => ok(counts()),
    'inbox:getConversation': ({ conversationId }) => {
      const found = conversations.find((c) => c.id === conversationId);
      return found ? ok(found) : { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
    },
    'inbox:markRead': ({ conversationId, read }) => {
      const found = conversations.find((c) => c.id === conversationId) as ConversationSummary;
      found.unread = !read;
      return ok(found);
    },
    'inbox:setDone': ({ conversationId, done }) => {
      const found = conversations.find((c) => c.id === conversationId) as ConversationSummary;
      found.done = done;
      return ok(found);
    },
    'inbox:setLabels': ({ conversationId, labels }) => {
      const found = conversations.find((c) => c.id === conversationId) as ConversationSummary;
      found.labels = labels;
      return ok(found);
    },
    'inbox:setNote': ({ conversationId, note }) => {
      const found = conversations.find((c) => c.id === conversationId) as ConversationSummary;
      found.note = note || null;
      return ok(found);
    },
    'inbox:getMessages': ({ conversationId, limit, before }) =>
      ok(
        messages
          .filter((m) => m.conversationId === conversationId && (before === null || m.sentAt < before))
          .sort((a, b) => b.sentAt - a.sentAt)
          .slice(0, limit),
      ),
    'inbox:searchMessages': ({ offset, limit, accountId, withTotal }) => {
      const matching = hits.filter((h) => accountId === null || h.accountId === accountId);
      return ok({ hits: matching.slice(offset, offset + limit), total: withTotal === false ? null : matching.length, offset });
    },
  };
}

/**
 * jsdom does no layout, so the virtualizer would see a 0-pixel viewport and render nothing:
 * give every element a 600×800 box, as a window would.
 */
export function fakeLayout(): () => void {
  const sizes = { offsetHeight: 800, offsetWidth: 600, clientHeight: 800, clientWidth: 600 };
  const saved = Object.keys(sizes).map((key) => [key, Object.getOwnPropertyDescriptor(Element.prototype, key) ?? Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)] as const);
  for (const [key, value] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    }
  };
}
